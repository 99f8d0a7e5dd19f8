// A small five-field cron reader (minute hour day-of-month month day-of-week), used to validate
// subscriptions and to find the slot a missed schedule should have fired at. The live schedules
// run on node-cron or BullMQ; this only has to agree with them on standard expressions:
// lists, ranges, steps, '*', month and weekday names, 0 or 7 for Sunday, and the classic rule
// that a restricted day-of-month OR a restricted day-of-week matches.
import { localTime, type LocalTime } from './period.ts';

export interface CronSpec {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domAny: boolean;
  dowAny: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function field(src: string, min: number, max: number, names: string[] | null, offset: number): Set<number> | string {
  const out = new Set<number>();
  const value = (s: string): number => {
    const i = names ? names.indexOf(s.toLowerCase()) : -1;
    return i >= 0 ? i + offset : /^\d+$/.test(s) ? Number(s) : NaN;
  };
  for (const part of src.split(',')) {
    const m = /^(\*|[\w]+(?:-[\w]+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) return `"${part}" is not a cron list item`;
    const step = m[2] ? Number(m[2]) : 1;
    let lo = min;
    let hi = max;
    if (m[1] !== '*') {
      const [a, b] = m[1]!.split('-') as [string, string | undefined];
      lo = value(a);
      hi = b === undefined ? (m[2] ? max : lo) : value(b);
    }
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < min || hi > max || lo > hi || step < 1) {
      return `"${part}" is out of range ${min}-${max}`;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** Parses a five-field cron expression; returns an error message for anything else. */
export function parseCron(expr: string): CronSpec | { error: string } {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return { error: `a cron expression has 5 fields (minute hour day month weekday), got ${parts.length}` };
  const [mi, h, dom, mo, dow] = parts as [string, string, string, string, string];
  const specs = [
    ['minute', field(mi, 0, 59, null, 0)],
    ['hour', field(h, 0, 23, null, 0)],
    ['day of month', field(dom, 1, 31, null, 0)],
    ['month', field(mo, 1, 12, MONTHS, 1)],
    ['weekday', field(dow, 0, 7, DAY_NAMES, 0)],
  ] as const;
  for (const [name, s] of specs) if (typeof s === 'string') return { error: `${name}: ${s}` };
  const dows = specs[4][1] as Set<number>;
  if (dows.has(7)) dows.add(0);
  return {
    minute: specs[0][1] as Set<number>,
    hour: specs[1][1] as Set<number>,
    dom: specs[2][1] as Set<number>,
    month: specs[3][1] as Set<number>,
    dow: dows,
    domAny: dom === '*',
    dowAny: dow === '*',
  };
}

export function cronMatches(c: CronSpec, t: LocalTime): boolean {
  if (!c.minute.has(t.minute) || !c.hour.has(t.hour) || !c.month.has(t.month)) return false;
  const domOk = c.dom.has(t.day);
  const dowOk = c.dow.has(t.weekday);
  if (c.domAny || c.dowAny) return domOk && dowOk;
  return domOk || dowOk;
}

/** Latest minute in (now - lookbackMs, now] at which the schedule fires in `tz`, or null. */
export function lastFireAtOrBefore(c: CronSpec, tz: string, now: Date, lookbackMs: number): Date | null {
  const start = Math.floor(now.getTime() / 60_000) * 60_000;
  for (let t = start; t > now.getTime() - lookbackMs; t -= 60_000) {
    const d = new Date(t);
    if (cronMatches(c, localTime(d, tz))) return d;
  }
  return null;
}

/** Earliest minute after `from` (within `lookaheadMs`, default 8 days) at which the schedule fires. */
export function nextFireAfter(c: CronSpec, tz: string, from: Date, lookaheadMs = 8 * 86_400_000): Date | null {
  const start = Math.floor(from.getTime() / 60_000) * 60_000 + 60_000;
  for (let t = start; t <= from.getTime() + lookaheadMs; t += 60_000) {
    const d = new Date(t);
    if (cronMatches(c, localTime(d, tz))) return d;
  }
  return null;
}
