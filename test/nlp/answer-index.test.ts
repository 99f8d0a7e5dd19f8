import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/types.ts';
import { analyseQuestion } from '../../src/nlp/answer-question.ts';
import { entryOf, passagesOf, prefilter, PREFILTER_KEEP } from '../../src/nlp/answer-index.ts';
import { rankPassages } from '../../src/nlp/answer-rank.ts';

// Fictional sources: many short reports from the town of Brisa, one of which is about its lighthouse.
function art(id: string, title: string, text: string): Article {
  const at = new Date('2031-06-01T10:00:00Z');
  return { id, url: `https://brisa.example/${id}`, guid: null, sourceId: null, outlet: 'Brisa Courier', title, byline: null, publishedAt: at, fetchedAt: at, text, contentHash: createHash('sha256').update(title + text).digest('hex') };
}

const FILLER = Array.from({ length: 45 }, (_, i) =>
  art(`f${i}`, `Brisa council notes ${i}`, `The Brisa council met on Tuesday to discuss item ${i} of its agenda. Members said the budget for parks would be reviewed in the autumn.`),
);
const LIGHTHOUSE = art('light', 'Brisa lighthouse keeper retires', 'The keeper of the Brisa lighthouse, Oda Varn, retired on Friday after 31 years. Her lamp will be run by a timer from next month.');

describe('candidate prefilter', () => {
  it('keeps the articles that hold the question words and drops the rest of a large digest', () => {
    const articles = [...FILLER.slice(0, 20), LIGHTHOUSE, ...FILLER.slice(20)];
    const kept = prefilter(analyseQuestion('How long did the lighthouse keeper work there?'), articles);
    expect(kept).toHaveLength(PREFILTER_KEEP);
    expect(kept.map((a) => a.id)).toContain('light');
    // Original order is kept among those kept.
    expect(kept.map((a) => articles.indexOf(a))).toEqual([...kept.map((a) => articles.indexOf(a))].sort((x, y) => x - y));
  });

  it('leaves a small set of candidates untouched', () => {
    const few = [FILLER[0]!, LIGHTHOUSE];
    expect(prefilter(analyseQuestion('Who retired?'), few)).toEqual(few);
  });

  it('ranks the answer passage from the kept articles', () => {
    const q = analyseQuestion('After how many years did the lighthouse keeper retire?');
    const top = rankPassages(q, passagesOf(prefilter(q, [...FILLER, LIGHTHOUSE])))[0];
    expect(top?.text).toContain('31 years');
  });
});

describe('per-article cache', () => {
  it('reads an edited article afresh and points cached passages at the object asked about', () => {
    const first = entryOf(LIGHTHOUSE).passages;
    const copy = { ...LIGHTHOUSE };
    expect(entryOf(copy).passages[0]!.article).toBe(copy);
    const edited = art('light', LIGHTHOUSE.title, 'The keeper of the Brisa lighthouse, Oda Varn, will retire in December.');
    expect(entryOf(edited).passages.map((p) => p.text)).toEqual(['The keeper of the Brisa lighthouse, Oda Varn, will retire in December.']);
    expect(first[0]!.text).toContain('31 years');
  });
});
