import { describe, expect, it } from 'vitest';
import { clusterArticles, entitiesOf } from '../../src/nlp/cluster.ts';
import { DRILL, FERRY, FIRE } from '../digest/fixtures.ts';

const ids = (clusters: { id: string }[][]) => clusters.map((c) => c.map((a) => a.id).sort()).sort();

describe('same-event clustering', () => {
  it('groups one event reported by three outlets into one story', () => {
    expect(ids(clusterArticles([...FIRE, FERRY]))).toEqual([['ferry-1'], ['fire-1', 'fire-2', 'fire-3']]);
  });

  it('keeps two different events apart even when they share words', () => {
    expect(ids(clusterArticles([...FIRE, DRILL]))).toEqual([['drill-1'], ['fire-1', 'fire-2', 'fire-3']]);
  });

  it('collapses a near-duplicate republished by another outlet', () => {
    const copy = { ...FERRY, id: 'ferry-copy', title: FERRY.title + ' ', publishedAt: new Date(FERRY.publishedAt.getTime() + 3600_000) };
    expect(ids(clusterArticles([FERRY, copy, DRILL]))).toEqual([['drill-1'], ['ferry-1', 'ferry-copy'].sort()]);
  });

  it('does not join reports of similar events far apart in time', () => {
    const later = { ...FIRE[1]!, id: 'fire-later', publishedAt: new Date(FIRE[0]!.publishedAt.getTime() + 10 * 24 * 3600_000) };
    expect(ids(clusterArticles([FIRE[0]!, later], { maxHoursApart: 48, duplicate: 2 }))).toEqual([['fire-1'], ['fire-later']]);
  });

  it('handles empty input and a single article', () => {
    expect(clusterArticles([])).toEqual([]);
    expect(clusterArticles([FERRY])).toEqual([[FERRY]]);
  });

  it('finds names and numbers as entities but not sentence-initial function words', () => {
    const e = entitiesOf('The fire at Brannock Chemicals in Lorrick forced 40 workers out. Odile Farrant spoke.');
    expect(e).toEqual(new Set(['brannock chemicals', 'lorrick', '40', 'odile farrant']));
  });
});
