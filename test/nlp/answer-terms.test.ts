import { describe, expect, it } from 'vitest';
import { classifyQuestion, coverage, questionTerms } from '../../src/nlp/answer-match.ts';
import { alternatives, editDistance, repairWord } from '../../src/nlp/answer-terms.ts';
import { contentStems, stem, words } from '../../src/nlp/stem.ts';

const docOf = (t: string) => new Set(contentStems(t));
// Fictional sources: a ferry fare story and a library story.
const FARES = 'Ferry fares between Ostvik and Lamholm will go up to 6 crowns in May, the harbour board said.';
const LIBRARY = 'The Ostvik library will open on Sundays from June, the council said.';
const docs = [docOf(FARES), docOf(LIBRARY)];
const vocab = words(`${FARES} ${LIBRARY}`);

describe('question term expansion', () => {
  it('lets a question about cost find a sentence about fares, and a question about price too', () => {
    for (const q of ['What will the ferry cost?', 'What is the price of the ferry?']) {
      expect(coverage(questionTerms(q, docs, vocab), docOf(FARES))).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('keeps an unrelated question unanswered even with a synonym in it', () => {
    const terms = questionTerms('What is the price of bread in Paris?', docs, vocab);
    expect(coverage(terms, docOf(FARES))).toBeLessThan(0.5);
    expect(coverage(terms, docOf(LIBRARY))).toBeLessThan(0.5);
  });

  it('synonym groups work in both directions and leave other words alone', () => {
    expect(alternatives(stem('price'))).toContain(stem('cost'));
    expect(alternatives(stem('cost'))).toContain(stem('price'));
    expect(alternatives(stem('harbour'))).toEqual([stem('harbour')]);
  });

  it('repairs a misspelt long word to the source word one edit away', () => {
    const terms = questionTerms('When does the libary open on Sundays?', docs, vocab);
    expect(coverage(terms, docOf(LIBRARY))).toBeGreaterThanOrEqual(0.5);
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
