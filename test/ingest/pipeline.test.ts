import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import type { Article } from '../../src/domain/types.ts';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import type { Fetcher } from '../../src/fetch/port.ts';
import { createRobots } from '../../src/fetch/robots.ts';
import { fetchFullText } from '../../src/ingest/fulltext.ts';
import { ingestTargets, nextRetryAt, type IngestDeps } from '../../src/ingest/pipeline.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/ports.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

let server: TestServer;
let fetcher: Fetcher;
let store: Store;
let clock: Date;

beforeEach(async () => {
  server = await startTestServer();
  fetcher = createFetcher({ timeoutMs: 2000, maxBytes: 1024 * 1024, allowlist: ['127.0.0.1'] });
  store = await openSqliteStore(':memory:');
  clock = new Date('2025-06-15T12:00:00Z');
});
afterEach(async () => {
  await fetcher.close();
  await server.close();
  await store.close();
});

function deps(extra: Partial<IngestDeps> = {}): IngestDeps {
  return { store, fetcher, log: createLogger('silent'), now: () => clock, ...extra };
}

const rss = (items: { title: string; link: string; guid?: string; date?: string; body: string }[], title = 'The Harbour Courier') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://courier.example/</link>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}` +
        `<pubDate>${i.date ?? 'Sat, 14 Jun 2025 08:00:00 GMT'}</pubDate><description><![CDATA[${i.body}]]></description></item>`,
    )
    .join('')}</channel></rss>`;

const barrier = { title: 'Tidal barrier vote delayed', body: '<p>The council postponed its vote on the tidal barrier.</p><p>"We would rather be late than wrong," said Ilse Varga.</p>' };

async function allArticles(): Promise<Article[]> {
  return (await store.articles.search({ query: 'barrier council ferry lighthouse market orchard tidal long quay', limit: 100 })).map((h) => h.article);
}

describe('ingestTargets', () => {
  it('stores the same article from two feeds once, whatever their tracking parameters', async () => {
    server.serve('/a.xml', rss([{ ...barrier, link: 'https://courier.example/news/barrier?utm_source=rss&utm_medium=feed', guid: 'c-1' }]), { 'content-type': 'application/rss+xml' });
    server.serve('/b.xml', rss([{ ...barrier, link: 'https://COURIER.example/news/barrier/?fbclid=abc#top', guid: 'agg-99' }], 'Coastal Aggregator'), { 'content-type': 'application/rss+xml' });
    const seen: string[] = [];
    const r = await ingestTargets([`${server.url}/a.xml`, `${server.url}/b.xml`], deps({ concurrency: 1, onArticle: async (a, s) => void seen.push(`${s}:${a.title}`) }));
    expect(r).toMatchObject({ new: 1, duplicate: 1, updated: 0, failed: 0 });
    expect(seen).toEqual(['new:Tidal barrier vote delayed']);
    const [stored] = await allArticles();
    expect(stored).toMatchObject({ url: 'https://courier.example/news/barrier', outlet: 'The Harbour Courier' });
    expect(stored!.text).toBe('The council postponed its vote on the tidal barrier.\n\n"We would rather be late than wrong," said Ilse Varga.');
  });

  it('stores an article listed twice in one feed once, the feed being written as one batch', async () => {
    const items = [
      { ...barrier, link: 'https://courier.example/news/barrier-twice', guid: 'tw-1' },
      { ...barrier, link: 'https://courier.example/news/barrier-twice?utm_source=rss', guid: 'tw-2' },
    ];
    server.serve('/twice.xml', rss(items), { 'content-type': 'application/rss+xml' });
    const r = await ingestTargets([`${server.url}/twice.xml`], deps());
    expect(r).toMatchObject({ new: 1, duplicate: 1, updated: 0, failed: 0 });
    expect((await allArticles()).filter((a) => a.url === 'https://courier.example/news/barrier-twice')).toHaveLength(1);
  });

  it('treats a re-dated feed item as a duplicate and an edited one as an update of the same row', async () => {
    let body = rss([{ ...barrier, link: 'https://courier.example/news/barrier', guid: 'c-1' }]);
    server.route('/feed.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const first = await ingestTargets([`${server.url}/feed.xml`], deps());
    expect(first.new).toBe(1);
    const id = (await allArticles())[0]!.id;

    body = rss([{ ...barrier, link: 'https://courier.example/news/barrier', guid: 'c-1', date: 'Sun, 15 Jun 2025 09:00:00 GMT' }]);
    expect(await ingestTargets([`${server.url}/feed.xml`], deps())).toMatchObject({ new: 0, duplicate: 1, updated: 0 });

    body = rss([{ ...barrier, body: barrier.body + '<p>Correction: the vote is now on 3 July.</p>', link: 'https://courier.example/news/barrier', guid: 'c-1' }]);
    expect(await ingestTargets([`${server.url}/feed.xml`], deps())).toMatchObject({ new: 0, duplicate: 0, updated: 1 });
    const after = await allArticles();
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(id);
    expect(after[0]!.text).toContain('Correction: the vote is now on 3 July.');
  });

  it('keeps GUIDs that are only unique within a feed apart', async () => {
    server.serve('/x.xml', rss([{ title: 'Ferry fares frozen', link: 'https://x.example/1', guid: '1', body: 'Ferry fares are frozen.' }]), { 'content-type': 'text/xml' });
    server.serve('/y.xml', rss([{ title: 'Market hours change', link: 'https://y.example/1', guid: '1', body: 'The market opens at eight.' }]), { 'content-type': 'text/xml' });
    expect(await ingestTargets([`${server.url}/x.xml`, `${server.url}/y.xml`], deps())).toMatchObject({ new: 2, duplicate: 0 });
  });

  it('does not let a failing source stop the others, and records its error with backoff', async () => {
    server.serve('/good.xml', rss([{ ...barrier, link: 'https://courier.example/news/barrier' }]), { 'content-type': 'application/rss+xml' });
    server.serve('/bad.xml', 'server fell over', {}, 500);
    server.serve('/junk.xml', 'this is not a feed at all', { 'content-type': 'application/rss+xml' });
    const targets = [`${server.url}/bad.xml`, `${server.url}/junk.xml`, `${server.url}/good.xml`];
    const progress: number[] = [];
    const r = await ingestTargets(targets, deps({ onProgress: (done) => progress.push(done) }));
    expect(r).toMatchObject({ new: 1, failed: 2 });
    expect(progress).toEqual([1, 2, 3]);
    expect(r.sources.map((s) => s.status)).toEqual(['failed', 'failed', 'ok']);
    expect(r.sources[0]!.error).toBe('HTTP 500');

    const bad = (await store.sources.get(`${server.url}/bad.xml`))!;
    expect(bad).toMatchObject({ lastError: 'HTTP 500', errorCount: 1 });
    expect(bad.nextRetryAt?.toISOString()).toBe('2025-06-15T12:01:00.000Z');

    const requestsBefore = server.requests.filter((q) => q.path === '/bad.xml').length;
    const again = await ingestTargets([`${server.url}/bad.xml`], deps());
    expect(again.sources[0]!.status).toBe('skipped');
    expect(server.requests.filter((q) => q.path === '/bad.xml').length).toBe(requestsBefore);

    const forced = await ingestTargets([`${server.url}/bad.xml`], deps({ force: true }));
    expect(forced.failed).toBe(1);
    const twice = (await store.sources.get(`${server.url}/bad.xml`))!;
    expect(twice.errorCount).toBe(2);
    expect(twice.nextRetryAt?.toISOString()).toBe('2025-06-15T12:02:00.000Z');

    server.serve('/bad.xml', rss([]), { 'content-type': 'application/rss+xml' });
    clock = new Date('2025-06-15T12:05:00Z');
    expect((await ingestTargets([`${server.url}/bad.xml`], deps())).failed).toBe(0);
    expect(await store.sources.get(`${server.url}/bad.xml`)).toMatchObject({ errorCount: 0, lastError: null, nextRetryAt: null });
  });

  it('caps the backoff at six hours', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(nextRetryAt(now, 0).getTime() - now.getTime()).toBe(60_000);
    expect(nextRetryAt(now, 3).getTime() - now.getTime()).toBe(8 * 60_000);
    expect(nextRetryAt(now, 50).getTime() - now.getTime()).toBe(6 * 3600_000);
  });

  it('stores ETag and Last-Modified and sends them back on the next run', async () => {
    server.route('/cond.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v7"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v7"', 'last-modified': 'Sat, 14 Jun 2025 08:00:00 GMT' });
      res.end(rss([{ ...barrier, link: 'https://courier.example/news/barrier' }]));
    });
    await ingestTargets([`${server.url}/cond.xml`], deps());
    expect(await store.sources.get(`${server.url}/cond.xml`)).toMatchObject({ etag: '"v7"', lastModified: 'Sat, 14 Jun 2025 08:00:00 GMT', kind: 'feed' });
    const second = await ingestTargets([`${server.url}/cond.xml`], deps());
    expect(second.sources[0]).toMatchObject({ status: 'not-modified', new: 0 });
  });

  it('ingests a web page, a folder of text files and a local feed file', async () => {
    const { readFileSync } = await import('node:fs');
    server.serve('/news/tidal.html', readFileSync(`${fixtures}pages/harbour-article.html`), { 'content-type': 'text/html; charset=utf-8' });
    const r = await ingestTargets([`${server.url}/news/tidal.html`, `${fixtures}pages/folder`, `${fixtures}feeds/atom.xml`], deps());
    expect(r.sources.map((s) => [s.status, s.kind, s.new])).toEqual([
      ['ok', 'page', 1],
      ['ok', 'file', 2],
      ['ok', 'feed', 2],
    ]);
    const page = (await store.articles.search({ query: 'tidal barrier', limit: 5 }))[0]!.article;
    expect(page).toMatchObject({ outlet: 'The Harbour Courier', byline: 'Mara Quill', url: `${server.url}/news/tidal-barrier-vote` });
    const quay = (await store.articles.search({ query: 'quay market roof', limit: 5 }))[0]!.article;
    expect(quay).toMatchObject({ outlet: 'Millbrook Gazette', title: 'Quay market gets a roof at last' });
    expect(quay.url).toMatch(/^file:\/\/.*01-quay-market\.txt$/);
  });

  it('stores thin items as pending for their page, fetches each page once, and once more when the item is edited', async () => {
    const { readFileSync } = await import('node:fs');
    server.serve('/news/tidal.html', readFileSync(`${fixtures}pages/harbour-article.html`), { 'content-type': 'text/html' });
    const feed = (body: string) => rss([{ title: 'Tidal barrier vote delayed', link: `${server.url}/news/tidal.html`, body }, { title: 'Long item', link: `${server.url}/news/long.html`, body: 'Long. '.repeat(150) }]);
    server.serve('/thin.xml', feed('Vote delayed.'), { 'content-type': 'application/rss+xml' });
    const pending: Article[] = [];
    const withPages = () => deps({ fullText: 'auto', onPending: async (a) => void pending.push(a) });
    await ingestTargets([`${server.url}/thin.xml`], deps());
    expect((await allArticles()).map((a) => a.textSource)).toEqual(['feed', 'feed']);

    await store.close();
    store = await openSqliteStore(':memory:');
    await ingestTargets([`${server.url}/thin.xml`], withPages());
    expect(pending.map((a) => [a.title, a.textSource])).toEqual([['Tidal barrier vote delayed', 'pending']]);
    const pages = { store, fetcher, robots: createRobots(fetcher), now: () => clock };
    const r = await fetchFullText({ articleId: pending[0]!.id, feedHash: pending[0]!.feedHash! }, pages);
    expect(r.status).toBe('page');
    const read = (await store.articles.get(pending[0]!.id))!;
    expect(read).toMatchObject({ textSource: 'page', title: 'Tidal barrier vote delayed', publishedAt: new Date('2025-06-14T08:00:00Z') });
    expect(read.text).toMatch(/^The harbour council postponed/);
    expect(await fetchFullText({ articleId: read.id, feedHash: pending[0]!.feedHash! }, pages)).toMatchObject({ status: 'skipped' });

    // The same feed again: nothing to fetch. An edited teaser: the stored page stays, fetched once more.
    await ingestTargets([`${server.url}/thin.xml`], withPages());
    expect(pending).toHaveLength(1);
    server.serve('/thin.xml', feed('Vote delayed again.'), { 'content-type': 'application/rss+xml' });
    await ingestTargets([`${server.url}/thin.xml`], withPages());
    expect(pending).toHaveLength(2);
    expect((await store.articles.get(read.id))!).toMatchObject({ textSource: 'pending', text: read.text });
  });

  it('keeps a thin item as a teaser, with the reason, when full text is off for its source', async () => {
    server.serve('/never.xml', rss([{ title: 'Quay lights dimmed', link: 'https://courier.example/news/lights', body: 'The quay lights were dimmed…' }]), { 'content-type': 'application/rss+xml' });
    await store.sources.add({ url: `${server.url}/never.xml`, kind: 'feed', fullText: 'never' });
    const pending: Article[] = [];
    await ingestTargets([`${server.url}/never.xml`], deps({ fullText: 'always', onPending: async (a) => void pending.push(a) }));
    expect(pending).toEqual([]);
    expect((await allArticles())[0]).toMatchObject({ textSource: 'teaser', textNote: 'full text is off for this source' });
  });

  it('reads only the newest NEWSBOT_MAX_ITEMS_PER_FEED items and skips items with nothing to store', async () => {
    const days = [3, 9, 1, 7, 5];
    const items = days.map((d) => ({ title: `Harbour notice ${d}`, link: `https://courier.example/n/${d}`, date: `0${d} Jun 2025 08:00:00 GMT`, body: `Notice number ${d}.` }));
    const feed = rss(items).replace('<item>', '<item><guid isPermaLink="false">only-an-id</guid></item><item>');
    server.serve('/many.xml', feed, { 'content-type': 'application/rss+xml' });
    const r = await ingestTargets([`${server.url}/many.xml`], deps({ maxItemsPerFeed: 3 }));
    expect(r.new).toBe(3);
    const titles = (await store.articles.search({ query: 'harbour notice', limit: 10 })).map((h) => h.article.title).sort();
    expect(titles).toEqual(['Harbour notice 5', 'Harbour notice 7', 'Harbour notice 9']);
  });

  it('reports a missing path or bad URL as a failed target without recording a source', async () => {
    const r = await ingestTargets(['/no/such/path.txt', 'ftp://example.org/feed', `${fixtures}feeds/empty.xml`], deps());
    expect(r.sources.map((s) => s.status)).toEqual(['failed', 'failed', 'ok']);
    expect(r.sources[0]!.error).toMatch(/no such file or folder/);
    expect(r.sources[1]!.error).toMatch(/unsupported URL scheme/);
    expect((await store.sources.list()).map((s) => s.kind)).toEqual(['feed']);
  });
});
