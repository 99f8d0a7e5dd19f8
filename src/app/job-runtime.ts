// The jobs runtime of one process: given the queue and a scheduler factory (src/app.ts openQueue
// and openScheduler pick the adapters), starts the workers and the schedules its role needs with
// the configured rate limits, grace window and shutdown bound, and closes them in order.
//
//   role 'all'    : workers (all jobs) + schedules + catch-up   (one process on a laptop)
//   role 'bot'    : schedules + catch-up + post-digest worker   (has the chat connection)
//   role 'worker' : ingest-source, fetch-article, process-article, prune workers (no chat connection)
import type { JobDeps, PostFn } from '../../jobs/deps.ts';
import { processArticle, registerJobs } from '../../jobs/index.ts';
import { enqueuePending } from '../../jobs/process-article.ts';
import { createJobDeps } from './job-deps.ts';
import type { Config } from '../config.ts';
import type { Fetcher } from '../fetch/port.ts';
import type { TextModel } from '../llm/port.ts';
import type { Logger } from '../log.ts';
import { catchUpMissed } from '../schedule/catch-up.ts';
import { createFireHandler } from '../schedule/fire.ts';
import { createWork } from './work.ts';
import type { FireFn, Scheduler } from '../schedule/port.ts';
import { reconcileSubscriptions, upsertFixedSchedules } from '../schedule/reconcile.ts';
import type { Store } from '../store/ports.ts';
import type { JobQueue } from '../queue/port.ts';
import type { Metrics } from '../metrics/port.ts';

export type Role = 'all' | 'bot' | 'worker';

export interface JobRuntime {
  queue: JobQueue;
  /** Null for role 'worker'. */
  scheduler: Scheduler | null;
  /** For CommandDeps.onSubscriptionsChanged. */
  onSubscriptionsChanged(): Promise<void>;
  /** Stops schedules, drains workers within SHUTDOWN_TIMEOUT_MS, closes connections. Does not close the store. */
  close(): Promise<void>;
}

export async function startJobRuntime(o: {
  config: Config;
  log: Logger;
  store: Store;
  model: TextModel | null;
  /** Fetches feeds and pages for ingest jobs (src/app.ts openFetcher); closed by its owner. */
  fetcher: Fetcher;
  role: Role;
  /** Chat posting (ChatAdapter.post of the platform in the channel ref); null when this process has no chat. */
  post: PostFn | null;
  /** Overrides for tests (e.g. a fixed digest builder); merged over the production deps. */
  deps?: Partial<JobDeps>;
  /** The configured queue (src/app.ts openQueue). */
  queue: JobQueue;
  /** Opens the configured scheduler with the fire handler (src/app.ts openScheduler). */
  openScheduler: (fire: FireFn) => Promise<Scheduler>;
  metrics?: Metrics;
  /**
   * False: no scheduler, catch-up or resync here, because another process runs them (a Discord
   * shard child other than shard 0). Default true.
   */
  schedules?: boolean;
  /** How often schedules are re-read from the subscription table; default 60000 ms. */
  resyncMs?: number;
}): Promise<JobRuntime> {
  const { config, log, store, role } = o;
  const { queue } = o;
  const deps: JobDeps = { ...createJobDeps({ config, store, fetcher: o.fetcher, queue, log, model: o.model, post: o.post, ...(o.metrics ? { metrics: o.metrics } : {}) }), ...o.deps };
  const perMinute = (max: number) => ({ max, durationMs: 60_000 });
  const workers = {
    // The model's rate limit applies only when a model is called; offline, quotes go at full speed.
    'process-article': { concurrency: config.WORKER_CONCURRENCY, ...(o.model ? { limiter: perMinute(config.MODEL_RATE_PER_MINUTE) } : {}) },
    'post-digest': { limiter: perMinute(config.POST_RATE_PER_MINUTE) },
  };
  const only = role === 'bot' ? ['post-digest'] : role === 'worker' ? ['ingest-source', 'fetch-article', 'process-article', 'prune'] : undefined;
  const names = registerJobs(queue, role === 'worker' ? { ...deps, post: null } : deps, { workers, ...(only ? { only } : {}) });
  log.info({ role, jobs: names, queue: config.REDIS_URL ? 'bullmq' : 'in-process' }, 'job workers started');
  if (names.includes(processArticle.name) && (role === 'worker' || o.schedules !== false)) {
    // Work a crash lost (the in-process queue keeps waiting jobs in memory) is queued again, by
    // one process of a sharded bot only.
    const requeued = await enqueuePending(store, queue);
    if (requeued) log.info({ requeued }, 'pending articles queued for processing');
  }

  let scheduler: Scheduler | null = null;
  const graceMs = config.DIGEST_GRACE_MINUTES * 60_000;
  if (role !== 'worker' && o.schedules !== false) {
    const fire = createFireHandler({ store, work: createWork(queue), log, graceMs });
    scheduler = await o.openScheduler(fire);
    await upsertFixedSchedules(scheduler, config.INGEST_CRON);
    const r = await reconcileSubscriptions(store, scheduler);
    const c = await catchUpMissed({ store, fire, log, graceMs });
    log.info({ subscriptions: r.upserted, removed: r.removed, caughtUp: c.fired, skipped: c.skipped }, 'schedules reconciled');
  }
  // Subscriptions changed by another process (another bot, a CLI) are picked up within a minute.
  const resync = scheduler
    ? setInterval(() => {
        if (scheduler) void reconcileSubscriptions(store, scheduler).catch((err: unknown) => log.warn({ err }, 'schedule resync failed'));
      }, o.resyncMs ?? 60_000)
    : null;
  resync?.unref();

  let closing: Promise<void> | null = null;
  return {
    queue,
    scheduler,
    async onSubscriptionsChanged() {
      if (scheduler) await reconcileSubscriptions(store, scheduler);
    },
    close() {
      closing ??= (async () => {
        if (resync) clearInterval(resync);
        await scheduler?.close().catch((err: unknown) => log.warn({ err }, 'scheduler close failed'));
        await queue.close(config.SHUTDOWN_TIMEOUT_MS);
      })();
      return closing;
    },
  };
}
