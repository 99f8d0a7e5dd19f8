import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { Redis } from 'ioredis';
import { createBullMqQueue } from '../../src/adapters/bullmq/queue.ts';
import { createLogger } from '../../src/log.ts';
import { queueContract } from '../contract/queue.contract.ts';
import { REDIS_URL, redisAvailable } from '../support/services.ts';

const ok = await redisAvailable();
const prefixes: string[] = [];

queueContract(
  'BullMQ',
  async () => {
    const prefix = `nbtest-${randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    return createBullMqQueue({ redisUrl: REDIS_URL, prefix, log: createLogger('silent') });
  },
  ok,
);

afterAll(async () => {
  if (!ok) return;
  const r = new Redis(REDIS_URL);
  for (const p of prefixes) {
    const keys = await r.keys(`${p}:*`);
    if (keys.length) await r.del(...keys);
  }
  await r.quit();
});
