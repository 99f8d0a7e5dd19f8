// Parsing and validation of /subscribe arguments: time of day or cron, IANA timezone, weekdays,
// max stories, quiet hours, and what to do when nothing is new. Returns values or error text.
import { z } from 'zod';
import { DAY_NAMES, parseCron } from './cron.ts';
import { isValidTimeZone } from './period.ts';

const topicText = z
  .string({ error: 'topic is missing' })
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'topic is empty').max(200, 'topic is too long (at most 200 characters)'));

export const SUBSCRIBE_USAGE =
  '/subscribe topic:<words> time:<08:30, 7pm or cron> timezone:<Europe/Kyiv> [weekdays:mon-fri] [max:1-10] [quiet:22:00-07:00] [empty:note|silent], e.g. /subscribe ukraine 08:30 Europe/Kyiv mon-fri 5';

/**
 * A time of day as people write it: "19:00", "7:05", "7pm", "7 pm", "7:30am", "12am" (midnight).
 * Returns hours and minutes, or null when it is not a valid time of day.
 */
export function clockTime(s: string): { h: number; m: number } | null {
  const t = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$/i.exec(s.trim());
  if (t) {
    const h = Number(t[1]);
    const m = Number(t[2] ?? 0);
    if (h < 1 || h > 12 || m > 59) return null;
    return { h: (h % 12) + (t[3]!.toLowerCase() === 'p' ? 12 : 0), m };
  }
  const u = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  return u ? { h: Number(u[1]), m: Number(u[2]) } : null;
}

/** "mon-fri", "mon,wed,fri", "weekdays", "weekends", "daily" -> cron weekday field, or null. */
export function weekdaysToCron(s: string): string | null {
  const v = s.trim().toLowerCase();
  if (['daily', 'every-day', 'everyday', 'all', '*'].includes(v)) return '*';
  if (v === 'weekdays') return '1-5';
  if (v === 'weekends') return '0,6';
  const day = (d: string) => DAY_NAMES.indexOf(d.slice(0, 3));
  const out: string[] = [];
  for (const part of v.split(',')) {
    const m = /^([a-z]{3,9})(?:-([a-z]{3,9}))?$/.exec(part);
    if (!m) return null;
    const a = day(m[1]!);
    const b = m[2] ? day(m[2]) : a;
    if (a < 0 || b < 0) return null;
    out.push(a === b ? String(a) : a < b ? `${a}-${b}` : `${a}-6,0-${b}`);
  }
  return out.join(',');
}

export function isWeekdays(s: string): boolean {
  return weekdaysToCron(s) !== null;
}

const quiet = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$/, 'quiet hours look like 22:00-07:00')
  .optional();

export const subscribeArgs = z
  .object({
    topic: topicText,
    time: z.string({ error: 'time is missing (08:30, or a cron expression like "30 8 * * 1-5")' }).trim(),
    timezone: z
      .string({ error: 'timezone is missing (an IANA name like Europe/Kyiv or America/New_York)' })
      .trim()
      .refine(isValidTimeZone, { message: 'timezone is not a known IANA timezone (try Europe/London, America/New_York, UTC)' }),
    weekdays: z.string().trim().optional(),
    max: z.coerce
      .number({ error: 'max must be a whole number from 1 to 10' })
      .int('max must be a whole number from 1 to 10')
      .min(1, 'max must be at least 1')
      .max(10, 'max must be at most 10')
      .default(5),
    quiet,
    empty: z.enum(['note', 'silent'], { error: 'empty must be note or silent' }).default('note'),
  })
  .transform((a, c) => {
    const t = clockTime(a.time);
    let cron: string;
    if (t) {
      const dow = a.weekdays ? weekdaysToCron(a.weekdays) : '*';
      if (dow === null) {
        c.addIssue({ code: 'custom', message: `weekdays "${a.weekdays}" not understood (try mon-fri, mon,wed,fri or weekends)` });
        return z.NEVER;
      }
      cron = `${t.m} ${t.h} * * ${dow}`;
    } else if (/^\d{1,2}(?::\d{2})?\s*([ap]\.?m\.?)?$/i.test(a.time) && !/^\d+$/.test(a.time)) {
      c.addIssue({ code: 'custom', message: `time "${a.time}" is not a time of day (00:00 to 23:59)` });
      return z.NEVER;
    } else {
      const parsed = parseCron(a.time);
      if ('error' in parsed) {
        const message = parsed.error.startsWith('never fires')
          ? `the schedule "${a.time}" ${parsed.error}`
          : `time must be HH:MM (like 08:30) or a 5-field cron expression: ${parsed.error}`;
        c.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      if (a.weekdays) {
        c.addIssue({ code: 'custom', message: 'with a cron expression, put the weekdays in its last field instead of weekdays' });
        return z.NEVER;
      }
      cron = a.time.replace(/\s+/g, ' ');
    }
    return { topic: a.topic, cron, timezone: a.timezone, maxStories: a.max, quietHours: a.quiet ?? null, whenEmpty: a.empty };
  });

export type SubscribeArgs = z.output<typeof subscribeArgs>;
