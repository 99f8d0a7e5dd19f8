// Where the in-process queue keeps failed jobs so that another process (`newsbot jobs failed`,
// `newsbot jobs retry`) can see and re-run them. BullMQ keeps failed jobs in Redis and needs
// none of this. The embedded implementation is a folder of JSON files under DATA_DIR
// (src/adapters/inprocess/failed-dir.ts).
import type { FailedJob } from './port.ts';

export interface FailedJobLog {
  /** Records (or replaces) a failed job. */
  record(job: FailedJob): Promise<void>;
  /** Forgets a failed job (it was retried). Unknown ids are ignored. */
  remove(id: string): Promise<void>;
  list(): Promise<FailedJob[]>;
  /**
   * Asks the process that owns the queue to re-run a failed job (or 'all'); it picks the request
   * up on its next poll, or at its next start. Returns how many jobs were marked.
   */
  requestRetry(idOrAll: string): Promise<number>;
  /** Returns the jobs marked for retry and clears their marks (and their records). */
  takeRetryRequests(): Promise<FailedJob[]>;
}
