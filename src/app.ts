// Composition root: the only module that picks adapters. Everything is chosen by configuration;
// adapters are imported lazily so the embedded default never loads pg, ioredis or an SDK it
// does not use.
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/ports.ts';
import type { TextModel } from './llm/port.ts';
import type { JobQueue } from './queue/port.ts';
import type { Scheduler, FireFn } from './schedule/port.ts';
import type { ChatAdapter } from './chat/port.ts';
import type { Conversation } from './conversation/conversation.ts';
import type { Metrics } from './metrics/port.ts';
import type { Fetcher } from './fetch/port.ts';

export interface App {
  config: Config;
  log: Logger;
  store: Store;
  /** The configured OpenAI-compatible model, or null for the offline path. */
  model: TextModel | null;
  close(): Promise<void>;
}

export async function openStore(config: Config, log: Logger): Promise<Store> {
  if (config.DATABASE_URL) {
    const { openPostgresStore } = await import('./adapters/postgres/store.ts');
    return openPostgresStore(config.DATABASE_URL, log);
  }
  const { openSqliteStore } = await import('./adapters/sqlite/store.ts');
  return openSqliteStore(join(config.DATA_DIR, 'newsbot.db'));
}

export async function openModel(config: Config, store: Store, log: Logger, metrics?: Metrics): Promise<TextModel | null> {
  if (!config.OPENAI_API_KEY) return null;
  const { createOpenAiModel } = await import('./adapters/openai/model.ts');
  const model = createOpenAiModel(
    {
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
      dailyTokenBudget: config.OPENAI_DAILY_TOKEN_BUDGET,
    },
    store.cache,
    log,
  );
  if (!metrics) return model;
  return {
    model: model.model,
    async complete(req) {
      const r = await model.complete(req);
      metrics.modelTokens(r.model, 'prompt', r.promptTokens);
      metrics.modelTokens(r.model, 'completion', r.completionTokens);
      return r;
    },
  };
}

export async function openApp(config: Config, log: Logger, metrics?: Metrics): Promise<App> {
  const store = await openStore(config, log);
  const model = await openModel(config, store, log, metrics);
  return { config, log, store, model, close: () => store.close() };
}

/** The HTTP fetcher (undici) with the configured timeout, size cap and private-address allowlist. */
export async function openFetcher(config: Config): Promise<Fetcher> {
  const { createFetcher } = await import('./adapters/http/fetcher.ts');
  return createFetcher({ timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES, allowlist: config.NEWSBOT_FETCH_ALLOWLIST });
}

/** Where the embedded queue records failed jobs, so `newsbot jobs` sees them from another process. */
export const failedJobsDir = (config: Config) => join(config.DATA_DIR, 'failed-jobs');

/** BullMQ on Redis when REDIS_URL is set, else the in-process queue. */
export async function openQueue(config: Config, log: Logger): Promise<JobQueue> {
  if (config.REDIS_URL) {
    const { createBullMqQueue } = await import('./adapters/bullmq/queue.ts');
    return createBullMqQueue({ redisUrl: config.REDIS_URL, log });
  }
  const { createInProcessQueue } = await import('./adapters/inprocess/queue.ts');
  const { createFailedJobDir } = await import('./adapters/inprocess/failed-dir.ts');
  return createInProcessQueue({ log, failedLog: createFailedJobDir(failedJobsDir(config)) });
}

/** BullMQ job schedulers when REDIS_URL is set (one tick per fire across processes), else node-cron. */
export async function openScheduler(config: Config, log: Logger, fire: FireFn): Promise<Scheduler> {
  if (config.REDIS_URL) {
    const { createBullMqScheduler } = await import('./adapters/bullmq/scheduler.ts');
    return createBullMqScheduler({ redisUrl: config.REDIS_URL, log, fire });
  }
  const { createCronScheduler } = await import('./adapters/cron/scheduler.ts');
  return createCronScheduler({ log, fire });
}

/**
 * The chat adapters this configuration asks for: Discord and/or Slack when their tokens are set,
 * the console (stdin/stdout) when neither is.
 */
export async function openChats(
  config: Config,
  log: Logger,
  conversation: Conversation,
  cache: Store['cache'],
  io: {
    stdin: NodeJS.ReadableStream;
    stdout: NodeJS.WritableStream;
    discordShards?: { ids: number[]; count: number } | undefined;
    /** Resolves when the ingest at start is done (the console holds its first answers until then). */
    ready?: Promise<void>;
  },
): Promise<ChatAdapter[]> {
  const chats: ChatAdapter[] = [];
  if (config.DISCORD_TOKEN) {
    const { createDiscordAdapter } = await import('./adapters/discord/adapter.ts');
    chats.push(
      createDiscordAdapter({
        token: config.DISCORD_TOKEN,
        apiUrl: config.DISCORD_API_URL,
        guildId: config.DISCORD_GUILD_ID,
        shards: io.discordShards,
        conversation,
        cache,
        log,
      }),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import('./adapters/slack/slack-adapter.ts');
    chats.push(
      createSlackAdapter({
        botToken: config.SLACK_BOT_TOKEN,
        appToken: config.SLACK_APP_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        port: config.SLACK_PORT,
        apiUrl: config.SLACK_API_URL,
        managerIds: config.SLACK_MANAGER_IDS,
        conversation,
        log,
      }),
    );
  }
  if (chats.length === 0) {
    const { createConsoleAdapter } = await import('./adapters/console/adapter.ts');
    chats.push(
      createConsoleAdapter({
        input: io.stdin as import('node:stream').Readable,
        output: io.stdout as import('node:stream').Writable,
        conversation,
        log,
        ...(io.ready ? { ready: io.ready } : {}),
      }),
    );
  }
  return chats;
}

export async function openOps(config: Config, jobCounts: () => Promise<Record<string, number>>) {
  const { createPromMetrics } = await import('./adapters/http/metrics.ts');
  const metrics = createPromMetrics(jobCounts);
  const start = async (checks: Record<string, () => Promise<void>>) => {
    if (config.HTTP_PORT === 0) return null;
    const { startOpsServer } = await import('./adapters/http/server.ts');
    return startOpsServer({ port: config.HTTP_PORT, registry: metrics.registry, checks });
  };
  return { metrics, start };
}

/**
 * With DISCORD_SHARDS, `newsbot start` (role all or bot) becomes a ShardingManager parent: it spawns
 * one child per shard, each running `newsbot start --role <role>` for its shards (the children find
 * their shard ids in the SHARDS / SHARD_COUNT variables the manager sets). Resolves once every
 * shard is connected; stop() ends every child before it resolves.
 */
export async function startDiscordShards(
  config: Config,
  log: Logger,
  script: string,
  role: 'all' | 'bot' = 'bot',
): Promise<{ stop(): Promise<void> }> {
  const { startShardManager } = await import('./adapters/discord/shards.ts');
  const sharded = await startShardManager({
    script,
    args: ['start', '--role', role],
    token: config.DISCORD_TOKEN!,
    shards: config.DISCORD_SHARDS!,
    apiUrl: config.DISCORD_API_URL,
    log,
  });
  return {
    // Children bound their own shutdown (SHUTDOWN_TIMEOUT_MS plus the close grace, src/cli/start.ts);
    // one that overruns is SIGKILLed just before the parent's own bound, so no shard outlives its supervisor.
    stop: () => sharded.stop(Math.max(1_000, config.SHUTDOWN_TIMEOUT_MS + 3_000)),
  };
}

/** Shard ids of this process when it is a shard child, else undefined. */
export async function discordShardsFromEnv(env: Record<string, string | undefined>) {
  if (!env.SHARDS) return undefined;
  const { shardsFromEnv } = await import('./adapters/discord/shards.ts');
  return shardsFromEnv(env);
}
