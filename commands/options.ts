// Shared parsing helpers for commands: durations, free-text splitting and zod error wording.
// Free text is what people type on Slack and the console (`/digest ukraine 3d`), so every
// helper here accepts hostile input and returns an error value instead of throwing.
import { z } from 'zod';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Windows suggested to people (the "try /digest harbour 3d" hint); any other length works too. */
export const DURATIONS = { '24h': DAY, '3d': 3 * DAY, '7d': 7 * DAY, '14d': 14 * DAY, '30d': 30 * DAY } as const;
export type DurationName = keyof typeof DURATIONS;
export const durationNames = Object.keys(DURATIONS) as DurationName[];
/** Longest window a chat command reads: a month of one topic is already a long digest. */
export const MAX_WINDOW_MS = 30 * DAY;

const UNITS: Record<string, number> = { m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000, h: HOUR, hr: HOUR, hrs: HOUR, hour: HOUR, hours: HOUR, d: DAY, day: DAY, days: DAY, w: 7 * DAY, wk: 7 * DAY, week: 7 * DAY, weeks: 7 * DAY };

/**
 * A window as people write it: "24h", "3d", "30d", "2w", "90m", "3 days", "1 week", "week", "today".
 * Returns milliseconds (whatever the length: callers check their own limit), or null when the text
 * is not a duration at all.
 */
export function parseWindow(s: string): number | null {
  const v = s.trim().toLowerCase().replace(/\s+/g, ' ');
  if (v === 'today' || v === 'day') return DAY;
  if (v === 'week') return 7 * DAY;
  const m = /^(\d{1,6}) ?([a-z]+)$/.exec(v);
  const unit = m ? UNITS[m[2]!] : undefined;
  if (!m || unit === undefined || Number(m[1]) === 0) return null;
  return Number(m[1]) * unit;
}

/** "24h", "3d", "36h", "90m": a window length in its largest whole unit. */
export function windowName(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  return `${Math.round(ms / 60_000)}m`;
}

/**
 * Splits free text into tokens, keeping "double-quoted phrases" (straight or curly quotes)
 * together with their quotes, and `name:value` pairs for the given option names apart.
 */
export function splitFreeText(text: string, keys: string[] = []): { words: string[]; named: Record<string, string> } {
  const words: string[] = [];
  const named: Record<string, string> = {};
  const re = /(\w+):(?:"([^"]*)"|“([^”]*)”|(\S+))|"[^"]*"?|“[^”]*”?|\S+/gu;
  for (const m of text.matchAll(re)) {
    const key = m[1]?.toLowerCase();
    if (key && keys.includes(key)) {
      named[key] = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    } else {
      words.push(m[0]);
    }
  }
  return { words, named };
}

/** Trimmed, non-empty, single-line-ish user text with a length cap. */
export const userText = (what: string, max: number) =>
  z
    .string({ error: `${what} is missing` })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, `${what} is empty`).max(max, `${what} is too long (at most ${max} characters)`));

/** Turns a failed zod parse into one line naming the problems, followed by the usage line. */
export function usageError(error: z.ZodError, usage: string): string {
  const problems = [...new Set(error.issues.map((i) => i.message))].join('; ');
  return `${problems}. Type: ${usage}`;
}

/** Removes undefined and empty values so zod defaults apply to options left blank. */
export function present(raw: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}
