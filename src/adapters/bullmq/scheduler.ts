// Scheduler on BullMQ job schedulers (upsertJobScheduler with a cron pattern and tz). Schedules
// live in Redis, shared by every process: each fire time produces one tick job, processed by one
// of the processes running this adapter, which calls FireFn with the scheduled time.
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import type { FireFn, ScheduleEntry, ScheduledJob, Scheduler } from '../../schedule/port.ts';

/** Queue holding the tick jobs (a queue name may not contain ':'). */
export const SCHEDULE_QUEUE = 'schedules';

interface TickData {
  id: string;
  job: ScheduledJob;
}

export function createBullMqScheduler(o: {
  redisUrl: string;
  prefix?: string;
  log: Logger;
  fire: FireFn;
}): Scheduler {
  const prefix = o.prefix ?? 'newsbot';
  const connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
  const workerConnection = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
  for (const c of [connection, workerConnection]) c.on('error', (err) => o.log.warn({ err: err.message }, 'redis scheduler connection error'));
  const queue = new Queue<TickData>(SCHEDULE_QUEUE, { connection, prefix });
  const worker = new Worker<TickData>(
    SCHEDULE_QUEUE,
    async (job: Job<TickData>) => {
      // prevMillis is the scheduled time of this iteration; fall back to when it became due.
      const at = job.opts.prevMillis ?? job.timestamp + (job.opts.delay ?? 0);
      const firedAt = new Date(Math.floor(at / 60_000) * 60_000);
      await o.fire(job.data.id, job.data.job, firedAt);
    },
    { connection: workerConnection, prefix, concurrency: 4 },
  );
  worker.on('failed', (job, err) => o.log.error({ schedule: job?.data.id, err: err.message }, 'schedule fire failed'));
  worker.on('error', (err) => o.log.warn({ err: err.message }, 'scheduler worker error'));

  return {
    async upsert(id, spec, job) {
      await queue.upsertJobScheduler(
        id,
        { pattern: spec.cron, tz: spec.tz },
        { name: job.name, data: { id, job }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } } },
      );
    },
    async remove(id) {
      return queue.removeJobScheduler(id);
    },
    async list(): Promise<ScheduleEntry[]> {
      const all = await queue.getJobSchedulers(0, -1, true);
      return all.map((s) => ({
        id: s.key,
        cron: s.pattern ?? '',
        tz: s.tz ?? 'UTC',
        job: s.template?.data?.job ?? { name: s.name, payload: {} },
        next: s.next ? new Date(s.next) : null,
      }));
    },
    async close() {
      await worker.close();
      await queue.close();
      await Promise.all([connection, workerConnection].map((c) => c.quit().catch((err) => { o.log.debug({ err }, 'redis quit failed; disconnecting'); c.disconnect(); })));
    },
  };
}
