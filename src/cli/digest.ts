// `newsbot digest <topic> [--since 24h] [--max N] [--json|--markdown]`: the digest of a topic over a
// window ending now, printed as plain text (default), markdown or JSON. The digest is saved so
// follow-up questions can use it (`newsbot ask "…" --digest ID`).
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { buildDigest } from '../digest/build.ts';
import { digestDoc, docMarkdown } from '../render/digest-doc.ts';
import { renderText } from '../render/text.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** Longest window accepted: a year. */
const MAX_MS = 366 * 86_400_000;

/** Parses "90m", "24h", "3d", "2w" into milliseconds; throws UsageError for anything else. */
export function parseDuration(s: string): number {
  const m = /^\s*(\d{1,6})\s*([mhdw])\s*$/i.exec(s);
  const ms = m ? Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]! : NaN;
  if (!m || !(ms > 0)) throw new UsageError(`bad duration '${s}': use a number and m, h, d or w (e.g. 90m, 24h, 3d, 7d)`);
  if (ms > MAX_MS) throw new UsageError(`duration '${s}' is longer than a year`);
  return ms;
}

const cliHint = (topic: string, max: number) => `newsbot digest ${/\s/.test(topic) ? JSON.stringify(topic) : topic} --max ${max}`;

const command: CliCommand = {
  name: 'digest',
  usage: 'newsbot digest <topic> [--since 24h] [--max N] [--json|--markdown]',
  summary: 'Digest of the stored news about a topic',
  async run(args, io) {
    const { positional, flags, options } = parseArgs(args, { flags: ['json', 'markdown'], options: ['since', 'max'] });
    const topic = positional.join(' ').trim();
    if (!topic) throw new UsageError('say which topic, e.g. newsbot digest ukraine --since 24h');
    if (topic.length > 200) throw new UsageError('topic is longer than 200 characters');
    const windowMs = parseDuration(options.get('since') ?? '24h');
    const maxRaw = options.get('max');
    const maxStories = maxRaw === undefined ? 5 : Number(maxRaw);
    if (!Number.isInteger(maxStories) || maxStories < 1 || maxStories > 20) throw new UsageError('--max must be a whole number from 1 to 20');
    const config = loadConfig(io.env);
    const log = createLogger(config.LOG_LEVEL);
    const app = await openApp(config, log);
    try {
      const until = new Date();
      const d = await buildDigest(app.store, { topic, since: new Date(until.getTime() - windowMs), until, maxStories, model: app.model, log });
      if (d.stories.length > 0) await app.store.digests.save(d, null);
      if (flags.has('json')) io.stdout.write(JSON.stringify(d, null, 2) + '\n');
      else if (flags.has('markdown')) io.stdout.write(docMarkdown(digestDoc(d, cliHint)));
      else io.stdout.write(renderText(digestDoc(d, cliHint)));
      return 0;
    } finally {
      await app.close();
    }
  },
};

export default command;
