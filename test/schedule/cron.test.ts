import { describe, expect, it } from 'vitest';
import { cronMatches, lastFireAtOrBefore, parseCron, type CronSpec } from '../../src/schedule/cron.ts';
import { isQuiet, isValidTimeZone, localTime, periodOf } from '../../src/schedule/period.ts';

const spec = (e: string) => {
  const c = parseCron(e);
  if ('error' in c) throw new Error(c.error);
  return c as CronSpec;
};

describe('cron expressions', () => {
  it('reads lists, ranges, steps and weekday names', () => {
    const c = spec('*/15 8-10 * * mon-fri');
    expect([...c.minute]).toEqual([0, 15, 30, 45]);
    expect([...c.hour]).toEqual([8, 9, 10]);
    expect([...c.dow]).toEqual([1, 2, 3, 4, 5]);
    expect([...spec('0 9 * * 7').dow].sort()).toEqual([0, 7]);
  });

  it('explains what is wrong with a bad expression', () => {
    expect(parseCron('61 8 * * *')).toEqual({ error: 'minute: "61" is out of range 0-59' });
    expect(parseCron('0 8 * *')).toMatchObject({ error: expect.stringContaining('5 fields') });
    expect(parseCron('0 8 * * funday')).toMatchObject({ error: expect.stringContaining('weekday') });
  });

  it('matches a restricted day of month or a restricted weekday, as cron does', () => {
    const c = spec('0 9 1 * mon');
    // 2026-06-01 is a Monday; 2026-06-08 a Monday; 2026-07-01 a Wednesday
    expect(cronMatches(c, localTime(new Date('2026-06-08T09:00:00Z'), 'UTC'))).toBe(true);
    expect(cronMatches(c, localTime(new Date('2026-07-01T09:00:00Z'), 'UTC'))).toBe(true);
    expect(cronMatches(c, localTime(new Date('2026-07-02T09:00:00Z'), 'UTC'))).toBe(false);
  });

  it('finds the latest slot at or before now in the schedule timezone', () => {
    const c = spec('30 8 * * *');
    const now = new Date('2026-11-28T07:10:00Z'); // 09:10 in Kyiv (UTC+2)
    expect(lastFireAtOrBefore(c, 'Europe/Kyiv', now, 2 * 3600_000)?.toISOString()).toBe('2026-11-28T06:30:00.000Z');
    expect(lastFireAtOrBefore(c, 'Europe/Kyiv', now, 30 * 60_000)).toBeNull();
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
