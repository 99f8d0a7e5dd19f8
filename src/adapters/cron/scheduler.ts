// Embedded Scheduler: timers set for the next fire time that src/schedule/cron.ts (cron-parser,
// as in BullMQ) gives, in the schedule's timezone. Every process that runs it fires its own
// ticks: with several processes the work they enqueue is deduplicated by job id and the store's
// post claim, not here.
import type { Logger } from '../../log.ts';
import { nextFire, parseCron, type CronSpec } from '../../schedule/cron.ts';
import type { FireFn, ScheduleEntry, ScheduledJob, ScheduleSpec, Scheduler } from '../../schedule/port.ts';

interface Entry {
  spec: ScheduleSpec;
  cron: CronSpec;
  job: ScheduledJob;
  next: Date;
  timer: NodeJS.Timeout | null;
}

/** setTimeout's longest delay; a later fire re-arms on the way. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export function createCronScheduler(o: { log: Logger; fire: FireFn; now?: () => Date }): Scheduler {
  const now = o.now ?? (() => new Date());
  const entries = new Map<string, Entry>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  function fire(id: string, e: Entry): void {
    // The scheduled minute, not the moment the timer ran (it may run late).
    const firedAt = new Date(Math.floor(e.next.getTime() / 60_000) * 60_000);
    const p = o.fire(id, e.job, firedAt).catch((err: unknown) => o.log.error({ err, schedule: id }, 'schedule fire failed'));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  function arm(id: string, e: Entry): void {
    const delay = e.next.getTime() - now().getTime();
    e.timer = setTimeout(() => {
      if (closed || entries.get(id) !== e) return;
      if (delay <= MAX_DELAY_MS) {
        fire(id, e);
        e.next = nextFire(e.cron, e.spec.tz, new Date(Math.max(now().getTime(), e.next.getTime())));
      }
      arm(id, e);
    }, Math.max(0, Math.min(delay, MAX_DELAY_MS)));
  }

  const stop = (e: Entry) => {
    if (e.timer) clearTimeout(e.timer);
    e.timer = null;
  };

  return {
    async upsert(id, spec, job) {
      if (closed) throw new Error('scheduler is closed');
      const old = entries.get(id);
      if (old && old.spec.cron === spec.cron && old.spec.tz === spec.tz && JSON.stringify(old.job) === JSON.stringify(job)) return;
      const cron = parseCron(spec.cron, 6);
      if ('error' in cron) throw new Error(`invalid cron expression for ${id}: ${spec.cron} (${cron.error})`);
      if (old) stop(old);
      const e: Entry = { spec, cron, job, next: nextFire(cron, spec.tz, now()), timer: null };
      entries.set(id, e);
      arm(id, e);
    },
    async remove(id) {
      const e = entries.get(id);
      if (!e) return false;
      entries.delete(id);
      stop(e);
      return true;
    },
    async list(): Promise<ScheduleEntry[]> {
      return [...entries].map(([id, e]) => ({ id, ...e.spec, job: e.job, next: e.next }));
    },
    async close() {
      closed = true;
      for (const e of entries.values()) stop(e);
      entries.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
