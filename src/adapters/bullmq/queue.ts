// BullMQ JobQueue on Redis. One BullMQ Queue per job name (so rate limits and counts are per
// name), one Worker per work() call. Failed jobs stay in Redis (removeOnFail: false) so any
// process can list and retry them. A worker that dies mid-job loses its lock; after
// `lockDurationMs` the stalled-job check of any other worker moves the job back to waiting.
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import {
  PermanentJobError,
  type FailedJob,
  type JobHandler,
  type JobOptions,
  type JobQueue,
  type WorkerOptions,
} from '../../queue/port.ts';

export interface BullMqQueueOptions {
  redisUrl: string;
  /** Redis key prefix; default "newsbot". */
  prefix?: string;
  log: Logger;
  /** Worker defaults for every name (overridden by work() options). */
  defaults?: WorkerOptions;
  /** Lock held by a worker on its active job, renewed at half this; default 30000 ms. */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs; default 30000 ms. */
  stalledIntervalMs?: number;
}

type Counts = Record<'waiting' | 'active' | 'delayed' | 'failed' | 'completed', number>;

/** BullMQ forbids ':' in custom ids; ours are made of names and periods, so map it reversibly enough. */
export const toBullId = (id: string) => id.replaceAll(':', '_');

export function createBullMqQueue(options: BullMqQueueOptions): JobQueue {
  const { log, redisUrl } = options;
  const prefix = options.prefix ?? 'newsbot';
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];
  const workerConnections: Redis[] = [];
  /** Retry policy per name, known when work() was called in this process. */
  const policy = new Map<string, { attempts: number; backoffMs: number }>();

  function queue(name: string): Queue {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix });
      q.on('error', (err) => log.warn({ err: err.message, queue: name }, 'queue error'));
      queues.set(name, q);
    }
    return q;
  }

  /** Every job name with a queue in Redis, including ones this process never touched. */
  async function allQueues(): Promise<Queue[]> {
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*:meta`, 'COUNT', 200);
      cursor = next;
      for (const k of keys) queue(k.slice(prefix.length + 1, -':meta'.length));
    } while (cursor !== '0');
    return [...queues.values()];
  }

  const d = options.defaults ?? {};

  return {
    async enqueue(name: string, payload: unknown, opts: JobOptions = {}) {
      const p = policy.get(name);
      const attempts = opts.attempts ?? p?.attempts ?? d.attempts ?? 5;
      const backoffMs = opts.backoffMs ?? p?.backoffMs ?? d.backoffMs ?? 2000;
      const job = await queue(name).add(name, payload, {
        ...(opts.jobId ? { jobId: toBullId(opts.jobId) } : {}),
        ...(opts.delayMs ? { delay: opts.delayMs } : {}),
        attempts: Math.max(1, attempts),
        backoff: { type: 'exponential', delay: backoffMs },
        // Completed ids are kept a day so a deterministic id enqueued again is still deduplicated.
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: false,
      });
      return job.id!;
    },

    work<P>(name: string, handler: JobHandler<P>, opts: WorkerOptions = {}) {
      const limiter = opts.limiter ?? d.limiter;
      policy.set(name, {
        attempts: opts.attempts ?? d.attempts ?? 5,
        backoffMs: opts.backoffMs ?? d.backoffMs ?? 2000,
      });
      const conn = new Redis(redisUrl, { maxRetriesPerRequest: null });
      conn.on('error', (err) => log.warn({ err: err.message }, 'redis worker connection error'));
      workerConnections.push(conn);
      const worker = new Worker(
        name,
        async (job: Job) => {
          const ctx = { jobId: job.id!, attempt: job.attemptsMade + 1, log: log.child({ jobId: job.id, job: name }) };
          try {
            await handler(job.data as P, ctx);
          } catch (err) {
            if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
            throw err;
          }
        },
        {
          connection: conn,
          prefix,
          concurrency: Math.max(1, opts.concurrency ?? d.concurrency ?? 1),
          ...(limiter ? { limiter: { max: limiter.max, duration: limiter.durationMs } } : {}),
          lockDuration: options.lockDurationMs ?? 30_000,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          maxStalledCount: 2,
        },
      );
      worker.on('failed', (job, err) => {
        if (!job) return;
        const final = job.finishedOn !== undefined || err instanceof UnrecoverableError;
        const line = { jobId: job.id, job: name, attempt: job.attemptsMade, err: err.message };
        if (final) log.error(line, 'job failed');
        else log.warn(line, 'job failed; will retry');
      });
      worker.on('stalled', (jobId) => log.warn({ jobId, job: name }, 'stalled job taken back for another worker'));
      worker.on('error', (err) => log.warn({ err: err.message, job: name }, 'worker error'));
      workers.push(worker);
    },

    async failed() {
      const out: FailedJob[] = [];
      for (const q of await allQueues()) {
        for (const j of await q.getFailed(0, -1)) {
          out.push({
            id: j.id!,
            name: q.name,
            payload: j.data,
            error: j.failedReason ?? '',
            attempts: j.attemptsMade,
            failedAt: new Date(j.finishedOn ?? j.timestamp),
          });
        }
      }
      return out.sort((a, b) => a.failedAt.getTime() - b.failedAt.getTime());
    },

    async retry(idOrAll) {
      let n = 0;
      for (const q of await allQueues()) {
        const jobs = idOrAll === 'all' ? await q.getFailed(0, -1) : [await q.getJob(toBullId(idOrAll))];
        for (const j of jobs) {
          if (!j || !(await j.isFailed())) continue;
          await j.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          n += 1;
        }
      }
      return n;
    },

    async counts() {
      const c: Counts = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
      for (const q of await allQueues()) {
        const got = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        c.waiting += (got.waiting ?? 0) + (got.prioritized ?? 0);
        c.active += got.active ?? 0;
        c.delayed += got.delayed ?? 0;
        c.failed += got.failed ?? 0;
        c.completed += got.completed ?? 0;
      }
      return c;
    },

    async close(timeoutMs = 10_000) {
      // Graceful: workers stop fetching and wait for their active jobs. Past the bound they are
      // closed by force; their jobs' locks lapse and another worker takes them over as stalled.
      let t: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => true);
      const ok = await Promise.race([graceful, new Promise<false>((r) => (t = setTimeout(() => r(false), timeoutMs)))]);
      clearTimeout(t);
      if (!ok) {
        log.warn({ timeoutMs }, 'workers did not finish in time; handing active jobs back');
        await Promise.all(workers.map((w) => w.close(true).catch((err) => log.debug({ err }, 'worker close failed'))));
      }
      await Promise.all([...queues.values()].map((q) => q.close().catch((err) => log.debug({ err }, 'queue close failed'))));
      await Promise.all([connection, ...workerConnections].map((c) => c.quit().catch((err) => { log.debug({ err }, 'redis quit failed; disconnecting'); c.disconnect(); })));
    },
  };
}
