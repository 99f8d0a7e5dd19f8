// /sources through the router: managers add and remove, everyone lists; hostile URLs are refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manager, NOW, openFixture, reader, shown, type CommandFixture } from './setup.ts';

let f: CommandFixture;
beforeEach(async () => (f = await openFixture()));
afterEach(() => f.close());

describe('/sources', () => {
  it('adds an http(s) feed and enqueues one ingest job for it at once', async () => {
    const r = await f.run('/sources add https://courier.example/rss.xml', manager);
    expect(r).toEqual({ kind: 'private', text: expect.stringMatching(/^Added https:\/\/courier\.example\/rss\.xml \(id .+\)\. Reading it now/) });
    const [source] = await f.store.sources.list();
    expect(source).toMatchObject({ url: 'https://courier.example/rss.xml', kind: 'feed' });
    expect(f.queue.jobs).toEqual([
      {
        name: 'ingest-source',
        payload: { sourceId: source!.id, window: NOW.toISOString().slice(0, 16) + 'Z' },
        opts: expect.objectContaining({ jobId: expect.stringContaining(source!.id) }),
      },
    ]);
    expect(shown(await f.run('/sources list', reader))).toContain('https://courier.example/rss.xml');
  });

  it('adds a source with fulltext:never and lists each source\'s setting and teaser-only count', async () => {
    const r = await f.run('/sources add https://courier.example/rss-news/ fulltext:never', manager);
    expect(shown(r)).toMatch(/^Added https:\/\/courier\.example\/rss-news\/ \(id .+, full text never\)/);
    const [source] = await f.store.sources.list();
    expect(source).toMatchObject({ kind: 'feed', fullText: 'never' });
    await f.store.articles.save({ id: 'walled-1', url: 'https://courier.example/walled', guid: null, sourceId: source!.id, outlet: 'Courier', title: 'Walled', byline: null, publishedAt: NOW, fetchedAt: NOW, text: 'A teaser.', contentHash: 'h-walled', textSource: 'teaser', textNote: 'paywall' });
    expect(shown(await f.run('/sources list', reader))).toContain('full text never, 1 teaser-only');
    expect(shown(await f.run('/sources add https://courier.example/x.xml fulltext:sometimes', manager))).toMatch(/fulltext must be auto, always or never/);
  });

  it('refuses URLs that are not http(s) or that carry credentials, storing and enqueuing nothing', async () => {
    const cases: [string, RegExp][] = [
      ['ftp://courier.example/feed', /^url must start with http:\/\/ or https:\/\//],
      ['file:///etc/passwd', /^url must start with http:\/\/ or https:\/\//],
      ['javascript:alert(1)', /^url must start with http:\/\/ or https:\/\//],
      ['https://editor:hunter2@courier.example/feed', /^url must not contain a user name or password/],
      ['https://token@courier.example/feed', /^url must not contain a user name or password/],
      ['courier.example/feed', /^url is not a valid URL/],
    ];
    for (const [url, want] of cases) {
      const r = await f.run(`/sources add ${url}`, manager);
      expect(r.kind, url).toBe('private');
      expect(shown(r), url).toMatch(want);
      expect(shown(r), url).toContain('Type: /sources add <url>');
      expect(shown(r), url).not.toContain('hunter2');
    }
    expect(await f.store.sources.list()).toEqual([]);
    expect(f.queue.jobs).toEqual([]);
  });

  it('lets everyone list but only managers add or remove', async () => {
    await f.run('/sources add https://courier.example/feed', manager);
    expect(shown(await f.run('/sources add https://other.example/feed', reader))).toMatch(/^\/sources add changes what newsbot reads: it needs Manage Channels/);
    expect(shown(await f.run('/sources remove https://courier.example/feed', reader))).toMatch(/^\/sources remove .*needs Manage Channels/);
    expect((await f.store.sources.list()).map((s) => s.url)).toEqual(['https://courier.example/feed']);
    expect(shown(await f.run('/sources remove https://courier.example/feed', manager))).toBe('Removed https://courier.example/feed.');
    expect(shown(await f.run('/sources', reader))).toContain('No sources yet');
  });
});
