// Routing: the one place where commands run. Checks rights (with the platform's wording),
// validates option values that can be checked before acknowledging, and turns an unexpected
// failure into a clear private message (logged once, with its stack).
import type { Platform } from '../domain/types.ts';
import type { Command, CommandContext, CommandDeps, Reply } from './types.ts';

/** What a user without channel-manager rights is told, in the platform's terms. */
export function rightsRefusal(platform: Platform, name: string): string {
  const needs = platform === 'discord' ? 'Manage Channels or Manage Server' : 'Manage Channels (Discord) or workspace admin (Slack)';
  return `/${name} changes this channel's setup: it needs ${needs}.`;
}

export const unknownCommand = (commands: Pick<Command, 'name'>[]): string =>
  `Unknown command. Try: ${commands.map((c) => '/' + c.name).join(', ')}`;

export function usageLine(cmd: Command): string {
  return `/${cmd.name} ${cmd.options.map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:<${o.name}>]`)).join(' ')}`;
}

/** Missing required options or values outside the choices; null when the options look fine. */
function optionError(cmd: Command, raw: Record<string, string | undefined>): string | null {
  for (const o of cmd.options) {
    const v = raw[o.name];
    if (o.required && (v === undefined || v.trim() === '')) return `/${cmd.name} needs ${o.name}.`;
    if (v !== undefined && o.choices && !o.choices.some((c) => c.value === v)) {
      return `${o.name} must be one of ${o.choices.map((c) => c.value).join(', ')}.`;
    }
    if (v !== undefined && o.maxLength && v.length > o.maxLength) return `${o.name} is too long (at most ${o.maxLength} characters).`;
  }
  return null;
}

/**
 * The checks an adapter can make synchronously, before it acknowledges: an unknown command,
 * missing or invalid structured options, missing rights. Returns the private refusal, or null.
 */
export function precheck(
  commands: Command[],
  name: string,
  raw: Record<string, string | undefined>,
  ctx: Pick<CommandContext, 'platform' | 'canManage'>,
): string | null {
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) return unknownCommand(commands);
  if (cmd.manage && !ctx.canManage) return rightsRefusal(ctx.platform, cmd.name);
  const err = optionError(cmd, raw);
  return err ? `${err} Type: ${usageLine(cmd)}` : null;
}

export async function runCommand(
  cmd: Command,
  raw: Record<string, string | undefined>,
  ctx: CommandContext,
  deps: CommandDeps,
): Promise<Reply> {
  if (cmd.manage && !ctx.canManage) return { kind: 'private', text: rightsRefusal(ctx.platform, cmd.name) };
  const started = Date.now();
  try {
    return await cmd.run(raw, ctx, deps);
  } catch (err) {
    deps.log.error({ err, command: cmd.name, platform: ctx.platform }, 'command failed');
    return { kind: 'private', text: `Sorry, /${cmd.name} failed unexpectedly. It has been logged; please try again.` };
  } finally {
    deps.log.debug({ command: cmd.name, ms: Date.now() - started }, 'command done');
  }
}

/** Splits "/digest ukraine 3d" into the command and its free-text options, or a private error. */
export function parseLine(commands: Command[], line: string): { cmd: Command; raw: Record<string, string> } | { error: string } {
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  const cmd = m ? commands.find((c) => c.name === m[1]!.toLowerCase()) : undefined;
  if (!m || !cmd) return { error: unknownCommand(commands) };
  const parsed = cmd.parseText(m[2]!);
  if ('error' in parsed && typeof parsed.error === 'string') return { error: parsed.error };
  return { cmd, raw: parsed as Record<string, string> };
}

/** Runs a free-text command line ("/digest ukraine 3d") as typed on Slack or the console. */
export async function runCommandText(commands: Command[], line: string, ctx: CommandContext, deps: CommandDeps): Promise<Reply> {
  const p = parseLine(commands, line);
  if ('error' in p) return { kind: 'private', text: p.error };
  return runCommand(p.cmd, p.raw, ctx, deps);
}
