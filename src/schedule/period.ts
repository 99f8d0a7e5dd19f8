// Period keys of scheduled digests. A period is the scheduled fire time truncated to the minute,
// written in the subscription's own timezone as "YYYY-MM-DDTHH:mm" (no offset), e.g.
// "2026-11-28T08:30" for an 08:30 Europe/Kyiv subscription. The store's unique key is
// (subscription id, period), so every process that fires or catches up the same slot computes the
// same key. Because the key is local wall time, a slot repeated by a DST fall-back (01:30 twice)
// is one period and posts once; a clock jump back cannot re-open a posted period either.
import { debugLog } from '../debug-log.ts';

const fmtCache = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    fmtCache.set(tz, f);
  }
  return f;
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localTime(at: Date, tz: string): LocalTime {
  const parts = Object.fromEntries(formatter(tz).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period key of a fire time in a timezone. */
export function periodOf(at: Date, tz: string): string {
  const t = localTime(at, tz);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
}

/** True when an IANA timezone name is known to this runtime. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch (err) {
    debugLog('not a time zone: %s (%s)', tz, err);
    return false;
  }
}

/**
 * Whether local time falls in quiet hours "HH:mm-HH:mm" (may wrap midnight, end exclusive).
 * Malformed or null quiet hours mean never quiet.
 */
export function isQuiet(at: Date, tz: string, quietHours: string | null): boolean {
  const m = quietHours ? /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(quietHours) : null;
  if (!m) return false;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  const t = localTime(at, tz);
  const now = t.hour * 60 + t.minute;
  return start <= end ? now >= start && now < end : now >= start || now < end;
}
