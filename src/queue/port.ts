// Job-queue port. Two adapters: in-process (default) and BullMQ on Redis; one contract suite
// (test/contract/queue.contract.ts) runs against both. Handlers live in jobs/, one file per name.
import type { Logger } from '../log.ts';

export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  log: Logger;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

/** Thrown by a handler for a failure that must not be retried (bad payload, gone article). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface JobOptions {
  /** Deterministic id: enqueuing the same id twice while the first exists runs it once. */
  jobId?: string;
  delayMs?: number;
  /**
   * Retry policy carried by the job itself, for queues where the enqueuing process is not the
   * worker (BullMQ). Overrides the worker's `attempts`/`backoffMs` when set.
   */
  attempts?: number;
  backoffMs?: number;
}

export interface WorkerOptions {
  concurrency?: number;
  /** Total runs including the first; default 5. */
  attempts?: number;
  /** First retry delay; doubles each attempt (exponential backoff). Default 2000. */
  backoffMs?: number;
  /** Rate limit across all workers of this job name: at most `max` starts per `durationMs`. */
  limiter?: { max: number; durationMs: number };
}

export interface FailedJob {
  id: string;
  name: string;
  payload: unknown;
  error: string;
  attempts: number;
  failedAt: Date;
}

export interface JobQueue {
  enqueue(name: string, payload: unknown, opts?: JobOptions): Promise<string>;
  /** Starts processing `name` jobs in this process. */
  work<P>(name: string, handler: JobHandler<P>, opts?: WorkerOptions): void;
  failed(): Promise<FailedJob[]>;
  /** Re-runs a failed job (or all of them); returns how many were re-queued. */
  retry(idOrAll: string): Promise<number>;
  /** Counts by state for /healthz and metrics. */
  counts(): Promise<Record<'waiting' | 'active' | 'delayed' | 'failed' | 'completed', number>>;
  /** Stops taking jobs, waits for active ones up to `timeoutMs`, closes connections. */
  close(timeoutMs?: number): Promise<void>;
}
