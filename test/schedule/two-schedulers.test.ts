// Two newsbot processes with schedulers over one SQLite file post each subscription period once.
// The subscription fires every two seconds (a six-field cron the adapters accept), so every
// process fires many times within each one-minute period: only the store claim keeps it to one post.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { startChild, stopChild } from '../support/children.ts';
import { addArticle } from '../support/job-deps.ts';
import { REDIS_URL, redisAvailable } from '../support/services.ts';
import { sleep, waitFor } from '../support/wait-for.ts';
import { debugLog } from '../../src/debug-log.ts';

const redisOk = await redisAvailable();

async function runTwo(redis: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'newsbot-2sched-'));
  const prefix = `nb2s-${randomUUID().slice(0, 8)}`;
  try {
    const dbPath = join(dir, 'newsbot.db');
    const postsFile = join(dir, 'posts.jsonl');
    const store = await openSqliteStore(dbPath);
    await addArticle(store, 'harbour');
    const subs = [];
    for (const channelId of ['C1', 'C2']) {
      subs.push(
        await store.subscriptions.add({
          platform: 'slack', workspaceId: 'T1', channelId, topic: 'harbour', cron: '*/2 * * * * *', timezone: 'Europe/Kyiv',
          quietHours: null, maxStories: 5, whenEmpty: 'note', createdBy: 'U1',
        }),
      );
    }
    const env = { DB_PATH: dbPath, POSTS_FILE: postsFile, DATA_DIR: dir, PREFIX: prefix, ...(redis ? { REDIS_URL_FOR_JOBS: REDIS_URL } : {}) };
    const a = await startChild('test/support/scheduler-process.ts', env);
    const b = await startChild('test/support/scheduler-process.ts', env);
    const posts = async () =>
      (await readFile(postsFile, 'utf8').catch((err) => { debugLog('no posts yet: %s', err); return ''; }))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { pid: number; channelId: string; messageId: string });
    // Both processes tick every two seconds for a while.
    await waitFor(async () => (await posts()).length >= 2, 30_000, 'first posts');
    await sleep(6000);
    expect(await stopChild(a)).toBe(0);
    expect(await stopChild(b)).toBe(0);
    for (const s of subs) expect(await store.posts.lastPosted(s.id)).not.toBeNull();
    const all = await posts();
    const claims = (await readFile(postsFile + '.claims', 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { pid: number; subscriptionId: string; period: string });
    const perChannel = new Map<string, number>();
    for (const p of all) perChannel.set(p.channelId, (perChannel.get(p.channelId) ?? 0) + 1);
    const channelOf = new Map(subs.map((s) => [s.id, s.channelId]));
    const periodsPerChannel = new Map<string, Set<string>>();
    for (const c of claims) {
      const ch = channelOf.get(c.subscriptionId)!;
      if (!periodsPerChannel.has(ch)) periodsPerChannel.set(ch, new Set());
      periodsPerChannel.get(ch)!.add(c.period);
    }
    await store.close();
    return { all, claims, perChannel, periodsPerChannel };
  } finally {
    if (redis) {
      const r = new Redis(REDIS_URL);
      const keys = await r.keys(`${prefix}:*`);
      if (keys.length) await r.del(...keys);
      await r.quit();
    }
    await rm(dir, { recursive: true, force: true });
  }
}

function expectOnePostPerPeriod(r: Awaited<ReturnType<typeof runTwo>>): void {
  // Each (subscription, period) was won once, and each channel got exactly one post per period.
  const keys = r.claims.map((c) => `${c.subscriptionId} ${c.period}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect([...r.perChannel.keys()].sort()).toEqual(['C1', 'C2']);
  for (const [ch, n] of r.perChannel) expect(n).toBe(r.periodsPerChannel.get(ch)!.size);
  // Many fires per period happened in both processes, yet posts are few.
  expect(r.all.length).toBeLessThanOrEqual(4);
}

describe('two scheduler processes', () => {
  it('post one digest per subscription period over a shared SQLite file (embedded queues and node-cron)', async () => {
    expectOnePostPerPeriod(await runTwo(false));
  }, 60_000);

  it.runIf(redisOk)('post one digest per subscription period with BullMQ job schedulers', async () => {
    expectOnePostPerPeriod(await runTwo(true));
  }, 60_000);
});
