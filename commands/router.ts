// The one place where commands run: checks rights, validates nothing platform-specific, and
// turns an unexpected failure into a clear private message (logged once, with its stack).
import type { Command, CommandContext, Reply } from './types.ts';
import type { CommandDeps } from './deps.ts';

export async function runCommand(
  cmd: Command<CommandDeps>,
  raw: Record<string, string | undefined>,
  ctx: CommandContext,
  deps: CommandDeps,
): Promise<Reply> {
  if (cmd.manage && !ctx.canManage) {
    return {
      kind: 'private',
      text: `/${cmd.name} changes this channel's setup: it needs Manage Channels (Discord) or workspace admin (Slack).`,
    };
  }
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

/** Runs a free-text command line ("/digest ukraine 3d") as typed on Slack or the console. */
export async function runCommandText(
  commands: Command<CommandDeps>[],
  line: string,
  ctx: CommandContext,
  deps: CommandDeps,
): Promise<Reply> {
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  const cmd = m ? commands.find((c) => c.name === m[1]!.toLowerCase()) : undefined;
  if (!m || !cmd) {
    return { kind: 'private', text: `Unknown command. Try: ${commands.map((c) => '/' + c.name).join(', ')}` };
  }
  const parsed = cmd.parseText(m[2]!);
  if ('error' in parsed && typeof parsed.error === 'string') return { kind: 'private', text: parsed.error };
  return runCommand(cmd, parsed as Record<string, string>, ctx, deps);
}
