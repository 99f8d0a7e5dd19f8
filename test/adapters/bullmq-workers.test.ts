// Several worker processes on one Redis: shared work, crash takeover, graceful shutdown.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBullMqQueue } from '../../src/adapters/bullmq/queue.ts';
import { createLogger } from '../../src/log.ts';
import type { JobQueue } from '../../src/queue/port.ts';
import { startChild, stopChild, type Child } from '../support/children.ts';
import { REDIS_URL, redisAvailable } from '../support/services.ts';
import { sleep, waitFor } from '../support/wait-for.ts';

const ok = await redisAvailable();
const SCRIPT = 'test/support/worker-process.ts';
const log = createLogger('silent');

describe.runIf(ok)('BullMQ worker processes', () => {
  const r = ok ? new Redis(REDIS_URL) : null;
  let children: Child[] = [];
  let producer: JobQueue | null = null;
  let prefix = '';

  async function setup(n: number, env: Record<string, string> = {}) {
    prefix = `nbw-${randomUUID().slice(0, 8)}`;
    producer = createBullMqQueue({ redisUrl: REDIS_URL, prefix, log });
    children = await Promise.all(Array.from({ length: n }, () => startChild(SCRIPT, { REDIS_URL, PREFIX: prefix, ...env })));
  }
  const lines = async (key: string) => (await r!.lrange(`${prefix}:${key}`, 0, -1)).map((l) => l.split(' ') as [string, string]);

  afterEach(async () => {
    for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) await stopChild(c);
    children = [];
    await producer?.close(1000);
    producer = null;
    const keys = await r!.keys(`${prefix}:*`);
    if (keys.length) await r!.del(...keys);
  });
  afterAll(async () => void (await r?.quit()));

  it('share the work between two processes with nothing lost or run twice', async () => {
    await setup(2);
    const N = 300;
    for (let i = 0; i < N; i++) await producer!.enqueue('unit', { id: `u${i}`, ms: 5 }, { jobId: `unit-${i}` });
    await waitFor(async () => (await r!.hlen(`${prefix}:done`)) === N, 30_000, 'all jobs done');
    await sleep(300);
    const done = await r!.hgetall(`${prefix}:done`);
    expect(Object.keys(done)).toHaveLength(N);
    expect(Object.values(done).every((v) => v === '1')).toBe(true);
    const byPid = new Set((await lines('finished')).map(([pid]) => pid));
    expect(byPid).toEqual(new Set(children.map((c) => String(c.pid))));
    expect((await producer!.counts()).completed).toBe(N);
  }, 90_000);

  it('finish on another worker a job whose worker was killed in the middle of it', async () => {
    await setup(2, { CONCURRENCY: '1' });
    await producer!.enqueue('unit', { id: 'long', ms: 2500 }, { jobId: 'unit-long' });
    await waitFor(async () => (await lines('started')).length === 1, 10_000, 'job start');
    const [victimPid] = (await lines('started'))[0]!;
    const victim = children.find((c) => String(c.pid) === victimPid)!;
    victim.proc.kill('SIGKILL');
    await victim.exited;
    await waitFor(async () => (await r!.hget(`${prefix}:done`, 'long')) === '1', 20_000, 'takeover');
    const finished = await lines('finished');
    expect(finished).toHaveLength(1);
    expect(finished[0]![0]).not.toBe(victimPid);
    expect((await lines('started')).map(([pid]) => pid)).toEqual([victimPid, finished[0]![0]]);
    expect(await producer!.failed()).toEqual([]);
  }, 90_000);

  it('exits 0 on SIGTERM after finishing the job in hand, within the bound', async () => {
    await setup(1);
    await producer!.enqueue('unit', { id: 'inhand', ms: 800 }, { jobId: 'unit-inhand' });
    await waitFor(async () => (await lines('started')).length === 1, 10_000, 'job start');
    const t0 = Date.now();
    children[0]!.proc.kill('SIGTERM');
    const code = await Promise.race([children[0]!.exited, sleep(12_000).then(() => 'timeout' as const)]);
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(12_000);
    expect(await r!.hget(`${prefix}:done`, 'inhand')).toBe('1');
  }, 90_000);
});
