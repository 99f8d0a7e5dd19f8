// /help [command] — what each command does, its options and two examples. Shown only to the one
// who asked. The list of commands comes from the registry (commands/index.ts) when it runs, so
// every platform and the console describe exactly the commands they route.
import type { Command } from './types.ts';
import type { CommandDeps } from './deps.ts';

/** Two examples per command, as typed in chat. */
const EXAMPLES: Record<string, [string, string]> = {
  digest: ['/digest ukraine', '/digest ukraine 30d max:10'],
  whosaid: ['/whosaid brandt', '/whosaid "front line"'],
  ask: ['/ask what did Brandt say about the shadow fleet?', '/ask how much was pledged for the grid?'],
  subscribe: ['/subscribe ukraine 08:30 Europe/Kyiv', '/subscribe rates 7pm UTC mon-fri 3'],
  unsubscribe: ['/unsubscribe 3f2a9c1d', '/unsubscribe id:3f2a9c1d'],
  subscriptions: ['/subscriptions', '/subscriptions'],
  sources: ['/sources list', '/sources add https://example.org/feed.xml'],
  help: ['/help', '/help digest'],
};

function optionLine(o: Command['options'][number]): string {
  const values = o.choices?.length ? ` (${o.choices.map((c) => c.value).join(', ')})` : '';
  return `  ${o.name}${o.required ? '' : ' (optional)'}: ${o.description}${values}`;
}

/** One command's help: its line, what it does, each option, and its examples. */
export function commandHelp(c: Command<CommandDeps>): string {
  const usage = `/${c.name} ${c.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(' ')}`.trim();
  const lines = [`${usage}: ${c.description}${c.manage ? ' (needs channel-manager rights)' : ''}`];
  if (c.options.length) lines.push('Options:', ...c.options.map(optionLine));
  const ex = EXAMPLES[c.name];
  if (ex) lines.push(`Examples: ${[...new Set(ex)].join('  ·  ')}`);
  return lines.join('\n');
}

/** The overview: one line per command, then how to get one command's details. */
export function overviewHelp(commands: Command<CommandDeps>[]): string {
  const lines = commands.map((c) => `/${c.name}: ${c.description}`);
  return [...lines, 'Type /help <command> for its options and examples, e.g. /help digest.'].join('\n');
}

/** Builds /help over the registry; `list` is read when the command runs. */
export function helpCommand(list: () => Command<CommandDeps>[]): Command<CommandDeps> {
  return {
    name: 'help',
    description: 'What each command does, with its options and examples',
    manage: false,
    visibility: 'private',
    options: [{ name: 'command', description: 'A command to explain, e.g. digest', type: 'string', required: false, maxLength: 40 }],
    parseText(text): Record<string, string> {
      const name = text.trim().replace(/^command:/i, '').replace(/^\//, '').trim();
      return name ? { command: name } : {};
    },
    async run(raw) {
      const commands = list();
      const name = raw.command?.trim().replace(/^\//, '').toLowerCase();
      if (!name) return { kind: 'private', text: overviewHelp(commands) };
      const c = commands.find((x) => x.name === name);
      if (!c) return { kind: 'private', text: `There is no /${name}. Commands: ${commands.map((x) => '/' + x.name).join(', ')}` };
      return { kind: 'private', text: commandHelp(c) };
    },
  };
}
