// Composition root: the only module that picks adapters. Everything is chosen by configuration;
// adapters are imported lazily so the embedded default never loads pg, ioredis or an SDK it
// does not use.
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/ports.ts';
import type { TextModel } from './llm/port.ts';

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

export async function openModel(config: Config, store: Store, log: Logger): Promise<TextModel | null> {
  if (!config.OPENAI_API_KEY) return null;
  const { createOpenAiModel } = await import('./adapters/openai/model.ts');
  return createOpenAiModel(
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
}

export async function openApp(config: Config, log: Logger): Promise<App> {
  const store = await openStore(config, log);
  const model = await openModel(config, store, log);
  return {
    config,
    log,
    store,
    model,
    close: () => store.close(),
  };
}
