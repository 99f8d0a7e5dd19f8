// Job throughput: the in-process queue, and BullMQ on Redis with 1 and 2 worker processes, for
// no-op jobs and process-article-like jobs (quote extraction on one article). Jobs are added in
// bulk into a paused queue; the clock runs from resume until every job is completed. Each figure is the
// median of several runs. BullMQ rows are skipped with a note when Redis is unreachable.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createInProcessQueue } from '../src/adapters/inprocess/queue.ts';
import { createLogger } from '../src/log.ts';
import { REDIS_URL } from '../test/support/services.ts';
import { median } from './stats.ts';
import { doWork, type BenchKind } from './queue-work.ts';
import type { Bench, BenchRow } from './types.ts';
import { debugLog } from '../src/debug-log.ts';

const log = createLogger('silent');

async function inProcessRate(kind: BenchKind, n: number): Promise<number> {
  const q = createInProcessQueue({ log, keepCompleted: 0 });
  let done = 0;
  let finish!: () => void;
  const all = new Promise<void>((r) => (finish = r));
  q.work('bench', async () => {
    doWork(kind);
    if (++done === n) finish();
  }, { concurrency: 8, attempts: 1 });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await q.enqueue('bench', { i });
  await all;
  const s = (performance.now() - t0) / 1000;
  await q.close(1000);
  return n / s;
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', 'bench/queue-worker.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    p.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(p));
    p.once('exit', (c) => reject(new Error(`bench worker exited ${c}`)));
  });
}

async function bullRate(kind: BenchKind, workers: number, n: number): Promise<number> {
  const prefix = `nbbench-${randomUUID().slice(0, 8)}`;
  const name = 'bench';
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker({ REDIS_URL, PREFIX: prefix, QUEUE: name, KIND: kind })));
  const conn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection: conn, prefix });
  try {
    const drained = async () => {
      for (;;) {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (Object.values(c).every((v) => v === 0)) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // Warm-up (JIT, connections) in every worker before the clock starts.
    await queue.addBulk(Array.from({ length: 100 * workers }, (_, i) => ({ name, data: { warm: i }, opts: { removeOnComplete: true } })));
    await drained();
    // Jobs are added while the queue is paused, so the clock measures processing only.
    await queue.pause();
    for (let i = 0; i < n; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ name, data: { i: i + k }, opts: { removeOnComplete: true } }));
      await queue.addBulk(batch);
    }
    const t0 = performance.now();
    await queue.resume();
    await drained(); // removeOnComplete: what is left, not what completed
    return n / ((performance.now() - t0) / 1000);
  } finally {
    await Promise.all(children.map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGTERM')))));
    await queue.obliterate({ force: true }).catch((err) => debugLog('obliterate failed: %s', err));
    await queue.close();
    await conn.quit();
  }
}

async function redisUp(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch (err) {
    debugLog('redis unavailable: %s', err);
    return false;
  } finally {
    r.disconnect();
  }
}

const bench: Bench = {
  name: 'queue',
  async run({ quick }) {
    const reps = 3;
    const rows: BenchRow[] = [];
    const sizes: Record<BenchKind, number> = quick ? { noop: 1000, article: 300 } : { noop: 5000, article: 1500 };
    const rate = async (f: () => Promise<number>) => {
      const xs: number[] = [];
      for (let i = 0; i < reps; i++) xs.push(await f());
      return median(xs);
    };
    for (const kind of ['noop', 'article'] as const) {
      const v = await rate(() => inProcessRate(kind, sizes[kind]));
      rows.push({ metric: `in-process queue, ${kind} jobs (concurrency 8)`, value: Math.round(v), unit: 'jobs/s', note: `median of ${reps} runs of ${sizes[kind]} jobs` });
    }
    if (!(await redisUp())) {
      rows.push({ metric: 'BullMQ', value: Number.NaN, unit: '', note: `skipped: Redis at ${REDIS_URL} is not reachable` });
      return rows;
    }
    for (const kind of ['noop', 'article'] as const) {
      const one = await rate(() => bullRate(kind, 1, sizes[kind]));
      const two = await rate(() => bullRate(kind, 2, sizes[kind]));
      const note = `median of ${reps} runs of ${sizes[kind]} jobs, concurrency 8 per process, Redis on loopback`;
      rows.push({ metric: `BullMQ, ${kind} jobs, 1 worker process`, value: Math.round(one), unit: 'jobs/s', note });
      rows.push({ metric: `BullMQ, ${kind} jobs, 2 worker processes`, value: Math.round(two), unit: 'jobs/s', note });
      rows.push({ metric: `BullMQ, ${kind} jobs, 2 vs 1 workers`, value: Number((two / one).toFixed(2)), unit: 'x' });
    }
    return rows;
  },
};

export default bench;
