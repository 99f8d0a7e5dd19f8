// `newsbot start [--role all|bot|worker]`: runs until SIGINT/SIGTERM, then shuts down within a
// bound and exits 0 (1 when the shutdown itself failed or overran).
import { packagePath } from '../paths.ts';
import { createLogger } from '../log.ts';
import { discordShardsFromEnv, startDiscordShards } from '../app.ts';
import { startNewsbot, type Role } from '../main.ts';
import { parseArgs, UsageError, type CliCommand } from './types.ts';

const ROLES: Role[] = ['all', 'bot', 'worker'];
/** Time for closing connections once the workers are done (on top of SHUTDOWN_TIMEOUT_MS). */
export const CLOSE_GRACE_MS = 5_000;

const start: CliCommand = {
  name: 'start',
  async run(args, io, root) {
    const { positional, options } = parseArgs(args, { options: ['role'] });
    if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const role = (options.get('role') ?? 'all') as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const config = await root.config();
    const discordShards = await discordShardsFromEnv(io.env);
    // Shard children share the supervisor's stderr; every line says which shard wrote it.
    // With no chat platform the console is the chat: info lines would interleave with its replies,
    // so only warnings and errors are logged there unless LOG_LEVEL asks for more.
    const consoleChat = !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN && role !== 'worker';
    const base = createLogger(consoleChat && !io.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL);
    const log = discordShards ? base.child({ shards: discordShards.ids }) : base;
    // A sharded bot: this process only supervises the shard children, which run the chat roles.
    const supervise = config.DISCORD_TOKEN && config.DISCORD_SHARDS && !discordShards && role !== 'worker';
    // In a shard child, shard n serves /healthz and /metrics on HTTP_PORT + n: the shards share
    // one machine's ports, and each one's health is its own gateway connection.
    const childConfig = discordShards && config.HTTP_PORT ? { ...config, HTTP_PORT: config.HTTP_PORT + discordShards.ids[0]! } : config;
    const running = supervise
      ? await startDiscordShards(config, log, packagePath('bin/newsbot.js'), role as 'all' | 'bot')
      : await startNewsbot(childConfig, log, { role, stdin: io.stdin, stdout: io.stdout, discordShards });

    await new Promise<void>((resolve) => {
      const onStop = (signal: NodeJS.Signals | 'disconnect') => {
        log.info({ signal }, 'signal received');
        process.off('SIGINT', onStop);
        process.off('SIGTERM', onStop);
        process.off('disconnect', onDisconnect);
        resolve();
      };
      const onDisconnect = () => onStop('disconnect');
      process.on('SIGINT', onStop);
      process.on('SIGTERM', onStop);
      // A shard child whose supervisor is gone (killed, crashed) shuts down rather than run unsupervised.
      if (discordShards && process.connected) process.once('disconnect', onDisconnect);
    });
    // Workers get SHUTDOWN_TIMEOUT_MS to finish or hand back their jobs; closing the connections
    // after that gets a few seconds more before the process gives up on them.
    const limitMs = config.SHUTDOWN_TIMEOUT_MS + CLOSE_GRACE_MS;
    const limit = setTimeout(() => {
      log.error({ ms: limitMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, limitMs);
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
