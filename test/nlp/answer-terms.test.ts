import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/types.ts';
import { classifyQuestion } from '../../src/nlp/answer-match.ts';
import { analyseQuestion } from '../../src/nlp/answer-question.ts';
import { passagesOf, rankPassages } from '../../src/nlp/answer-rank.ts';
import { alternatives, editDistance, repairWord } from '../../src/nlp/answer-terms.ts';
import { contentStems, stem, words } from '../../src/nlp/stem.ts';

const docOf = (t: string) => new Set(contentStems(t));
// Fictional sources: a ferry fare story and a library story.
const FARES = 'Ferry fares between Ostvik and Lamholm will go up to 6 crowns in May, the harbour board said.';
const LIBRARY = 'The Ostvik library will open on Sundays from June, the council said.';
const docs = [docOf(FARES), docOf(LIBRARY)];
const vocab = words(`${FARES} ${LIBRARY}`);

function art(id: string, text: string): Article {
  const at = new Date('2031-05-01T10:00:00Z');
  return { id, url: `https://ostvik.example/${id}`, guid: null, sourceId: null, outlet: 'Ostvik Post', title: 'Ostvik news', byline: null, publishedAt: at, fetchedAt: at, text, contentHash: createHash('sha256').update(text).digest('hex') };
}
const SOURCES = [art('fares', FARES), art('library', LIBRARY)];
/** The best passage's article and its share of the question's weight. */
function best(question: string): { id: string; score: number } | null {
  const top = rankPassages(analyseQuestion(question), passagesOf(SOURCES))[0];
  return top ? { id: top.article.id, score: top.score } : null;
}

describe('question term expansion', () => {
  it('lets a question about cost find a sentence about fares, and a question about price too', () => {
    for (const q of ['What will the ferry cost?', 'What is the price of the ferry?']) {
      expect(best(q)).toMatchObject({ id: 'fares' });
      expect(best(q)!.score).toBeGreaterThanOrEqual(0.55);
    }
  });

  it('keeps an unrelated question below the decline threshold even with a synonym in it', () => {
    expect(best('What is the price of bread in Paris?')?.score ?? 0).toBeLessThan(0.55);
  });

  it('synonym groups work in both directions and leave other words alone', () => {
    expect(alternatives(stem('price'))).toContain(stem('cost'));
    expect(alternatives(stem('cost'))).toContain(stem('price'));
    expect(alternatives(stem('harbour'))).toEqual([stem('harbour')]);
  });

  it('repairs a misspelt long word to the source word one edit away', () => {
    expect(best('When does the libary open on Sundays?')).toMatchObject({ id: 'library' });
    expect(best('When does the libary open on Sundays?')!.score).toBeGreaterThanOrEqual(0.55);
    expect(repairWord('harbor', vocab, new Set(docs.flatMap((d) => [...d])))).toBe(stem('harbour'));
  });

  it('does not repair short words, which are too often another real word', () => {
    expect(repairWord('bread', ['break', 'bready'], new Set())).toBeNull();
    expect(repairWord('paris', ['parts'], new Set())).toBeNull();
  });

  it('does not take a word with an ending added or dropped for a typo', () => {
    expect(repairWord('strike', ['striker', 'stadium'], new Set())).toBeNull();
    expect(repairWord('bankers', ['banker'], new Set())).toBeNull();
  });

  it('does not repair when two different source words are equally close', () => {
    expect(repairWord('carton', ['carbon', 'cartoon'], new Set())).toBeNull();
  });

  it('counts an adjacent transposition as one edit and stops early past the limit', () => {
    expect(editDistance('recieve', 'receive', 1)).toBe(1);
    expect(editDistance('harbour', 'harbor', 1)).toBe(1);
    expect(editDistance('library', 'council', 2)).toBe(3);
  });
});

describe('question kinds', () => {
  it('keeps the determiner of a role subject for the reply and drops it for the lookup', () => {
    expect(classifyQuestion('What did the Energy Minister say about the grid?')).toEqual({
      kind: 'person',
      person: 'Energy Minister',
      subject: 'the Energy Minister',
      about: 'the grid',
    });
    expect(classifyQuestion('what did officials say?')).toMatchObject({ kind: 'person', subject: 'officials' });
    expect(classifyQuestion('what did they say?')).toEqual({ kind: 'general' });
  });
});
