// `newsbot register-commands`: registers the slash commands with Discord, globally or to
// DISCORD_GUILD_ID (instant updates, for development). The bot also does this on start when the
// definitions changed; this command forces it.
import { createLogger } from '../log.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const command: CliCommand = {
  name: 'register-commands',
  async run(args, io, root) {
    const { options, positional } = parseArgs(args, { options: ['guild'] });
    if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const config = await root.config();
    if (!config.DISCORD_TOKEN) throw new UsageError('DISCORD_TOKEN is not set');
    const log = createLogger(config.LOG_LEVEL);
    const r = await root.registerDiscordCommands(log, options.get('guild') ?? config.DISCORD_GUILD_ID);
    io.stdout.write(`registered ${r.count} commands (${r.scope}) for application ${r.applicationId}\n`);
    return 0;
  },
};

export default command;
