// The long-running bot process: `newsbot start [--role all|bot|worker]` (npm start).
//   bot    = chat adapters + scheduler + the post-digest worker (posting needs a chat connection)
//   worker = ingest-source, fetch-article, process-article and prune workers (run N of these)
//   all    = both, in one process (the embedded default)
import { packagePath } from './paths.ts';
import { allCommands } from '../commands/index.ts';
import { createConversation } from './conversation/conversation.ts';
import type { Command, CommandDeps } from './conversation/types.ts';
import { openApp, openChats, openFetcher, openOps, openQueue, openScheduler } from './app.ts';
import type { ChatAdapter } from './chat/port.ts';
import type { Config } from './config.ts';
import { classifyTarget, guessKind, targetKey } from './ingest/targets.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics/port.ts';
import type { JobQueue } from './queue/port.ts';
import { startJobRuntime, type JobRuntime, type Role } from './app/job-runtime.ts';
import { createWork } from './app/work.ts';
import type { Work } from './queue/work.ts';
import type { Store } from './store/ports.ts';
import { debugLog } from './debug-log.ts';

export type { Role };

export const SAMPLE_FEED = packagePath('examples/feed.xml');

export interface Running {
  /** Stops taking work, finishes or hands back active jobs, closes connections. Bounded. */
  stop(): Promise<void>;
}

/** Commands wrapped so every run is timed into the command-latency histogram. */
function timed(commands: Command[], metrics: Metrics): Command[] {
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
  // Of several Discord shard processes, only the one holding shard 0 runs the schedules and the
  // ingest at start; the others would fire and ingest the same things again.
  const leader = !opts.discordShards || opts.discordShards.ids.includes(0);
  const queue = await openQueue(config, log);
  const ops = await openOps(config, () => queue.counts());
  const { metrics } = ops;
  const app = await openApp(config, log, metrics);
  const { store, model } = app;
  const fetcher = await openFetcher(config);

  let chats: ChatAdapter[] = [];

  // Chat first (it answers within 3 s from the moment it is up); schedules reconcile through
  // the job runtime once it exists.
  let runtime: JobRuntime | null = null;
  const work = createWork(queue);
  const commandDeps: CommandDeps = {
    config,
    store,
    model,
    work,
    log,
    now: () => new Date(),
    onSubscriptionsChanged: async () => runtime?.onSubscriptionsChanged(),
  };
  const conversation = createConversation({ commands: timed(allCommands, metrics), deps: commandDeps });
  const post = conversation.post(() => chats);
  let startIngested!: () => void;
  const ready = new Promise<void>((resolve) => (startIngested = resolve));
  if (role !== 'worker') {
    chats = await openChats(config, log, conversation, store.cache, { ...opts, ready });
    await Promise.all(chats.map((c) => c.start()));
  }
  runtime = await startJobRuntime({
    config,
    log,
    store,
    model,
    fetcher,
    role,
    queue,
    metrics,
    post: role === 'worker' ? null : post,
    schedules: leader,
    openScheduler: (fire) => openScheduler(config, log, fire),
  });
  if (role !== 'worker' && leader) {
    await ingestAtStart(config, store, work, log);
    void settled(queue, START_INGEST_WAIT_MS).then(startIngested);
  } else startIngested();

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
      httpPort: server?.port ?? null,
    },
    'newsbot started',
  );

  return {
    async stop() {
      log.info('shutting down');
      await Promise.allSettled(chats.map((c) => c.stop()));
      await runtime?.close();
      await fetcher.close();
      await server?.close();
      await app.close();
      log.info('stopped');
    },
  };
}

/** Longest the console holds its first answers for the ingest at start. */
const START_INGEST_WAIT_MS = 30_000;

/** Resolves when the queue has nothing waiting or running (or after `maxMs`, whichever is first). */
async function settled(queue: Pick<JobQueue, 'counts'>, maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const c = await queue.counts().catch((err) => { debugLog('queue counts unavailable: %s', err); return null; });
    if (c && c.waiting + c.active === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Registers the configured sources (NEWSBOT_FEEDS, or the sample feed when none is set) and
 * ingests each of them once now; INGEST_CRON ticks take over from there.
 */
async function ingestAtStart(config: Config, store: Store, work: Work, log: Logger): Promise<void> {
  const targets = config.NEWSBOT_FEEDS.length ? config.NEWSBOT_FEEDS : [SAMPLE_FEED];
  const at = new Date();
  for (const raw of targets) {
    try {
      const target = await classifyTarget(raw);
      const source = await store.sources.add({ url: targetKey(target), kind: guessKind(target) });
      await work.ingestSource(source.id, { at, start: true });
    } catch (err) {
      log.warn({ target: raw, err: (err as Error).message }, 'source not added');
    }
  }
}
