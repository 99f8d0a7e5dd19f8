import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullMqScheduler } from '../../src/adapters/bullmq/scheduler.ts';
import { createCronScheduler } from '../../src/adapters/cron/scheduler.ts';
import { createLogger } from '../../src/log.ts';
import type { FireFn, ScheduledJob, Scheduler } from '../../src/schedule/port.ts';
import { REDIS_URL, redisAvailable } from '../support/services.ts';
import { waitFor } from '../support/wait-for.ts';

const log = createLogger('silent');
const redisOk = await redisAvailable();
const prefixes: string[] = [];

function schedulerContract(label: string, make: (fire: FireFn) => Scheduler, enabled: boolean): void {
  describe(`Scheduler: ${label}`, () => {
    it.runIf(enabled)('lists, replaces and removes schedules', async () => {
      const s = make(async () => undefined);
      try {
        const job: ScheduledJob = { name: 'post-digest', payload: { subscriptionId: 's1' } };
        await s.upsert('sub.s1', { cron: '30 8 * * *', tz: 'Europe/Kyiv' }, job);
        await s.upsert('sub.s1', { cron: '45 9 * * 1-5', tz: 'Europe/Kyiv' }, job);
        await s.upsert('ingest', { cron: '*/15 * * * *', tz: 'UTC' }, { name: 'ingest-tick', payload: {} });
        const list = (await s.list()).sort((a, b) => a.id.localeCompare(b.id));
        expect(list.map((e) => [e.id, e.cron, e.tz])).toEqual([
          ['ingest', '*/15 * * * *', 'UTC'],
          ['sub.s1', '45 9 * * 1-5', 'Europe/Kyiv'],
        ]);
        expect(list[1]!.job).toEqual(job);
        expect(list[1]!.next).toBeInstanceOf(Date);
        expect(await s.remove('sub.s1')).toBe(true);
        expect(await s.remove('sub.s1')).toBe(false);
        expect((await s.list()).map((e) => e.id)).toEqual(['ingest']);
      } finally {
        await s.close();
      }
    });

    it.runIf(enabled)('fires the job with its scheduled time truncated to the minute', async () => {
      const fired: { id: string; job: ScheduledJob; at: Date }[] = [];
      const s = make(async (id, job, at) => void fired.push({ id, job, at }));
      try {
        // Six fields (seconds first): every second, so the test need not wait a minute.
        await s.upsert('tick', { cron: '* * * * * *', tz: 'UTC' }, { name: 'ingest-tick', payload: { x: 1 } });
        await waitFor(() => fired.length >= 1, 10_000, 'a fire');
        expect(fired[0]!.id).toBe('tick');
        expect(fired[0]!.job).toEqual({ name: 'ingest-tick', payload: { x: 1 } });
        expect(fired[0]!.at.getTime() % 60_000).toBe(0);
        expect(Math.abs(fired[0]!.at.getTime() - Date.now())).toBeLessThan(65_000);
      } finally {
        await s.close();
      }
    });
  });
}

schedulerContract('node-cron', (fire) => createCronScheduler({ log, fire }), true);
schedulerContract(
  'BullMQ job schedulers',
  (fire) => {
    const prefix = `nbsched-${randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    return createBullMqScheduler({ redisUrl: REDIS_URL, prefix, log, fire });
  },
  redisOk,
);

afterAll(async () => {
  if (!redisOk) return;
  const r = new Redis(REDIS_URL);
  for (const p of prefixes) {
    const keys = await r.keys(`${p}:*`);
    if (keys.length) await r.del(...keys);
  }
  await r.quit();
});
