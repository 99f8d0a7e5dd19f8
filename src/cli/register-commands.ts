// `newsbot register-commands`: registers the slash commands with Discord, globally or to
// DISCORD_GUILD_ID (instant updates, for development). The bot also does this on start when the
// definitions changed; this command forces it.
import { allCommands } from '../../commands/index.ts';
import { registerWithToken } from '../adapters/discord/register.ts';
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const command: CliCommand = {
  name: 'register-commands',
  async run(args, io) {
    const { options, positional } = parseArgs(args, { options: ['guild'] });
    if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const config = loadConfig(io.env);
    if (!config.DISCORD_TOKEN) throw new UsageError('DISCORD_TOKEN is not set');
    const log = createLogger(config.LOG_LEVEL);
    const app = await openApp(config, log);
    try {
      const guildId = options.get('guild') ?? config.DISCORD_GUILD_ID;
      const r = await registerWithToken(
        { token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, guildId },
        allCommands,
        app.store.cache,
        log,
      );
      io.stdout.write(`registered ${allCommands.length} commands (${r.scope}) for application ${r.applicationId}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};

export default command;
