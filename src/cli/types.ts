// Contract of one CLI subcommand: src/cli/<name>.ts default-exports a CliCommand.
import type { Readable, Writable } from 'node:stream';
import type { CliRoot } from '../app/cli-root.ts';

export type { CliRoot };

export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
}

/** Usage and summary of each command live in src/cli/commands.ts (help loads no command). */
export interface CliCommand {
  name: string;
  /**
   * Returns the exit code. Throw UsageError for bad usage or bad input (exit 2, one line, no stack).
   * `root` gives the configuration and what the command opens (closed after it returns).
   */
  run(args: string[], io: CliIO, root: CliRoot): Promise<number>;
}

/** A user error: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Splits argv into positional arguments and --flags (`--since 24h`, `--json`, `--since=24h`). */
export function parseArgs(
  args: string[],
  spec: { flags?: string[]; options?: string[] },
): { positional: string[]; flags: Set<string>; options: Map<string, string> } {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (spec.flags?.includes(name) && inline === undefined) flags.add(name);
      else if (spec.options?.includes(name)) {
        const v = inline ?? args[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, v);
      } else throw new UsageError(`unknown option --${name}`);
    } else positional.push(a);
  }
  return { positional, flags, options };
}
