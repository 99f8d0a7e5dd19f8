// Windows and times as people write them, through the real commands over a real SQLite store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockTime } from '../../src/schedule/subscription-args.ts';
import { parseDate, parseWindowOptions } from '../../src/cli/digest.ts';
import { UsageError } from '../../src/cli/types.ts';
import { NOW, manager, openFixture, seed, shown, type CommandFixture } from './setup.ts';

let f: CommandFixture;
beforeEach(async () => {
  f = await openFixture();
  await seed(f.store);
});
afterEach(() => f.close());

describe('digest windows', () => {
  it('reads /digest <topic> 30d as the topic over 30 days, and refuses more than 30 days clearly', async () => {
    const r = await f.run('/digest harbour strike 30d');
    expect(r.kind).toBe('doc');
    if (r.kind !== 'doc') return;
    expect(shown(r)).toContain('# News digest: harbour strike');
    expect(shown(r)).toContain('Last 30d');
    expect(r.digest!.since.getTime()).toBe(NOW.getTime() - 30 * 86_400_000);
    const long = await f.run('/digest harbour strike 45d');
    expect(long.kind).toBe('private');
    if (long.kind === 'private') expect(long.text).toMatch(/since 45d is longer than 30d, the longest window in chat/);
    const bad = await f.run('/digest topic:harbour since:soon');
    expect(bad.kind === 'private' && bad.text).toMatch(/since "soon" is not a duration/);
  });

  it('lets the command line digest an archive between two dates, with no cap on the length', () => {
    const now = new Date('2030-06-01T12:00:00Z');
    expect(parseWindowOptions('2022-01-01', '2022-02-01', now)).toEqual({
      since: new Date('2022-01-01T00:00:00Z'),
      until: new Date('2022-02-01T00:00:00Z'),
      dated: true,
    });
    expect(parseWindowOptions('800d', undefined, now)).toEqual({ since: new Date(now.getTime() - 800 * 86_400_000), until: now, dated: false });
    expect(parseWindowOptions('2d', '2022-01-10T06:00Z', now).since).toEqual(new Date('2022-01-08T06:00:00Z'));
    expect(() => parseWindowOptions('2022-02-01', '2022-01-01', now)).toThrow(UsageError);
    expect(() => parseWindowOptions('2022-02-30', undefined, now)).toThrow(UsageError);
    expect(() => parseWindowOptions(undefined, 'tomorrow', now)).toThrow(UsageError);
    expect(parseDate('2022-13-01')).toBeNull();
  });
});

describe('subscription times', () => {
  it('accepts 7pm, 19:00, 7:30am and 12am, and rejects what is not a time of day', () => {
    expect(clockTime('7pm')).toEqual({ h: 19, m: 0 });
    expect(clockTime('19:00')).toEqual({ h: 19, m: 0 });
    expect(clockTime('7:30am')).toEqual({ h: 7, m: 30 });
    expect(clockTime('7:30 a.m.')).toEqual({ h: 7, m: 30 });
    expect(clockTime('12am')).toEqual({ h: 0, m: 0 });
    expect(clockTime('12pm')).toEqual({ h: 12, m: 0 });
    for (const bad of ['13pm', '0am', '7:75pm', '24:00', '7']) expect(clockTime(bad)).toBeNull();
  });

  it('subscribes at 7pm as the 19:00 schedule', async () => {
    const r = await f.run('/subscribe harbour strike 7pm Europe/Kyiv', manager);
    expect(r.kind === 'private' && r.text).toMatch(/19:00 Europe\/Kyiv/);
    const bad = await f.run('/subscribe harbour strike 13pm UTC', manager);
    expect(bad.kind === 'private' && bad.text).toMatch(/not a time of day/);
  });
});
