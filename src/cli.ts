// CLI entry point (with main.ts, the only place that reads process.env and argv).
// Each subcommand is one file in src/cli/, loaded on demand so `newsbot quotes` does not
// pay for the Discord client, and `newsbot --help` for nothing at all.
import { CLI_COMMANDS } from './cli/commands.ts';
import { UsageError, type CliCommand, type CliIO, type CliRoot } from './cli/types.ts';
import { packageVersion } from './cli/version.ts';

async function load(name: string): Promise<CliCommand | null> {
  if (!Object.hasOwn(CLI_COMMANDS, name)) return null;
  return ((await import(`./cli/${name}.ts`)) as { default: CliCommand }).default;
}

function help(io: CliIO): void {
  const lines = ['usage: newsbot <command> [options]', ''];
  for (const { usage, summary } of Object.values(CLI_COMMANDS)) lines.push(`  ${usage.padEnd(58)} ${summary}`);
  io.stdout.write(lines.join('\n') + '\n');
}

/** A configuration problem (src/config.ts ConfigError), told apart without loading the schema. */
const isConfigError = (err: unknown): err is Error => err instanceof Error && err.name === 'ConfigError';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`newsbot ${packageVersion()}\n`);
    return 0;
  }
  let root: CliRoot | null = null;
  try {
    const cmd = await load(name);
    if (!cmd) {
      io.stderr.write(`newsbot: unknown command '${name}' (try: newsbot --help)\n`);
      return 2;
    }
    // `newsbot <command> --help` is a question, not a mistake: usage on stdout, exit 0.
    if (rest.includes('--help') || rest.includes('-h')) {
      const { usage, summary } = CLI_COMMANDS[name]!;
      io.stdout.write(`usage: ${usage}\n  ${summary}\n`);
      return 0;
    }
    const { createCliRoot } = await import('./app/cli-root.ts');
    root = createCliRoot(io.env);
    return await cmd.run(rest, io, root);
  } catch (err) {
    if (err instanceof UsageError || isConfigError(err)) {
      io.stderr.write(`newsbot ${name}: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`newsbot ${name}: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  } finally {
    await root?.close((what, err) => io.stderr.write(`newsbot ${name}: closing the ${what} failed: ${(err as Error).message ?? String(err)}\n`));
  }
}

const isMain = process.argv[1] && /(newsbot(\.js)?|cli\.[jt]s)$/.test(process.argv[1]);
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
