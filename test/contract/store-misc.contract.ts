// Contract tests for sources, subscriptions, posts, digests and cache (declared inside storeContract).
import { describe, expect, it } from 'vitest';
import type { Digest, MessageRef, Subscription } from '../../src/domain/types.ts';
import { type StoreCtx, era, uid } from './store-fixtures.ts';

function digest(over: Partial<Digest> = {}): Digest {
  const e = era();
  return {
    id: uid('dig'),
    topic: 'harbour',
    since: e.at(0),
    until: e.at(1),
    stories: [{
      key: 'story-1',
      headline: 'Harbour reopens',
      summary: 'Ships are back.',
      quotes: [],
      articles: [{ id: 'a1', url: 'https://harbour-courier.example/a1', outlet: 'The Harbour Courier', title: 'Harbour reopens', publishedAt: e.at(0) }],
      score: 1.5,
      change: 'new',
    }],
    articleCount: 1,
    overview: null,
    createdAt: e.at(1),
    ...over,
  };
}

const subInput = (over: Partial<Subscription> = {}): Omit<Subscription, 'id' | 'createdAt'> => ({
  platform: 'discord', workspaceId: uid('guild'), channelId: 'c1', topic: 'harbour', cron: '30 8 * * *',
  timezone: 'Europe/Kyiv', quietHours: '22:00-07:00', maxStories: 5, whenEmpty: 'note', createdBy: 'u1', ...over,
});

export function miscContract(ctx: StoreCtx): void {
  describe('sources', () => {
    it('returns the existing source when the same url is added twice', async () => {
      const url = `https://feeds.example/${uid()}.xml`;
      const a = await ctx.store().sources.add({ url, kind: 'feed', title: 'Kelpford feed' });
      const b = await ctx.store().sources.add({ url, kind: 'feed' });
      expect(b.id).toBe(a.id);
      expect(a).toMatchObject({ url, kind: 'feed', title: 'Kelpford feed', errorCount: 0, lastError: null, etag: null });
      expect((await ctx.store().sources.list()).filter((s) => s.url === url)).toHaveLength(1);
    });

    it('gets and removes a source by id or by url', async () => {
      const s = ctx.store().sources;
      const a = await s.add({ url: `https://x.example/${uid()}`, kind: 'page' });
      const b = await s.add({ url: `/srv/feeds/${uid()}`, kind: 'file' });
      expect((await s.get(a.url))?.id).toBe(a.id);
      expect((await s.get(a.id))?.url).toBe(a.url);
      expect(await s.remove(a.id)).toBe(true);
      expect(await s.remove(b.url)).toBe(true);
      expect(await s.remove(b.url)).toBe(false);
      expect(await s.get(a.id)).toBeNull();
    });

    it('counts fetch failures and resets the count on success', async () => {
      const s = ctx.store().sources;
      const src = await s.add({ url: `https://x.example/${uid()}`, kind: 'feed', title: 'Old title' });
      const t = new Date(Date.UTC(2030, 0, 1, 12));
      await s.recordFetch(src.id, { ok: false, error: 'HTTP 503', at: t, nextRetryAt: new Date(t.getTime() + 60_000) });
      await s.recordFetch(src.id, { ok: false, error: 'timeout', at: t, nextRetryAt: new Date(t.getTime() + 120_000) });
      expect(await s.get(src.id)).toMatchObject({ errorCount: 2, lastError: 'timeout', nextRetryAt: new Date(t.getTime() + 120_000) });
      await s.recordFetch(src.id, { ok: true, etag: '"v2"', lastModified: 'Tue, 01 Jan 2030 12:00:00 GMT', at: t });
      expect(await s.get(src.id)).toMatchObject({
        errorCount: 0, lastError: null, nextRetryAt: null, etag: '"v2"', lastFetchedAt: t, title: 'Old title',
      });
      await s.recordFetch(src.id, { ok: true, etag: null, lastModified: null, title: 'New title', at: t });
      expect((await s.get(src.id))?.title).toBe('New title');
    });
  });

  describe('subscriptions', () => {
    it('assigns an id and creation time, and lists by channel', async () => {
      const s = ctx.store().subscriptions;
      const input = subInput();
      const sub = await s.add(input);
      const other = await s.add({ ...input, channelId: 'c2', whenEmpty: 'silent', quietHours: null });
      expect(sub.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(sub.createdAt).toBeInstanceOf(Date);
      expect(await s.get(sub.id)).toEqual(sub);
      expect((await s.list({ workspaceId: input.workspaceId })).map((x) => x.id).sort()).toEqual([sub.id, other.id].sort());
      expect(await s.list({ platform: 'discord', workspaceId: input.workspaceId, channelId: 'c2' })).toEqual([other]);
      expect(await s.remove(sub.id)).toBe(true);
      expect(await s.remove(sub.id)).toBe(false);
      expect(await s.get(sub.id)).toBeNull();
    });
  });

  describe('posts', () => {
    const ref: MessageRef = { platform: 'slack', channelId: 'C1', messageId: '1700000000.000100', threadId: null };

    it('lets only the first claim of a period win', async () => {
      const sub = uid('sub');
      expect(await ctx.store().posts.claim(sub, '2030-01-01', 'worker-a', 600_000)).toBe(true);
      expect(await ctx.store().posts.claim(sub, '2030-01-01', 'worker-b', 600_000)).toBe(false);
      expect(await ctx.store().posts.claim(sub, '2030-01-02', 'worker-b', 600_000)).toBe(true);
    });

    it('lets exactly one of many simultaneous claims win', async () => {
      const sub = uid('sub');
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => ctx.store().posts.claim(sub, 'p', `w${i}`, 600_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('makes a failed period claimable again and lists it as failed until then', async () => {
      const p = ctx.store().posts;
      const sub = uid('sub');
      await p.claim(sub, 'p1', 'a', 600_000);
      await p.markFailed(sub, 'p1', 'Missing Access');
      expect((await p.failedPosts()).find((f) => f.subscriptionId === sub)).toMatchObject({ period: 'p1', error: 'Missing Access' });
      expect(await p.claim(sub, 'p1', 'b', 600_000)).toBe(true);
      expect((await p.failedPosts()).some((f) => f.subscriptionId === sub)).toBe(false);
    });

    it('never lets a posted period be claimed again, even when stale or reported failed later', async () => {
      const p = ctx.store().posts;
      const sub = uid('sub');
      await p.claim(sub, 'p1', 'a', 600_000);
      await p.markPosted(sub, 'p1', ref, 'dig-1');
      expect(await p.claim(sub, 'p1', 'b', 0)).toBe(false);
      await p.markFailed(sub, 'p1', 'late error');
      expect(await p.claim(sub, 'p1', 'b', 0)).toBe(false);
      expect((await p.lastPosted(sub))?.period).toBe('p1');
    });

    it('lets a new owner take over a claim older than the stale limit', async () => {
      const p = ctx.store().posts;
      const sub = uid('sub');
      expect(await p.claim(sub, 'p1', 'dead-worker', 600_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      expect(await p.claim(sub, 'p1', 'live-worker', 60_000)).toBe(false);
      expect(await p.claim(sub, 'p1', 'live-worker', 5)).toBe(true);
    });

    it('reports the latest posted period with its digest id', async () => {
      const p = ctx.store().posts;
      const sub = uid('sub');
      expect(await p.lastPosted(sub)).toBeNull();
      await p.claim(sub, '2030-01-01', 'a', 1000);
      await p.markPosted(sub, '2030-01-01', ref, null);
      await new Promise((r) => setTimeout(r, 5));
      await p.claim(sub, '2030-01-02', 'a', 1000);
      await p.markPosted(sub, '2030-01-02', ref, 'dig-2');
      const last = await p.lastPosted(sub);
      expect(last).toMatchObject({ period: '2030-01-02', digestId: 'dig-2' });
      expect(last?.postedAt).toBeInstanceOf(Date);
    });
  });

  describe('digests', () => {
    it('returns a saved digest with its dates intact', async () => {
      const d = digest();
      await ctx.store().digests.save(d, null);
      expect(await ctx.store().digests.get(d.id)).toEqual(d);
      expect(await ctx.store().digests.get(uid('none'))).toBeNull();
    });

    it('finds the newest digest of a topic in a channel, ignoring case', async () => {
      const where = { platform: 'discord', workspaceId: uid('g'), channelId: 'c1' };
      const older = digest({ topic: 'Harbour', createdAt: new Date(Date.UTC(2030, 0, 1)) });
      const newer = digest({ topic: 'harbour', createdAt: new Date(Date.UTC(2030, 0, 2)) });
      const elsewhere = digest({ topic: 'harbour', createdAt: new Date(Date.UTC(2030, 0, 3)) });
      await ctx.store().digests.save(older, where);
      await ctx.store().digests.save(newer, where);
      await ctx.store().digests.save(elsewhere, { ...where, channelId: 'c2' });
      expect((await ctx.store().digests.latestFor(where, 'HARBOUR'))?.id).toBe(newer.id);
      expect(await ctx.store().digests.latestFor(where, 'ferries')).toBeNull();
    });

    it('links a thread to a digest, and a relinked thread to the new one', async () => {
      const [d1, d2] = [digest(), digest()];
      await ctx.store().digests.save(d1, null);
      await ctx.store().digests.save(d2, null);
      const thread = uid('t');
      await ctx.store().digests.linkThread('slack', thread, d1.id);
      expect((await ctx.store().digests.digestForThread('slack', thread))?.id).toBe(d1.id);
      expect(await ctx.store().digests.digestForThread('discord', thread)).toBeNull();
      await ctx.store().digests.linkThread('slack', thread, d2.id);
      expect((await ctx.store().digests.digestForThread('slack', thread))?.id).toBe(d2.id);
    });
  });

  describe('chat failures', () => {
    it('keeps each failed post as a row, oldest first, with what, channel, error and time', async () => {
      const channel = uid('chan');
      const e = era();
      await ctx.store().chatFailures.record({ platform: 'slack', what: 'follow-up answer', channelId: channel, error: 'not_in_channel', at: e.at(2) });
      await ctx.store().chatFailures.record({ platform: 'discord', what: 'digest', channelId: channel, error: 'Missing Access', at: e.at(1) });
      const mine = (await ctx.store().chatFailures.list()).filter((f) => f.channelId === channel);
      expect(mine).toEqual([
        { platform: 'discord', what: 'digest', channelId: channel, error: 'Missing Access', at: e.at(1) },
        { platform: 'slack', what: 'follow-up answer', channelId: channel, error: 'not_in_channel', at: e.at(2) },
      ]);
    });

    it('keeps only the newest 100 failures of a platform', async () => {
      const channel = uid('flood');
      const e = era();
      for (let i = 0; i < 101; i++) {
        await ctx.store().chatFailures.record({ platform: 'discord', what: `post ${i}`, channelId: channel, error: 'Missing Access', at: new Date(e.at(0).getTime() + i * 1000) });
      }
      const all = await ctx.store().chatFailures.list();
      expect(all.filter((f) => f.platform === 'discord')).toHaveLength(100);
      const mine = all.filter((f) => f.channelId === channel).map((f) => f.what);
      expect(mine[0]).toBe('post 1');
      expect(mine.at(-1)).toBe('post 100');
    });
  });

  describe('cache', () => {
    it('stores values by key, the last write winning', async () => {
      const k = uid('key');
      expect(await ctx.store().cache.get(k)).toBeNull();
      await ctx.store().cache.put(k, '{"summary":"one"}');
      await ctx.store().cache.put(k, '{"summary":"two"}');
      expect(await ctx.store().cache.get(k)).toBe('{"summary":"two"}');
    });

    it('adds model usage per day and model, counting calls', async () => {
      const model = uid('model');
      const c = ctx.store().cache;
      await c.addUsage('2030-03-01', model, 100, 20);
      await c.addUsage('2030-03-02', model, 10, 2);
      await c.addUsage('2030-03-02', model, 5, 1);
      const rows = (await c.usage('2030-03-02')).filter((r) => r.model === model);
      expect(rows).toEqual([{ day: '2030-03-02', model, promptTokens: 15, completionTokens: 3, calls: 2 }]);
    });
  });
}
