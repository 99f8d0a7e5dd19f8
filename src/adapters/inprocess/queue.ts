// In-process JobQueue: the embedded default. Same semantics as the BullMQ adapter (concurrency
// per name, retries with exponential backoff, delays, PermanentJobError fails at once,
// deterministic job-id dedup, failed list + retry, bounded graceful close), but held in memory:
// waiting jobs do not survive a restart. That is acceptable because every job is re-derivable —
// ingest runs at start, scheduled digests are caught up from the store's post claims — and
// failed jobs are kept in a FailedJobLog (a folder under DATA_DIR) so other processes see them.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.ts';
import type { FailedJobLog } from '../../queue/failed-log.ts';
import {
  PermanentJobError,
  type FailedJob,
  type JobHandler,
  type JobOptions,
  type JobQueue,
  type WorkerOptions,
} from '../../queue/port.ts';

interface Job {
  id: string;
  name: string;
  payload: unknown;
  /** Runs started so far. */
  runs: number;
  state: 'waiting' | 'delayed' | 'active' | 'failed';
  runAt: number;
  opts: JobOptions;
  error?: string;
  failedAt?: Date;
}

interface Worker {
  handler: JobHandler<unknown>;
  opts: Required<Pick<WorkerOptions, 'concurrency' | 'attempts' | 'backoffMs'>> & Pick<WorkerOptions, 'limiter'>;
  active: number;
  starts: number[];
}

export interface InProcessQueueOptions {
  log: Logger;
  /** Worker defaults for every name (overridden by work() options). */
  defaults?: WorkerOptions;
  /** Where failures are recorded for other processes; its retry requests are polled. */
  failedLog?: FailedJobLog;
  /** How often to look for retry requests written by `newsbot jobs retry`; default 2000 ms. */
  retryPollMs?: number;
  /** How many completed job ids are remembered for dedup; default 10000. */
  keepCompleted?: number;
}

export function createInProcessQueue(options: InProcessQueueOptions): JobQueue {
  const { log, failedLog } = options;
  const keepCompleted = options.keepCompleted ?? 10_000;
  const jobs = new Map<string, Job>();
  /** FIFO of waiting job ids per name, and the delayed jobs: pump() never scans every job. */
  const waiting = new Map<string, string[]>();
  const delayed = new Set<Job>();
  const completed = new Set<string>();
  let completedCount = 0;
  const workers = new Map<string, Worker>();
  const running = new Set<Promise<void>>();
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;

  const retryPoll = failedLog
    ? setInterval(() => void pickUpRetryRequests(), options.retryPollMs ?? 2000)
    : null;
  retryPoll?.unref();
  // Requests made while no process was running are honoured at start.
  if (failedLog) void pickUpRetryRequests();

  async function pickUpRetryRequests(): Promise<void> {
    try {
      for (const f of await failedLog!.takeRetryRequests()) {
        jobs.delete(f.id);
        await enqueue(f.name, f.payload, { jobId: f.id });
        log.info({ jobId: f.id, job: f.name }, 'failed job re-queued on request');
      }
    } catch (err) {
      log.warn({ err }, 'could not read job retry requests');
    }
  }

  function schedule(): void {
    // One timer for the earliest delayed job; pump() re-arms it.
    let next = Infinity;
    for (const j of delayed) if (j.runAt < next) next = j.runAt;
    for (const w of workers.values()) {
      if (w.opts.limiter && w.starts.length >= w.opts.limiter.max) {
        next = Math.min(next, w.starts[0]! + w.opts.limiter.durationMs);
      }
    }
    if (next === timerAt) return;
    if (timer) clearTimeout(timer);
    timer = null;
    timerAt = next;
    if (next !== Infinity && !closed) {
      timer = setTimeout(() => {
        timer = null;
        timerAt = Infinity;
        pump();
      }, Math.max(0, next - Date.now()));
    }
  }

  function makeWaiting(j: Job): void {
    j.state = 'waiting';
    delayed.delete(j);
    let list = waiting.get(j.name);
    if (!list) waiting.set(j.name, (list = []));
    list.push(j.id);
  }

  function makeDelayed(j: Job, runAt: number): void {
    j.state = 'delayed';
    j.runAt = runAt;
    delayed.add(j);
  }

  function pump(): void {
    if (closed) return;
    const now = Date.now();
    for (const j of [...delayed]) if (j.runAt <= now) makeWaiting(j);
    for (const [name, w] of workers) {
      const list = waiting.get(name);
      while (list && list.length && w.active < w.opts.concurrency) {
        if (w.opts.limiter) {
          w.starts = w.starts.filter((t) => t > now - w.opts.limiter!.durationMs);
          if (w.starts.length >= w.opts.limiter.max) break;
          w.starts.push(now);
        }
        const j = jobs.get(list.shift()!);
        if (j && j.state === 'waiting') start(j, w);
      }
    }
    schedule();
  }

  function start(j: Job, w: Worker): void {
    j.state = 'active';
    j.runs += 1;
    w.active += 1;
    const ctx = { jobId: j.id, attempt: j.runs, log: log.child({ jobId: j.id, job: j.name }) };
    let p: Promise<void> | undefined = undefined;
    p = (async () => {
      await Promise.resolve(); // let `p` be assigned before the finally below can run
      try {
        await w.handler(j.payload, ctx);
        jobs.delete(j.id);
        remember(j.id);
      } catch (err) {
        await onError(j, w, err);
      } finally {
        w.active -= 1;
        if (p) running.delete(p);
        pump();
      }
    })();
    running.add(p);
  }

  function remember(id: string): void {
    completed.add(id);
    completedCount += 1;
    if (completed.size > keepCompleted) completed.delete(completed.values().next().value!);
  }

  async function onError(j: Job, w: Worker, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const attempts = j.opts.attempts ?? w.opts.attempts;
    const permanent = err instanceof PermanentJobError;
    if (!permanent && j.runs < attempts && !closed) {
      const delay = (j.opts.backoffMs ?? w.opts.backoffMs) * 2 ** (j.runs - 1);
      makeDelayed(j, Date.now() + delay);
      log.warn({ jobId: j.id, job: j.name, attempt: j.runs, retryInMs: delay, err: message }, 'job failed; will retry');
      return;
    }
    j.state = 'failed';
    j.error = message;
    j.failedAt = new Date();
    log.error({ jobId: j.id, job: j.name, attempts: j.runs, permanent, err: message }, 'job failed');
    try {
      await failedLog?.record(toFailed(j));
    } catch (e) {
      log.warn({ err: e, jobId: j.id }, 'could not record failed job');
    }
  }

  const toFailed = (j: Job): FailedJob => ({
    id: j.id,
    name: j.name,
    payload: j.payload,
    error: j.error ?? '',
    attempts: j.runs,
    failedAt: j.failedAt ?? new Date(),
  });

  async function enqueue(name: string, payload: unknown, opts: JobOptions = {}): Promise<string> {
    if (closed) throw new Error('queue is closed');
    const id = opts.jobId ?? randomUUID();
    if (jobs.has(id) || completed.has(id)) return id; // dedup: the first one wins
    const job: Job = { id, name, payload, runs: 0, state: 'waiting', runAt: Date.now(), opts };
    jobs.set(id, job);
    if ((opts.delayMs ?? 0) > 0) makeDelayed(job, Date.now() + opts.delayMs!);
    else makeWaiting(job);
    // Start on the next tick so enqueue() returns before the handler runs, as with Redis.
    setImmediate(pump);
    return id;
  }

  return {
    enqueue,
    work<P>(name: string, handler: JobHandler<P>, opts: WorkerOptions = {}) {
      const d = options.defaults ?? {};
      const limiter = opts.limiter ?? d.limiter;
      workers.set(name, {
        handler: handler as JobHandler<unknown>,
        opts: {
          concurrency: Math.max(1, opts.concurrency ?? d.concurrency ?? 1),
          attempts: Math.max(1, opts.attempts ?? d.attempts ?? 5),
          backoffMs: opts.backoffMs ?? d.backoffMs ?? 2000,
          ...(limiter ? { limiter } : {}),
        },
        active: 0,
        starts: [],
      });
      setImmediate(pump);
    },
    async failed() {
      // The log also holds failures from earlier runs of this process.
      if (failedLog) return failedLog.list();
      return [...jobs.values()].filter((j) => j.state === 'failed').map(toFailed);
    },
    async retry(idOrAll) {
      let n = 0;
      for (const j of jobs.values()) {
        if (j.state !== 'failed' || (idOrAll !== 'all' && j.id !== idOrAll)) continue;
        makeWaiting(j);
        j.runs = 0;
        delete j.error;
        delete j.failedAt;
        n += 1;
        await failedLog?.remove(j.id).catch((err) => log.debug({ err, jobId: j.id }, 'failed-job record not removed'));
      }
      if (failedLog) {
        // Failures recorded by an earlier run: re-queue them here.
        const more = await failedLog.requestRetry(idOrAll);
        if (more) await pickUpRetryRequests();
        n += more;
      }
      if (n) setImmediate(pump);
      return n;
    },
    async counts() {
      const c = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: completedCount };
      for (const j of jobs.values()) c[j.state] += 1;
      return c;
    },
    async close(timeoutMs = 10_000) {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      if (retryPoll) clearInterval(retryPoll);
      let timedOut = false;
      let t: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise<void>((r) => {
          t = setTimeout(() => ((timedOut = true), r()), timeoutMs);
        }),
      ]);
      clearTimeout(t);
      const left = [...jobs.values()].filter((j) => j.state !== 'failed').length;
      if (timedOut) log.warn({ active: running.size }, 'queue closed with jobs still running');
      if (left) log.info({ left }, 'queue closed; unstarted in-process jobs are dropped (re-derived at next start)');
    },
  };
}
