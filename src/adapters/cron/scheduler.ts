// Embedded Scheduler on node-cron (v4, with timezones). Every process that runs it fires its own
// ticks: with several processes the work they enqueue is deduplicated by job id and the store's
// post claim, not here (node-cron's "distributed" flag is not a lock).
import { createTask, validate, type ScheduledTask } from 'node-cron';
import type { Logger } from '../../log.ts';
import type { FireFn, ScheduleEntry, ScheduledJob, ScheduleSpec, Scheduler } from '../../schedule/port.ts';

interface Entry {
  spec: ScheduleSpec;
  job: ScheduledJob;
  task: ScheduledTask;
}

export function createCronScheduler(o: { log: Logger; fire: FireFn }): Scheduler {
  const entries = new Map<string, Entry>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  async function stop(e: Entry): Promise<void> {
    await e.task.stop();
    await e.task.destroy();
  }

  return {
    async upsert(id, spec, job) {
      if (closed) throw new Error('scheduler is closed');
      const old = entries.get(id);
      if (old && old.spec.cron === spec.cron && old.spec.tz === spec.tz && JSON.stringify(old.job) === JSON.stringify(job)) return;
      if (!validate(spec.cron)) throw new Error(`invalid cron expression for ${id}: ${spec.cron}`);
      if (old) await stop(old);
      const task = createTask(
        spec.cron,
        (ctx) => {
          // The scheduled minute, not the moment the callback ran (node-cron may run it late).
          const firedAt = new Date(Math.floor(ctx.date.getTime() / 60_000) * 60_000);
          const p = o.fire(id, job, firedAt).catch((err: unknown) => o.log.error({ err, schedule: id }, 'schedule fire failed'));
          inFlight.add(p);
          void p.finally(() => inFlight.delete(p));
          return p;
        },
        { timezone: spec.tz, name: id, noOverlap: false },
      );
      await task.start();
      entries.set(id, { spec, job, task });
    },
    async remove(id) {
      const e = entries.get(id);
      if (!e) return false;
      entries.delete(id);
      await stop(e);
      return true;
    },
    async list(): Promise<ScheduleEntry[]> {
      return [...entries].map(([id, e]) => ({ id, ...e.spec, job: e.job, next: e.task.getNextRun() }));
    },
    async close() {
      closed = true;
      for (const e of entries.values()) await stop(e);
      entries.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
