// CLI entry point (with main.ts, the only place that reads process.env and argv).
// Each subcommand is one file in src/cli/, loaded on demand so `newsbot quotes` does not
// pay for the Discord client.
import { UsageError, type CliCommand, type CliIO } from './cli/types.ts';
import { ConfigError } from './config.ts';
import { packageVersion } from './cli/version.ts';

const COMMANDS: Record<string, string> = {
  start: './cli/start.ts',
  ingest: './cli/ingest.ts',
  feed: './cli/feed.ts',
  sources: './cli/sources.ts',
  articles: './cli/articles.ts',
  quotes: './cli/quotes.ts',
  whosaid: './cli/whosaid.ts',
  summarise: './cli/summarise.ts',
  digest: './cli/digest.ts',
  ask: './cli/ask.ts',
  usage: './cli/usage.ts',
  jobs: './cli/jobs.ts',
  'register-commands': './cli/register-commands.ts',
};

async function load(name: string): Promise<CliCommand | null> {
  const path = COMMANDS[name];
  if (!path) return null;
  try {
    return ((await import(path)) as { default: CliCommand }).default;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(path.slice(2))) {
      return null;
    }
    throw err;
  }
}

async function help(io: CliIO): Promise<void> {
  const lines = ['usage: newsbot <command> [options]', ''];
  for (const name of Object.keys(COMMANDS)) {
    const cmd = await load(name);
    if (cmd) lines.push(`  ${cmd.usage.padEnd(58)} ${cmd.summary}`);
  }
  io.stdout.write(lines.join('\n') + '\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await help(io);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`newsbot ${packageVersion()}\n`);
    return 0;
  }
  try {
    const cmd = await load(name);
    if (!cmd) {
      io.stderr.write(`newsbot: unknown command '${name}' (try: newsbot --help)\n`);
      return 2;
    }
    // `newsbot <command> --help` is a question, not a mistake: usage on stdout, exit 0.
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`usage: ${cmd.usage}\n  ${cmd.summary}\n`);
      return 0;
    }
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`newsbot ${name}: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`newsbot ${name}: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && /(newsbot(\.js)?|cli\.ts)$/.test(process.argv[1]);
if (isMain) {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
  // `start` keeps running until a signal; everything else exits with its code.
  if (code !== -1) process.exitCode = code;
}
