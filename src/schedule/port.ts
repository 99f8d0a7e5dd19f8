// Scheduler port: named cron schedules that fire a job description. Two adapters: node-cron in
// the embedded mode (src/adapters/cron/scheduler.ts; each process fires its own ticks, posts are
// deduplicated by the store claim) and BullMQ job schedulers (src/adapters/bullmq/scheduler.ts;
// one tick per fire time across all processes). Either way the adapter calls the FireFn given
// at construction with the scheduled fire time; src/schedule/fire.ts turns that into jobs.

export interface ScheduleSpec {
  /** Five-field cron expression, read in `tz`. */
  cron: string;
  /** IANA timezone. */
  tz: string;
}

export interface ScheduledJob {
  name: string;
  payload: Record<string, unknown>;
}

export interface ScheduleEntry extends ScheduleSpec {
  id: string;
  job: ScheduledJob;
  /** Next fire time, when the adapter knows it. */
  next: Date | null;
}

/** Called once per fire: `firedAt` is the scheduled time (not when the callback ran). */
export type FireFn = (id: string, job: ScheduledJob, firedAt: Date) => Promise<void>;

export interface Scheduler {
  /** Creates or replaces the schedule `id` (idempotent: same arguments, same schedule). */
  upsert(id: string, spec: ScheduleSpec, job: ScheduledJob): Promise<void>;
  /** Returns whether a schedule was removed. */
  remove(id: string): Promise<boolean>;
  list(): Promise<ScheduleEntry[]>;
  /** Stops firing and closes connections. Fires in progress are awaited. */
  close(): Promise<void>;
}
