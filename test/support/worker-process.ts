// A BullMQ worker process for multi-process tests: `node --import tsx test/support/worker-process.ts`
// with REDIS_URL and PREFIX in the environment. It works 'unit' jobs ({ id, ms }) and records in
// Redis who started and who finished each one, so the test can check nothing ran twice or was
// lost. Prints "ready" once working; on SIGTERM closes gracefully and exits 0.
import { Redis } from 'ioredis';
import { createBullMqQueue } from '../../src/adapters/bullmq/queue.ts';
import { createLogger } from '../../src/log.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = process.env.PREFIX ?? 'nbtest';
const r = new Redis(redisUrl);
const queue = createBullMqQueue({
  redisUrl,
  prefix,
  log: createLogger(process.env.LOG_LEVEL ?? 'silent'),
  // Short locks so a killed worker's job is taken over within seconds.
  lockDurationMs: 1500,
  stalledIntervalMs: 500,
});

queue.work<{ id: string; ms: number }>(
  'unit',
  async (p) => {
    await r.rpush(`${prefix}:started`, `${process.pid} ${p.id}`);
    if (p.ms) await new Promise((res) => setTimeout(res, p.ms));
    // One transaction, so a test that sees the job done also sees who finished it.
    await r.multi().rpush(`${prefix}:finished`, `${process.pid} ${p.id}`).hincrby(`${prefix}:done`, p.id, 1).exec();
  },
  { concurrency: Number(process.env.CONCURRENCY ?? 4), attempts: 3, backoffMs: 100 },
);

process.on('SIGTERM', () => {
  void (async () => {
    await queue.close(Number(process.env.CLOSE_TIMEOUT_MS ?? 10_000));
    await r.quit();
    process.exit(0);
  })();
});

process.stdout.write('ready\n');
