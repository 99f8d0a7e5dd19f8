import { describe, expect, it } from 'vitest';
import { lastFireAtOrBefore, nextFireAfter, parseCron, type CronSpec } from '../../src/schedule/cron.ts';
import { isQuiet, isValidTimeZone, periodOf } from '../../src/schedule/period.ts';

const spec = (e: string) => {
  const c = parseCron(e);
  if ('error' in c) throw new Error(c.error);
  return c as CronSpec;
};
const fires = (e: string, from: string, tz = 'UTC') => nextFireAfter(spec(e), tz, new Date(from), 400 * 86_400_000)?.toISOString() ?? null;

describe('cron expressions', () => {
  it('reads lists, ranges, steps and weekday names', () => {
    // 2026-06-05 is a Friday.
    expect(fires('*/15 8-10 * * mon-fri', '2026-06-05T10:50:00Z')).toBe('2026-06-08T08:00:00.000Z');
    expect(fires('*/15 8-10 * * mon-fri', '2026-06-05T08:00:00Z')).toBe('2026-06-05T08:15:00.000Z');
    // 7 is Sunday too; 2026-06-07 is a Sunday.
    expect(fires('0 9 * * 7', '2026-06-05T00:00:00Z')).toBe('2026-06-07T09:00:00.000Z');
  });

  it('explains what is wrong with a bad expression', () => {
    expect(parseCron('61 8 * * *')).toMatchObject({ error: expect.stringContaining('61') });
    expect(parseCron('0 8 * *')).toMatchObject({ error: expect.stringContaining('5 fields') });
    expect(parseCron('0 8 * * funday')).toMatchObject({ error: expect.stringMatching(/fun/) });
  });

  it('refuses a schedule that could never fire', () => {
    expect(parseCron('0 0 31 2 *')).toMatchObject({ error: expect.stringMatching(/^never fires/) });
    expect(parseCron('0 0 31 2,4 *')).toMatchObject({ error: expect.stringMatching(/^never fires/) });
    // Leap days do come round.
    expect(fires('0 0 29 2 *', '2026-06-01T00:00:00Z', 'UTC')).toBeNull();
    expect(nextFireAfter(spec('0 0 29 2 *'), 'UTC', new Date('2026-06-01T00:00:00Z'), 4 * 366 * 86_400_000)?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('matches a restricted day of month or a restricted weekday, as cron does', () => {
    // 2026-07-01 is a Wednesday (the 1st); 2026-07-06 the next Monday.
    expect(fires('0 9 1 * mon', '2026-06-30T12:00:00Z')).toBe('2026-07-01T09:00:00.000Z');
    expect(fires('0 9 1 * mon', '2026-07-01T12:00:00Z')).toBe('2026-07-06T09:00:00.000Z');
  });

  it('finds the latest slot at or before now in the schedule timezone', () => {
    const c = spec('30 8 * * *');
    const now = new Date('2026-11-28T07:10:00Z'); // 09:10 in Kyiv (UTC+2)
    expect(lastFireAtOrBefore(c, 'Europe/Kyiv', now, 2 * 3600_000)?.toISOString()).toBe('2026-11-28T06:30:00.000Z');
    expect(lastFireAtOrBefore(c, 'Europe/Kyiv', now, 30 * 60_000)).toBeNull();
    expect(lastFireAtOrBefore(c, 'Europe/Kyiv', new Date('2026-11-28T06:30:40Z'), 60_000)?.toISOString()).toBe('2026-11-28T06:30:00.000Z');
  });
});

describe('period keys', () => {
  it('are the fire minute in the subscription timezone', () => {
    expect(periodOf(new Date('2026-11-28T06:30:41Z'), 'Europe/Kyiv')).toBe('2026-11-28T08:30');
    expect(periodOf(new Date('2026-11-28T06:30:00Z'), 'America/New_York')).toBe('2026-11-28T01:30');
  });

  it('give one key to a local time repeated by a daylight-saving fall-back', () => {
    // 2026-11-01 01:30 happens twice in New York (EDT then EST).
    const first = periodOf(new Date('2026-11-01T05:30:00Z'), 'America/New_York');
    const second = periodOf(new Date('2026-11-01T06:30:00Z'), 'America/New_York');
    expect(first).toBe('2026-11-01T01:30');
    expect(second).toBe(first);
  });

  it('validates IANA timezone names', () => {
    expect(isValidTimeZone('Europe/Kyiv')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('quiet hours', () => {
  it('wrap midnight and exclude their end', () => {
    const q = '22:00-07:00';
    expect(isQuiet(new Date('2026-11-28T23:30:00Z'), 'UTC', q)).toBe(true);
    expect(isQuiet(new Date('2026-11-28T06:59:00Z'), 'UTC', q)).toBe(true);
    expect(isQuiet(new Date('2026-11-28T07:00:00Z'), 'UTC', q)).toBe(false);
    expect(isQuiet(new Date('2026-11-28T12:00:00Z'), 'UTC', null)).toBe(false);
    expect(isQuiet(new Date('2026-11-28T12:00:00Z'), 'UTC', 'nonsense')).toBe(false);
  });
});
