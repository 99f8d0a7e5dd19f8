import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import type { Fetcher } from '../../src/fetch/port.ts';
import { FeedParseError, looksLikeFeed, parseFeedText } from '../../src/ingest/feeds.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));

let server: TestServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startTestServer();
  fetcher = createFetcher({ timeoutMs: 2000, maxBytes: 5 * 1024 * 1024, allowlist: ['127.0.0.1'] });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function fetchFeed(path: string, body: string | Uint8Array, contentType: string) {
  server.serve(path, body, { 'content-type': contentType });
  const r = await fetcher.fetchUrl(`${server.url}${path}`);
  if (r.status !== 'ok') throw new Error('expected a body');
  return parseFeedText(r.text, r.url);
}

describe('parseFeedText over HTTP', () => {
  it('reads RSS 2.0 with plain-text titles, decoded entities and links resolved against the feed URL', async () => {
    const feed = await fetchFeed('/rss2.xml', fixture('rss2.xml'), 'application/rss+xml');
    expect(feed.title).toBe('The Harbour Courier & Friends');
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      title: 'Ferry fares frozen for winter',
      link: `${server.url}/news/ferry-fares?utm_source=rss&utm_medium=feed`,
      id: 'courier-1001',
      summary: 'The harbour board & the council agreed to freeze fares.',
      author: 'Mara Quill',
    });
    expect(first!.published?.toISOString()).toBe('2025-06-10T07:30:00.000Z');
    expect(first!.contentHtml).toContain('Ilse Varga');
    expect(second!.link).toBe('https://courier.example/news/lighthouse');
  });

  it('takes the outlet of an aggregated item from its RSS <source>', () => {
    const feed = parseFeedText(
      '<rss version="2.0"><channel><title>Aggregator</title><item><title>A</title><link>https://a.example/1</link>' +
        '<source url="https://courier.example/rss">The Harbour Courier</source></item></channel></rss>',
      'https://agg.example/rss',
    );
    expect(feed.items[0]!.outlet).toBe('The Harbour Courier');
  });

  it('drops item links that are not http(s), such as javascript: or data:', () => {
    const feed = parseFeedText(
      '<rss version="2.0"><channel><title>T</title><item><title>A</title><link>javascript:alert(1)</link></item>' +
        '<item><title>B</title><link>data:text/html,x</link></item></channel></rss>',
      'https://agg.example/rss',
    );
    expect(feed.items.map((i) => i.link)).toEqual([null, null]);
  });

  it('reads RSS 0.91 items without dates or GUIDs', async () => {
    const feed = await fetchFeed('/rss091.xml', fixture('rss091.xml'), 'text/xml');
    expect(feed.items).toEqual([
      expect.objectContaining({ title: 'Bridge repairs begin', link: 'http://gazette.example/bridge.html', id: null, published: null }),
    ]);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates', async () => {
    const feed = await fetchFeed('/rdf.xml', fixture('rdf.xml'), 'application/rdf+xml');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({ title: 'Cannery posts record quarter', id: 'https://ledger.example/a/1', author: 'Otto Brandt' });
    expect(feed.items[0]!.published?.toISOString()).toBe('2025-02-03T04:05:06.000Z');
  });

  it('reads Atom 1.0 resolving nested xml:base and text vs html constructs', async () => {
    const feed = await fetchFeed('/atom.xml', fixture('atom.xml'), 'application/atom+xml');
    expect(feed.title).toBe('Valley Post');
    expect(feed.items[0]).toMatchObject({
      link: 'https://valley.example/news/2025/orchard.html',
      summary: 'Warm spring means apples by August & pears soon after.',
      author: 'Petra Lind',
    });
    expect(feed.items[0]!.published?.toISOString()).toBe('2025-06-11T09:00:00.000Z');
    expect(feed.items[1]).toMatchObject({ title: 'Council meets on <housing>', link: 'https://valley.example/news/council' });
    expect(feed.items[1]!.published?.toISOString()).toBe('2025-06-10T12:00:00.000Z');
  });

  it('reads JSON Feed 1.1 including numeric ids, content_text and relative urls', async () => {
    const feed = await fetchFeed('/feed.json', fixture('jsonfeed.json'), 'application/feed+json');
    expect(feed.title).toBe('Ridgeline Dispatch');
    expect(feed.items[0]).toMatchObject({ title: 'Pass closes after "record" snow', id: 'rd-77', author: 'Ana Serra' });
    expect(feed.items[0]!.published?.toISOString()).toBe('2025-01-05T11:00:00.000Z');
    expect(feed.items[1]).toMatchObject({ id: '78', link: `${server.url}/stories/plough`, summary: 'Crews worked through the night.' });
  });

  it('still yields the items of a broken feed (unescaped & and a body cut off mid-item)', async () => {
    const feed = await fetchFeed('/broken.xml', fixture('broken.xml'), 'application/rss+xml');
    expect(feed.title).toBe('Fen & Marsh Weekly');
    expect(feed.items.map((i) => i.title)).toEqual(['Birds & bees count up', 'Dyke inspection planned']);
    expect(feed.items[0]!.link).toBe('https://fen.example/birds?a=1&b=2');
    expect(feed.warnings[0]).toMatch(/recovered/);
  });

  it('gives zero items, not an error, for an empty feed', async () => {
    expect((await fetchFeed('/empty.xml', fixture('empty.xml'), 'application/rss+xml')).items).toEqual([]);
    expect((await fetchFeed('/empty2.xml', fixture('empty-channel.xml'), 'application/rss+xml')).items).toEqual([]);
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Nothing yet', items: [] });
    expect((await fetchFeed('/empty.json', json, 'application/feed+json')).items).toEqual([]);
  });

  it('throws a clear FeedParseError for input that holds no feed', () => {
    for (const bad of ['', 'plain words', '<html><body>a page</body></html>', '{"version": ', '\u0000\u0001binary']) {
      expect(() => parseFeedText(bad, null)).toThrow(FeedParseError);
    }
    expect(() => parseFeedText('just words', null)).toThrow(/not a readable feed/);
  });
});

describe('charset handling', () => {
  // "Café déjà vu – naïve" in windows-1252: é=E9, à=E0, en dash=96, ï=EF.
  const cp1252Title = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x64, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
  const expected = 'Café déjà vu – naïve';
  const rss = (decl: string) =>
    Buffer.concat([
      Buffer.from(`<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>`),
      cp1252Title,
      Buffer.from('</title><item><title>x</title><link>https://c.example/1</link></item></channel></rss>'),
    ]);

  it('decodes windows-1252 declared in the XML declaration', async () => {
    const feed = await fetchFeed('/cs-decl.xml', rss(' encoding="windows-1252"'), 'application/xml');
    expect(feed.title).toBe(expected);
  });

  it('prefers the Content-Type charset over the XML declaration', async () => {
    const feed = await fetchFeed('/cs-header.xml', rss(' encoding="utf-8"'), 'application/rss+xml; charset=windows-1252');
    expect(feed.title).toBe(expected);
  });

  it('reads an HTML meta charset', async () => {
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"><title>'), cp1252Title, Buffer.from('</title></head></html>')]);
    server.serve('/cs-meta.html', html, { 'content-type': 'text/html' });
    const r = await fetcher.fetchUrl(`${server.url}/cs-meta.html`);
    expect(r.status === 'ok' && r.text).toContain(expected);
  });

  it('reads undeclared non-UTF-8 bytes as windows-1252 with a warning, and unknown labels as UTF-8', async () => {
    server.serve('/cs-none.xml', rss(''), { 'content-type': 'application/xml' });
    const r = await fetcher.fetchUrl(`${server.url}/cs-none.xml`);
    expect(r.status === 'ok' && parseFeedText(r.text, r.url).title).toBe(expected);
    expect(r.status === 'ok' && r.warnings[0]).toMatch(/not valid utf-8/);
    server.serve('/cs-unknown.txt', 'naïve', { 'content-type': 'text/plain; charset=x-klingon' });
    const u = await fetcher.fetchUrl(`${server.url}/cs-unknown.txt`);
    expect(u).toMatchObject({ status: 'ok', text: 'naïve', warnings: ['unknown charset "x-klingon", read as utf-8'] });
  });

  it('decodes koi8-r and shift_jis', async () => {
    server.serve('/koi8', Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), { 'content-type': 'text/plain; charset=koi8-r' });
    server.serve('/sjis', Buffer.from([0x82, 0xb1, 0x82, 0xf1]), { 'content-type': 'text/plain; charset=shift_jis' });
    expect(await fetcher.fetchUrl(`${server.url}/koi8`)).toMatchObject({ text: 'Привет' });
    expect(await fetcher.fetchUrl(`${server.url}/sjis`)).toMatchObject({ text: 'こん' });
  });
});

describe('looksLikeFeed', () => {
  it('tells feeds from web pages by content type and sniffing', () => {
    expect(looksLikeFeed('<?xml version="1.0"?><rss>', 'text/xml')).toBe(true);
    expect(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom">', 'application/octet-stream')).toBe(true);
    expect(looksLikeFeed('{"version":"https://jsonfeed.org/version/1.1"}', 'application/json')).toBe(true);
    expect(looksLikeFeed('<!doctype html><html><body>', 'text/html')).toBe(false);
    expect(looksLikeFeed('{"a":1}', 'application/json')).toBe(false);
  });
});
