// `newsbot digest <topic> [--since 24h|DATE] [--until DATE] [--max N] [--json|--markdown]`: the digest
// of a topic over a window (ending now unless --until), printed as plain text (default), markdown or
// JSON. The digest is saved so follow-up questions can use it (`newsbot ask "…" --digest ID`).
import { createLogger } from '../log.ts';
import { buildDigest } from '../digest/build.ts';
import { digestDoc, docMarkdown } from '../render/digest-doc.ts';
import { renderText } from '../render/text.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Parses "90m", "24h", "3d", "2w", "400d" into milliseconds; throws UsageError for anything else. */
export function parseDuration(s: string): number {
  const m = /^\s*(\d{1,6})\s*([mhdw])\s*$/i.exec(s);
  const ms = m ? Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]! : NaN;
  if (!m || !(ms > 0)) throw new UsageError(`bad duration '${s}': use a number and m, h, d or w (e.g. 90m, 24h, 3d, 7d), or a date like 2022-01-01`);
  return ms;
}

/** A date "2022-01-01" (midnight UTC) or an ISO 8601 time "2022-01-01T12:00Z"; null when not one. */
export function parseDate(s: string): Date | null {
  const v = s.trim();
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(v)) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v.replace(' ', 'T'));
  // Reject dates that roll over (2022-02-30) by checking the day survived the round trip.
  if (Number.isNaN(d.getTime()) || (v.length === 10 && d.toISOString().slice(0, 10) !== v)) return null;
  return d;
}

/**
 * The window [since, until) from --since (a duration back from --until, or a date) and --until (a
 * date, default now). An archive can be digested: there is no upper limit on the length.
 */
export function parseWindowOptions(sinceRaw: string | undefined, untilRaw: string | undefined, now: Date): { since: Date; until: Date; dated: boolean } {
  let until = now;
  if (untilRaw !== undefined) {
    const u = parseDate(untilRaw);
    if (!u) throw new UsageError(`bad --until '${untilRaw}': use a date like 2022-01-31 or 2022-01-31T18:00Z`);
    until = u;
  }
  const raw = sinceRaw ?? '24h';
  const since = parseDate(raw) ?? new Date(until.getTime() - parseDuration(raw));
  if (since.getTime() >= until.getTime()) throw new UsageError(`--since (${since.toISOString()}) must be before --until (${until.toISOString()})`);
  return { since, until, dated: untilRaw !== undefined || parseDate(raw) !== null };
}

const day = (d: Date) => d.toISOString().slice(0, d.getUTCHours() || d.getUTCMinutes() ? 16 : 10).replace('T', ' ');

const cliHint = (topic: string, max: number) => `newsbot digest ${/\s/.test(topic) ? JSON.stringify(topic) : topic} --max ${max}`;

const command: CliCommand = {
  name: 'digest',
  async run(args, io, root) {
    const { positional, flags, options } = parseArgs(args, { flags: ['json', 'markdown'], options: ['since', 'until', 'max'] });
    const topic = positional.join(' ').trim();
    if (!topic) throw new UsageError('say which topic, e.g. newsbot digest ukraine --since 24h');
    if (topic.length > 200) throw new UsageError('topic is longer than 200 characters');
    const { dated, ...window } = parseWindowOptions(options.get('since'), options.get('until'), new Date());
    const label = dated ? `${day(window.since)} to ${day(window.until)}` : undefined;
    const maxRaw = options.get('max');
    const maxStories = maxRaw === undefined ? 5 : Number(maxRaw);
    if (!Number.isInteger(maxStories) || maxStories < 1 || maxStories > 20) throw new UsageError('--max must be a whole number from 1 to 20');
    const config = await root.config();
    const log = createLogger(config.LOG_LEVEL);
    const app = await root.app(log);
    const d = await buildDigest(app.store, { topic, ...window, maxStories, model: app.model, log });
    if (d.stories.length > 0) await app.store.digests.save(d, null);
    if (flags.has('json')) io.stdout.write(JSON.stringify(d, null, 2) + '\n');
    else if (flags.has('markdown')) io.stdout.write(docMarkdown(digestDoc(d, cliHint, label)));
    else io.stdout.write(renderText(digestDoc(d, cliHint, label)));
    return 0;
  },
};

export default command;
