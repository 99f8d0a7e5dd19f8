import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCronScheduler } from '../../src/adapters/cron/scheduler.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import type { Subscription } from '../../src/domain/types.ts';
import { createLogger } from '../../src/log.ts';
import type { JobOptions } from '../../src/queue/port.ts';
import { catchUpMissed } from '../../src/schedule/catch-up.ts';
import { createFireHandler, jitterDelay } from '../../src/schedule/fire.ts';
import { createWork } from '../../src/app/work.ts';
import { reconcileSubscriptions } from '../../src/schedule/reconcile.ts';
import type { Store } from '../../src/store/ports.ts';

const log = createLogger('silent');

interface Enqueued {
  name: string;
  payload: unknown;
  opts: JobOptions | undefined;
}

async function subscribe(store: Store, over: Partial<Subscription> = {}): Promise<Subscription> {
  return store.subscriptions.add({
    platform: 'slack', workspaceId: 'T1', channelId: 'C1', topic: 'harbour', cron: '30 8 * * *',
    timezone: 'Europe/Kyiv', quietHours: null, maxStories: 5, whenEmpty: 'note', createdBy: 'U1', ...over,
  });
}

describe('schedule fires', () => {
  let store: Store;
  let enqueued: Enqueued[];
  const queue = { enqueue: async (name: string, payload: unknown, opts?: JobOptions) => (enqueued.push({ name, payload, opts }), opts?.jobId ?? 'x') };
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    enqueued = [];
  });
  afterEach(() => store.close());

  it('turn a subscription fire into post-digest for the local period, with a deterministic id', async () => {
    const sub = await subscribe(store);
    const at = new Date('2026-11-28T06:30:00Z');
    const fire = createFireHandler({ store, work: createWork(queue), log, now: () => new Date(at.getTime() + 5000) });
    await fire(`sub.${sub.id}`, { name: 'post-digest', payload: { subscriptionId: sub.id } }, at);
    expect(enqueued).toEqual([
      { name: 'post-digest', payload: { subscriptionId: sub.id, period: '2026-11-28T08:30' }, opts: expect.objectContaining({ jobId: `post-digest.${sub.id}.2026-11-28T0830` }) },
    ]);
  });

  it('skip a fire that comes later than the grace window, and one in quiet hours', async () => {
    const sub = await subscribe(store);
    const quiet = await subscribe(store, { cron: '30 23 * * *', quietHours: '22:00-07:00' });
    const at = new Date('2026-11-28T06:30:00Z');
    const fire = createFireHandler({ store, work: createWork(queue), log, now: () => new Date(at.getTime() + 3 * 3600_000) });
    await fire(`sub.${sub.id}`, { name: 'post-digest', payload: { subscriptionId: sub.id } }, at);
    const fire2 = createFireHandler({ store, work: createWork(queue), log, now: () => new Date('2026-11-28T21:30:10Z') });
    await fire2(`sub.${quiet.id}`, { name: 'post-digest', payload: { subscriptionId: quiet.id } }, new Date('2026-11-28T21:30:00Z'));
    expect(enqueued).toEqual([]);
  });

  it('spread an ingest tick over sources with a fixed delay per source', async () => {
    const a = await store.sources.add({ url: 'https://a.example/feed', kind: 'feed' });
    const b = await store.sources.add({ url: 'https://b.example/feed', kind: 'feed' });
    const at = new Date('2026-11-28T09:15:00Z');
    const fire = createFireHandler({ store, work: createWork(queue), log, now: () => at, jitterMs: 60_000 });
    await fire('ingest', { name: 'ingest-tick', payload: {} }, at);
    const byId = new Map(enqueued.map((e) => [(e.payload as { sourceId: string }).sourceId, e]));
    expect(byId.get(a.id)!.opts!.delayMs ?? 0).toBe(jitterDelay(a.id, 60_000));
    expect(byId.get(b.id)!.opts!.jobId).toBe(`ingest-source.${b.id}.2026-11-28T0915Z`);
    expect(jitterDelay(a.id, 60_000)).toBeLessThan(60_000);
  });

  it('catch up the latest missed period within the grace window once, and skip older ones', async () => {
    const recent = await subscribe(store, { cron: '30 8 * * *' }); // 06:30Z
    const old = await subscribe(store, { cron: '0 5 * * *' }); // 03:00Z
    const fresh = await subscribe(store, { cron: '45 8 * * *' }); // created after its slot
    const twoDaysAgo = new Date('2026-11-26T00:00:00Z');
    // The same store, seen as if the first two subscriptions were made two days ago.
    const view = {
      posts: store.posts,
      subscriptions: {
        ...store.subscriptions,
        list: async () =>
          (await store.subscriptions.list()).map((s) => (s.id === fresh.id ? { ...s, createdAt: new Date('2026-11-28T07:00:00Z') } : { ...s, createdAt: twoDaysAgo })),
      },
    };
    const fired: { id: string; at: string }[] = [];
    const result = await catchUpMissed({
      store: view,
      log,
      now: new Date('2026-11-28T07:10:00Z'), // 09:10 in Kyiv
      fire: async (id, _job, at) => void fired.push({ id, at: at.toISOString() }),
    });
    expect(fired).toEqual([{ id: `sub.${recent.id}`, at: '2026-11-28T06:30:00.000Z' }]);
    expect(result).toEqual({ fired: 1, skipped: 1 });
    expect(old.id).not.toBe(recent.id);
  });

  it('reconcile the scheduler with the subscription table', async () => {
    const a = await subscribe(store);
    const b = await subscribe(store, { cron: '0 18 * * mon-fri', timezone: 'America/New_York' });
    const s = createCronScheduler({ log, fire: async () => undefined });
    try {
      await s.upsert('sub.stale', { cron: '0 7 * * *', tz: 'UTC' }, { name: 'post-digest', payload: { subscriptionId: 'stale' } });
      await s.upsert('ingest', { cron: '*/15 * * * *', tz: 'UTC' }, { name: 'ingest-tick', payload: {} });
      expect(await reconcileSubscriptions(store, s)).toEqual({ upserted: 2, removed: 1 });
      const ids = (await s.list()).map((e) => e.id).sort();
      expect(ids).toEqual(['ingest', `sub.${a.id}`, `sub.${b.id}`].sort());
      await store.subscriptions.remove(a.id);
      await reconcileSubscriptions(store, s);
      expect((await s.list()).find((e) => e.id === `sub.${b.id}`)).toMatchObject({ cron: '0 18 * * mon-fri', tz: 'America/New_York' });
      expect((await s.list()).some((e) => e.id === `sub.${a.id}`)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
