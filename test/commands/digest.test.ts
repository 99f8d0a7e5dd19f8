// /digest through the router over a real SQLite store: the window, the digest returned, bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, openFixture, reader, seed, shown, type CommandFixture } from './setup.ts';

let f: CommandFixture;
beforeEach(async () => {
  f = await openFixture();
  await seed(f.store);
});
afterEach(() => f.close());

describe('/digest', () => {
  it('covers the last 24 hours by default, with links to the articles, and returns the digest for its thread', async () => {
    const r = await f.run('/digest harbour strike');
    expect(r.kind).toBe('doc');
    if (r.kind !== 'doc') return;
    const text = shown(r);
    expect(text).toContain('# News digest: harbour strike');
    expect(text).toContain('Last 24h · 1 story from 1 matching article');
    expect(text).toContain('https://news.example/strike-today');
    expect(text).not.toContain('strike-two-days');
    expect(text).not.toContain('ferry');
    // The conversation saves it when it posts it (test/contract/conversation.contract.ts).
    const saved = r.digest;
    expect(saved).toMatchObject({ topic: 'harbour strike' });
    expect(saved!.until.getTime()).toBe(NOW.getTime());
    expect(saved!.since.getTime()).toBe(NOW.getTime() - 24 * 3_600_000);
  });

  it('widens the window with 3d and 7d', async () => {
    const three = shown(await f.run('/digest harbour strike 3d'));
    expect(three).toContain('Last 3d');
    expect(three).toContain('from 2 matching articles');
    expect(three).toContain('https://news.example/strike-two-days');
    expect(three).not.toContain('strike-five-days');
    const seven = shown(await f.run('/digest harbour strike since:7d'));
    expect(seven).toContain('Last 7d');
    expect(seven).toContain('from 3 matching articles');
    expect(seven).toContain('https://news.example/strike-five-days');
  });

  it('refuses an unknown duration privately, saying which ones work', async () => {
    for (const line of ['/digest harbour strike since:fortnight', '/digest topic:"harbour strike" since:yesterday']) {
      const r = await f.run(line);
      expect(r).toEqual({ kind: 'private', text: expect.stringMatching(/^since "\w+" is not a duration \(try 24h, 3d, 7d or 30d\)\. Type: \/digest topic:<words>/) });
    }
  });

  it('says so when nothing matches, and saves no digest to follow up on', async () => {
    const r = await f.run('/digest volcano', reader);
    expect(r.kind).toBe('doc');
    if (r.kind !== 'doc') return;
    expect(r.digest).toBeUndefined();
    expect(shown(r)).toContain('No stories about volcano in the last 24h.');
    expect(shown(r)).not.toContain('newest');
  });

  it('points to the shortest window that reaches the newest older article when the window is empty', async () => {
    const day = shown(await f.run('/digest strike vote', reader));
    expect(day).toContain('No stories about strike vote in the last 24h.');
    const five = new Date(NOW.getTime() - 120 * 3_600_000);
    expect(day).toContain(`The newest article about strike vote is from ${five.getUTCDate()} `);
    expect(day).toContain('try /digest strike vote 7d.');
    expect(shown(await f.run('/digest strike vote 7d', reader))).toContain('https://news.example/strike-five-days');
  });
});
