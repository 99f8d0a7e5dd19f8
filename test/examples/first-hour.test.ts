// The README's first commands on a fresh store, on a clock set a month after the sample was
// written: the sample is re-dated at ingest against that clock, so the first digest finds it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { runCommandText } from '../../commands/router.ts';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import type { Fetcher } from '../../src/fetch/port.ts';
import { ingestTargets } from '../../src/ingest/pipeline.ts';
import { SAMPLE_FEED, SAMPLE_NEWEST, isSampleKey, redateSample } from '../../src/ingest/sample.ts';
import { extractQuotes, speakersOf } from '../../src/nlp/quotes.ts';
import { openFixture, reader, shown, type CommandFixture } from '../commands/setup.ts';

const CLOCK = new Date('2026-12-28T15:00:00Z');
let f: CommandFixture;
let fetcher: Fetcher;
beforeEach(async () => {
  f = await openFixture();
  fetcher = createFetcher({ timeoutMs: 2000, maxBytes: 5 * 1024 * 1024, allowlist: [] });
});
afterEach(async () => {
  await fetcher.close();
  await f.close();
});

const run = (line: string) => runCommandText(allCommands, line, reader, { ...f.deps, now: () => CLOCK });

describe('the first hour on the sample corpus', () => {
  it('answers the README first commands a month after the sample was written', async () => {
    const summary = await ingestTargets([SAMPLE_FEED], {
      store: f.store,
      fetcher,
      log: f.deps.log,
      now: () => CLOCK,
      onArticle: async (a) => {
        const found = extractQuotes(a.text);
        await f.store.quotes.replaceForArticle(a.id, found, speakersOf(found, a.text));
      },
    });
    expect(summary.new).toBe(32);

    const dates = (await f.store.articles.search({ query: 'ukraine', since: new Date(0), until: CLOCK, limit: 100 })).map((h) => h.article.publishedAt.getTime());
    const newestAge = (CLOCK.getTime() - Math.max(...dates)) / 3_600_000;
    expect(newestAge).toBeGreaterThan(0);
    expect(newestAge).toBeLessThanOrEqual(24);
    const oldestAge = (CLOCK.getTime() - Math.min(...dates)) / 86_400_000;
    expect(oldestAge).toBeGreaterThan(2.5);
    expect(oldestAge).toBeLessThanOrEqual(3.5);

    const digest = shown(await run('/digest ukraine 7d'));
    expect(digest).toContain('# News digest: ukraine');
    expect(digest).toMatch(/Last 7d · \d+ (of \d+ )?stories/);
    expect(digest).toContain('Donors pledge €2.1bn');
    // The default 24-hour window finds the newest sample stories too.
    expect(shown(await run('/digest ukraine'))).toMatch(/Last 24h · \d+ stor/);

    expect(shown(await run('/whosaid brandt'))).toContain('Ilse Brandt');
    const answer = await run('/ask what did Brandt say about the shadow fleet?');
    expect(shown(answer)).toMatch(/tanker|fleet/i);
  });

  it('re-dates only the sample, keeping its order and spacing, with the newest a few hours old', () => {
    expect(isSampleKey(SAMPLE_FEED)).toBe(true);
    expect(isSampleKey('/srv/feeds/feed.xml')).toBe(false);
    expect(isSampleKey('https://example.org/feed.xml')).toBe(false);
    const items = [{ publishedAt: SAMPLE_NEWEST }, { publishedAt: new Date(SAMPLE_NEWEST.getTime() - 70 * 3_600_000) }, { publishedAt: null }];
    const moved = redateSample(items, CLOCK);
    expect(CLOCK.getTime() - moved[0]!.publishedAt!.getTime()).toBe(3 * 3_600_000);
    expect(moved[0]!.publishedAt!.getTime() - moved[1]!.publishedAt!.getTime()).toBe(70 * 3_600_000);
    expect(moved[2]!.publishedAt).toBeNull();
  });
});
