import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { digestDoc } from '../../src/render/digest-doc.ts';
import { renderText } from '../../src/render/text.ts';
import type { Store } from '../../src/store/ports.ts';
import { DRILL, FERRY, FIRE, FIRE_UPDATE, NOW } from './fixtures.ts';
import { seed } from './seed.ts';

let store: Store;
const since = new Date(NOW.getTime() - 24 * 3600_000);
const window = { since, until: NOW };

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await seed(store, [...FIRE, DRILL, FERRY]);
});
afterEach(async () => {
  await store.close();
});

describe('digest engine', () => {
  it('makes one story from three outlets reporting the same event, with its quote and sources', async () => {
    const d = await buildDigest(store, { topic: 'Lorrick', ...window });
    expect(d.stories).toHaveLength(1);
    const s = d.stories[0]!;
    expect(s.articles.map((a) => a.outlet).sort()).toEqual(['Harbour Courier', 'Northgate Ledger', 'Valley Post']);
    expect(s.headline).toMatch(/Lorrick|Brannock/);
    // The heading links to the article it was taken from.
    const lead = await store.articles.get(s.articles[0]!.id);
    expect(lead!.title.trim()).toBe(s.headline);
    expect(s.summary.length).toBeGreaterThan(20);
    expect(s.quotes.map((q) => [q.speaker, q.text])).toEqual([['Odile Farrant', 'The tanks held, and that is why nobody was hurt,']]);
    expect(d.articleCount).toBe(3);
    expect(d.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps two different events that share words as two stories, best covered first', async () => {
    const d = await buildDigest(store, { topic: 'chemical plant fire', ...window });
    expect(d.stories.map((s) => s.articles.length)).toEqual([3, 1]);
    expect(d.stories[1]!.articles[0]!.id).toBe('drill-1');
  });

  it('finds articles through topic synonyms and word stems', async () => {
    const kyiv = { ...FERRY, id: 'kyiv-1', url: 'https://valley-post.example/kyiv-1', title: 'Kyiv opens new river port', text: 'The city of Kyiv opened a river port on the Dnipro on Monday.', contentHash: 'k1' };
    await store.articles.save(kyiv);
    expect((await buildDigest(store, { topic: 'ukraine', ...window })).stories[0]?.articles[0]?.id).toBe('kyiv-1');
    expect((await buildDigest(store, { topic: 'evacuate', ...window })).stories[0]?.articles.length).toBeGreaterThan(0);
  });

  it('leaves out articles that only brush the topic', async () => {
    const strike = {
      ...FERRY, id: 'strike-1', url: 'https://valley-post.example/strike-1', contentHash: 's1',
      title: 'Dockworkers at Brannock port strike over new cranes',
      text: 'Dockworkers at Brannock port began a two-day strike on Tuesday. The port strike left ships at anchor. Union leaders said the strike would go on until the port authority talks.',
    };
    const football = {
      ...FERRY, id: 'football-1', url: 'https://valley-post.example/football-1', contentHash: 'f1',
      title: 'Lorrick Rovers win the county cup',
      text: 'Lorrick Rovers won the county cup on Monday. Their striker scored twice in the second half, and the crowd stayed long after the final whistle to sing. The coach praised the defence, the goalkeeper and the fans who travelled from the coast.',
    };
    await store.articles.save(strike);
    await store.articles.save(football);
    const d = await buildDigest(store, { topic: 'port strike', ...window });
    const ids = d.stories.flatMap((s) => s.articles.map((a) => a.id));
    expect(ids).toContain('strike-1');
    expect(ids).not.toContain('football-1');
  });

  it('limits the number of stories', async () => {
    const d = await buildDigest(store, { topic: 'chemical plant', ...window, maxStories: 1 });
    expect(d.stories).toHaveLength(1);
  });

  it('marks what changed since the previous digest and leaves out what was already posted', async () => {
    const first = await buildDigest(store, { topic: 'chemical plant', ...window });
    await store.articles.save(FIRE_UPDATE);
    const later = { since: new Date(NOW.getTime() - 20 * 3600_000), until: new Date(NOW.getTime() + 3600_000) };
    const d = await buildDigest(store, { topic: 'chemical plant', ...later, previous: first });
    expect(d.stories).toHaveLength(1);
    expect(d.stories[0]!.change).toBe('update');
    expect(d.stories[0]!.articles.map((a) => a.id)).toEqual(['fire-4']);
    expect(d.stories[0]!.key).toBe(first.stories.find((s) => s.articles.length === 3)!.key);

    const again = await buildDigest(store, { topic: 'chemical plant', ...later, previous: d });
    expect(again.stories.filter((s) => s.articles.some((a) => a.id === 'fire-4'))).toEqual([]);
  });

  it('marks a story the previous digest did not have as new', async () => {
    const first = await buildDigest(store, { topic: 'ferry', ...window });
    const d = await buildDigest(store, { topic: 'ferry chemical', ...window, previous: first });
    expect(d.stories.every((s) => s.change === 'new')).toBe(true);
    expect(d.stories.flatMap((s) => s.articles.map((a) => a.id))).not.toContain('ferry-1');
  });

  it('renders the window and counts, and a friendly line when nothing matches', async () => {
    const text = renderText(digestDoc(await buildDigest(store, { topic: 'Lorrick', ...window })));
    expect(text).toContain('Last 24h · 1 story from 3 matching articles across 3 outlets');
    expect(text).toContain("“The tanks held, and that is why nobody was hurt” — Odile Farrant");
    const empty = renderText(digestDoc(await buildDigest(store, { topic: 'volcano', ...window })));
    expect(empty).toContain('No stories about volcano in the last 24h.');
  });

  it('treats a topic with nothing searchable as no stories', async () => {
    const d = await buildDigest(store, { topic: '!!! ???', ...window });
    expect(d.stories).toEqual([]);
  });
});
