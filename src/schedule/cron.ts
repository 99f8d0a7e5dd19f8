// Cron through one library, cron-parser: the one BullMQ runs its job schedulers on, so what a
// subscription is checked with when it is made is what fires it (the embedded scheduler waits for
// the same library's next time, and catch-up asks it for the last one). Subscriptions use five
// fields (minute hour day-of-month month weekday), read in an IANA timezone; a schedule that could
// never fire (`0 0 31 2 *`) is refused.
import { CronExpressionParser } from 'cron-parser';

/** A validated cron expression (five fields, or six with seconds first for fixed schedules). */
export interface CronSpec {
  readonly expr: string;
}

export const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const parse = (expr: string, tz: string, currentDate: Date) => CronExpressionParser.parse(expr, { tz, currentDate });

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Reads a cron expression of `fields` fields (5 by default); an error message for anything else. */
export function parseCron(expr: string, fields: 5 | 6 = 5): CronSpec | { error: string } {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== fields && !(fields === 6 && parts.length === 5)) {
    return { error: `a cron expression has 5 fields (minute hour day month weekday), got ${parts.length}` };
  }
  const normal = parts.join(' ');
  let it: ReturnType<typeof parse>;
  try {
    it = parse(normal, 'UTC', new Date());
  } catch (err) {
    const msg = errorText(err);
    return { error: /explicit day of month/i.test(msg) ? 'never fires: that day does not occur in that month' : msg };
  }
  try {
    it.next();
  } catch (err) {
    // The library gives up searching when no date matches (e.g. the 31st of February or April).
    return { error: `never fires: no date matches it (${errorText(err)})` };
  }
  return { expr: normal };
}

const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000) * 60_000;

/** Latest minute in (now - lookbackMs, now] at which the schedule fires in `tz`, or null. */
export function lastFireAtOrBefore(c: CronSpec, tz: string, now: Date, lookbackMs: number): Date | null {
  // prev() is strictly before its start: start one second into the current minute.
  const prev = parse(c.expr, tz, new Date(minuteOf(now) + 1000)).prev().toDate();
  return prev.getTime() > now.getTime() - lookbackMs ? prev : null;
}

/** The first time after `from` (not in from's own minute) at which the schedule fires, within `lookaheadMs`. */
export function nextFireAfter(c: CronSpec, tz: string, from: Date, lookaheadMs = 8 * 86_400_000): Date | null {
  try {
    const next = parse(c.expr, tz, new Date(minuteOf(from) + 59_999)).next().toDate();
    return next.getTime() <= from.getTime() + lookaheadMs ? next : null;
  } catch (err) {
    if (/loop limit/i.test(errorText(err))) return null;
    throw err;
  }
}

/** The next fire time strictly after `from`, to the second (for six-field schedules too). */
export function nextFire(c: CronSpec, tz: string, from: Date): Date {
  return parse(c.expr, tz, from).next().toDate();
}
