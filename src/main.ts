// The long-running bot process: `newsbot start [--role all|bot|worker]` (npm start).
//   bot    = chat adapters + scheduler + the post-digest worker (posting needs a chat connection)
//   worker = ingest-source, process-article and prune workers (run N of these)
//   all    = both, in one process (the embedded default)
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { allCommands } from '../commands/index.ts';
import type { CommandDeps } from '../commands/deps.ts';
import type { Command } from '../commands/types.ts';
import { registerJobs, enqueueJob, ingestSource } from '../jobs/index.ts';
import type { JobDeps, PostFn } from '../jobs/deps.ts';
import { openApp, openChats, openOps, openQueue, openScheduler } from './app.ts';
import type { ChatAdapter } from './chat/port.ts';
import type { Config } from './config.ts';
import { buildDigest } from './digest/build.ts';
import type { Article } from './domain/types.ts';
import { createFetcher } from './ingest/fetch.ts';
import { ingestTargets } from './ingest/pipeline.ts';
import { classifyTarget, guessKind, targetKey } from './ingest/targets.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics/port.ts';
import { extractQuotes, speakersOf } from './nlp/quotes.ts';
import { digestDoc } from './render/digest-doc.ts';
import { catchUpMissed } from './schedule/catch-up.ts';
import { createFireHandler } from './schedule/fire.ts';
import { reconcileSubscriptions, upsertFixedSchedules } from './schedule/reconcile.ts';
import type { Scheduler } from './schedule/port.ts';

export type Role = 'all' | 'bot' | 'worker';

export const SAMPLE_FEED = fileURLToPath(new URL('../examples/feed.xml', import.meta.url));

export interface Running {
  /** Stops taking work, finishes or hands back active jobs, closes connections. Bounded. */
  stop(): Promise<void>;
}

/** Commands wrapped so every run is timed into the command-latency histogram. */
function timed(commands: Command<CommandDeps>[], metrics: Metrics): Command<CommandDeps>[] {
  return commands.map((c) => ({
    ...c,
    async run(raw, ctx, deps) {
      const t0 = performance.now();
      try {
        return await c.run(raw, ctx, deps);
      } finally {
        metrics.commandLatency(c.name, ctx.platform, performance.now() - t0);
      }
    },
  }));
}

export async function startNewsbot(
  config: Config,
  log: Logger,
  opts: {
    role: Role;
    stdin: NodeJS.ReadableStream;
    stdout: NodeJS.WritableStream;
    /** Set in a Discord shard child (see startDiscordShards in src/app.ts). */
    discordShards?: { ids: number[]; count: number } | undefined;
  },
): Promise<Running> {
  const { role } = opts;
  const queue = await openQueue(config, log);
  const ops = await openOps(config, () => queue.counts());
  const { metrics } = ops;
  const app = await openApp(config, log, metrics);
  const { store, model } = app;
  const now = () => new Date();
  const fetcher = createFetcher({ timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES, allowlist: config.NEWSBOT_FETCH_ALLOWLIST });

  let chats: ChatAdapter[] = [];
  const post: PostFn = (where, doc, o) => {
    const chat = chats.find((c) => c.platform === where.platform);
    if (!chat) return Promise.reject(new Error(`no ${where.platform} connection in this process`));
    return chat.post(where, doc, o);
  };

  const jobDeps: JobDeps = {
    store,
    queue,
    log,
    now,
    retentionDays: config.RETENTION_DAYS,
    async ingest(targets) {
      const changed: Pick<Article, 'id' | 'contentHash'>[] = [];
      const summary = await ingestTargets(targets, {
        store,
        fetcher,
        log,
        now,
        onArticle: async (a) => void changed.push({ id: a.id, contentHash: a.contentHash }),
      });
      metrics.articlesIngested('new', summary.new);
      metrics.articlesIngested('updated', summary.updated);
      metrics.articlesIngested('duplicate', summary.duplicate);
      for (const s of summary.sources) if (s.status === 'failed') metrics.articlesIngested('failed');
      return { changed };
    },
    extractQuotes: (text) => {
      const quotes = extractQuotes(text);
      metrics.quotesExtracted(quotes.length);
      return quotes;
    },
    speakersOf,
    buildDigest: (q) => buildDigest(store, { ...q, model, log }),
    digestDoc,
    post: role === 'worker' ? null : post,
    owner: `${hostname()}:${process.pid}`,
  };

  let scheduler: Scheduler | null = null;
  const commandDeps: CommandDeps = {
    config,
    store,
    model,
    queue,
    log,
    now,
    onSubscriptionsChanged: async () => {
      if (scheduler) await reconcileSubscriptions(store, scheduler);
    },
  };

  // Workers first, so jobs enqueued during start-up have somewhere to go.
  const names = registerJobs(queue, jobDeps, role === 'bot' ? { only: ['post-digest'] } : role === 'worker' ? { only: ['ingest-source', 'process-article', 'prune'] } : {});

  if (role !== 'worker') {
    chats = await openChats(config, log, commandDeps, timed(allCommands, metrics), opts);
    await Promise.all(chats.map((c) => c.start()));
    const fire = createFireHandler({ store, queue, log, now });
    scheduler = await openScheduler(config, log, fire);
    await upsertFixedSchedules(scheduler, config.INGEST_CRON);
    await reconcileSubscriptions(store, scheduler);
    await catchUpMissed({ store, fire, log });
    await ingestAtStart(config, store, queue, log);
  }

  const server = await ops.start({
    store: () => store.ping(),
    queue: async () => void (await queue.counts()),
    ...Object.fromEntries(chats.map((c) => [c.platform, () => c.health()])),
  });
  log.info(
    {
      role,
      store: config.DATABASE_URL ? 'postgres' : 'sqlite',
      queue: config.REDIS_URL ? 'bullmq' : 'in-process',
      model: model ? model.model : 'offline',
      chat: chats.map((c) => c.platform),
      jobs: names,
      httpPort: server?.port ?? null,
    },
    'newsbot started',
  );

  return {
    async stop() {
      log.info('shutting down');
      await Promise.allSettled(chats.map((c) => c.stop()));
      await scheduler?.close();
      await queue.close(10_000);
      await server?.close();
      await fetcher.close();
      await app.close();
      log.info('stopped');
    },
  };
}

/**
 * Registers the configured sources (NEWSBOT_FEEDS, or the sample feed when none is set) and
 * ingests each of them once now; INGEST_CRON ticks take over from there.
 */
async function ingestAtStart(config: Config, store: JobDeps['store'], queue: JobDeps['queue'], log: Logger): Promise<void> {
  const targets = config.NEWSBOT_FEEDS.length ? config.NEWSBOT_FEEDS : [SAMPLE_FEED];
  const window = `start-${new Date().toISOString().slice(0, 16)}Z`;
  for (const raw of targets) {
    try {
      const target = await classifyTarget(raw);
      const source = await store.sources.add({ url: targetKey(target), kind: guessKind(target) });
      await enqueueJob(queue, ingestSource, { sourceId: source.id, window });
    } catch (err) {
      log.warn({ target: raw, err: (err as Error).message }, 'source not added');
    }
  }
}
