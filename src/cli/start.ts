// `newsbot start [--role all|bot|worker]`: runs until SIGINT/SIGTERM, then shuts down within a
// bound and exits 0 (1 when the shutdown itself failed or overran).
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { discordShardsFromEnv, startDiscordShards } from '../app.ts';
import { startNewsbot, type Role } from '../main.ts';
import { parseArgs, UsageError, type CliCommand } from './types.ts';

const ROLES: Role[] = ['all', 'bot', 'worker'];
const SHUTDOWN_LIMIT_MS = 20_000;

const start: CliCommand = {
  name: 'start',
  usage: 'newsbot start [--role all|bot|worker]',
  summary: 'run the bot (chat, scheduler and workers) until stopped',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { options: ['role'] });
    if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const role = (options.get('role') ?? 'all') as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const config = loadConfig(io.env);
    const log = createLogger(config.LOG_LEVEL);
    const discordShards = await discordShardsFromEnv(io.env);
    // A sharded bot: this process only supervises the shard children, which run the bot role.
    const supervise = config.DISCORD_TOKEN && config.DISCORD_SHARDS && !discordShards && role === 'bot';
    const running = supervise
      ? await startDiscordShards(config, log, fileURLToPath(new URL('../../bin/newsbot.js', import.meta.url)))
      : await startNewsbot(config, log, { role, stdin: io.stdin, stdout: io.stdout, discordShards });

    await new Promise<void>((resolve) => {
      const onSignal = (signal: NodeJS.Signals) => {
        log.info({ signal }, 'signal received');
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        resolve();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
    const limit = setTimeout(() => {
      log.error({ ms: SHUTDOWN_LIMIT_MS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    limit.unref();
    try {
      await running.stop();
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      return 1;
    }
    clearTimeout(limit);
    // Libraries may hold timers or sockets open after close(); the process is done.
    setImmediate(() => process.exit(0));
    return 0;
  },
};

export default start;
