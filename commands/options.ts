// Shared parsing helpers for commands: durations, free-text splitting and zod error wording.
// Free text is what people type on Slack and the console (`/digest ukraine 3d`), so every
// helper here accepts hostile input and returns an error value instead of throwing.
import { z } from 'zod';

/** The windows /digest offers, in milliseconds. */
export const DURATIONS = { '24h': 24 * 3_600_000, '3d': 3 * 86_400_000, '7d': 7 * 86_400_000 } as const;
export type DurationName = keyof typeof DURATIONS;
export const durationNames = Object.keys(DURATIONS) as DurationName[];

/** Accepts "24h", "3d", "7d" and their spelled-out forms ("1d", "1 day", "week"); null otherwise. */
export function parseDuration(s: string): DurationName | null {
  const v = s.trim().toLowerCase().replace(/\s+/g, '');
  if (v in DURATIONS) return v as DurationName;
  if (['1d', '1day', 'day', '24hours', 'today'].includes(v)) return '24h';
  if (['3days', '72h'].includes(v)) return '3d';
  if (['1w', 'week', '1week', '7days', '168h'].includes(v)) return '7d';
  return null;
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
