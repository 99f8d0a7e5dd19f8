import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { digestDoc, shownQuote } from '../../src/render/digest-doc.ts';
import { renderText } from '../../src/render/text.ts';
import type { Store } from '../../src/store/ports.ts';
import { DRILL, FERRY, FIRE, NOW } from './fixtures.ts';
import { OUTBREAK, RATES } from './story-fixtures.ts';
import { seed } from './seed.ts';

let store: Store;
const window = { since: new Date(NOW.getTime() - 3 * 24 * 3600_000), until: NOW };

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await seed(store, [...FIRE, DRILL, FERRY, ...RATES, ...OUTBREAK]);
});
afterEach(async () => {
  await store.close();
});

describe('which article leads a story', () => {
  it('leads with the report of the event, not the newest reaction piece that repeats the topic most', async () => {
    const d = await buildDigest(store, { topic: 'rates', ...window });
    expect(d.stories).toHaveLength(1);
    const s = d.stories[0]!;
    expect(s.articles.map((a) => a.id).sort()).toEqual(['rates-1', 'rates-2', 'rates-3']);
    expect(s.articles[0]!.id).toBe('rates-1');
    expect(s.headline).toContain('2.75%');
    expect(s.summary).toContain('2.75 per cent');
  });

  it('keeps reports of one event on consecutive days as one story', async () => {
    const d = await buildDigest(store, { topic: 'measles', ...window });
    expect(d.stories.map((s) => s.articles.map((a) => a.id).sort())).toEqual([['measles-1', 'measles-2']]);
    expect(d.stories[0]!.articles[0]!.id).toBe('measles-1');
  });
});

describe('digest header and quotes', () => {
  it('says how many stories were left out and how to see them all', async () => {
    const d = await buildDigest(store, { topic: 'chemical plant fire', ...window, maxStories: 1 });
    expect(d.storiesFound).toBe(2);
    const n = d.storiesFound!;
    expect(renderText(digestDoc(d))).toContain(`Last 3d · 1 of ${n} stories; /digest chemical plant fire max:${n} for all`);
    const cli = renderText(digestDoc(d, (topic, max) => `newsbot digest "${topic}" --max ${max}`));
    expect(cli).toContain(`1 of ${n} stories; newsbot digest "chemical plant fire" --max ${n} for all`);
    const all = await buildDigest(store, { topic: 'chemical plant fire', ...window, maxStories: n });
    expect(renderText(digestDoc(all))).toContain(`Last 3d · ${n} stories from`);
  });

  it('shows quotes without the comma that led into the attribution, keeping end marks', () => {
    expect(shownQuote('We are close, but we are not there yet,')).toBe('We are close, but we are not there yet');
    expect(shownQuote('Is this the end?')).toBe('Is this the end?');
    expect(shownQuote('It held.')).toBe('It held.');
    expect(shownQuote('the first step; ')).toBe('the first step');
  });
});
