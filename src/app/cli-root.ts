// What one CLI command runs with, built by the composition root: the configuration (parsed once
// from the command's environment) and the store, model, fetcher and queue it asks for, each
// opened on first use and all closed when the command returns. Adapters load lazily, so a
// command that needs none of them (`newsbot quotes file.txt`) loads none.
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Fetcher } from '../fetch/port.ts';
import type { Logger } from '../log.ts';
import type { FailedJobLog } from '../queue/failed-log.ts';
import type { JobQueue } from '../queue/port.ts';
import type { Store } from '../store/ports.ts';

export interface CliRoot {
  /** Throws ConfigError (exit 2) when the environment is invalid. */
  config(): Promise<Config>;
  /** Store and model; `log` is the command's logger. */
  app(log: Logger): Promise<App>;
  /** Only the store (no model). */
  store(log: Logger): Promise<Store>;
  fetcher(): Promise<Fetcher>;
  /** BullMQ with REDIS_URL, else the in-process queue. */
  queue(log: Logger): Promise<JobQueue>;
  /** Failed jobs the embedded queue keeps under DATA_DIR. */
  failedJobs(): Promise<FailedJobLog>;
  /** Registers the slash commands with Discord (DISCORD_TOKEN), to `guildId` or globally. */
  registerDiscordCommands(log: Logger, guildId: string | undefined): Promise<{ applicationId: string; scope: string; count: number }>;
  /** Closes what was opened, newest first. Errors go to `onError`; closing never throws. */
  close(onError: (what: string, err: unknown) => void): Promise<void>;
}

/** How long a CLI command waits for the queue connection to close. */
const QUEUE_CLOSE_MS = 1000;

export function createCliRoot(env: Record<string, string | undefined>): CliRoot {
  let config: Config | null = null;
  const opened: { what: string; close: () => Promise<void> }[] = [];
  /** Opens on the first call (with that call's argument) and registers the close. */
  const lazy = <A, T>(what: string, open: (a: A) => Promise<T>, close: (v: T) => Promise<void>) => {
    let p: Promise<T> | null = null;
    return (a: A): Promise<T> =>
      (p ??= open(a).then((v) => {
        opened.push({ what, close: () => close(v) });
        return v;
      }));
  };
  const composition = () => import('../app.ts');
  const root: CliRoot = {
    async config() {
      config ??= (await import('../config.ts')).loadConfig(env);
      return config;
    },
    app: lazy('store', async (log: Logger) => (await composition()).openApp(await root.config(), log), (a) => a.close()),
    store: lazy('store', async (log: Logger) => (await composition()).openStore(await root.config(), log), (s) => s.close()),
    fetcher: lazy('fetcher', async (_: void) => (await composition()).openFetcher(await root.config()), (f) => f.close()),
    queue: lazy('queue', async (log: Logger) => (await composition()).openQueue(await root.config(), log), (q) => q.close(QUEUE_CLOSE_MS)),
    async failedJobs() {
      const [{ createFailedJobDir }, { failedJobsDir }] = await Promise.all([import('../adapters/inprocess/failed-dir.ts'), composition()]);
      return createFailedJobDir(failedJobsDir(await root.config()));
    },
    async registerDiscordCommands(log, guildId) {
      const config = await root.config();
      const [{ registerWithToken }, { allCommands }] = await Promise.all([import('../adapters/discord/register.ts'), import('../../commands/index.ts')]);
      const { store } = await root.app(log);
      const r = await registerWithToken({ token: config.DISCORD_TOKEN ?? '', apiUrl: config.DISCORD_API_URL, guildId }, allCommands, store.cache, log);
      return { ...r, count: allCommands.length };
    },
    async close(onError) {
      for (const r of opened.reverse()) await r.close().catch((err: unknown) => onError(r.what, err));
      opened.length = 0;
    },
  };
  return root;
}
