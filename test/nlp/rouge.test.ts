import { describe, expect, it } from 'vitest';
import { rouge, rougeLsum, rougeN } from '../../src/nlp/rouge.ts';
import { stemTokens } from '../../src/nlp/stem.ts';

describe('ROUGE scoring', () => {
  it('tokenises lowercased on non-alphanumerics and stems only tokens longer than 3 characters', () => {
    expect(stemTokens('The Cats were RUNNING; dogs ran!')).toEqual(['the', 'cat', 'were', 'run', 'dog', 'ran']);
  });

  it('scores ROUGE-1 as clipped unigram overlap (hand-computed)', () => {
    // cand: the cat sat on the mat (6) ; ref: the cat is on the mat (6) ; overlap the×2 cat on mat = 5
    const r = rougeN(['the', 'cat', 'sat', 'on', 'the', 'mat'], ['the', 'cat', 'is', 'on', 'the', 'mat'], 1);
    expect(r.precision).toBeCloseTo(5 / 6);
    expect(r.recall).toBeCloseTo(5 / 6);
    expect(r.f1).toBeCloseTo(5 / 6);
  });

  it('scores ROUGE-2 over bigrams (hand-computed)', () => {
    // cand bigrams: the-cat cat-sat sat-on on-the the-mat ; ref: the-cat cat-is is-on on-the the-mat -> 3 of 5
    const r = rougeN(['the', 'cat', 'sat', 'on', 'the', 'mat'], ['the', 'cat', 'is', 'on', 'the', 'mat'], 2);
    expect(r.f1).toBeCloseTo(3 / 5);
  });

  it('scores summary-level LCS as the union over candidate sentences (hand-computed)', () => {
    // ref sentence: a b c d e ; candidates: [a b x] [c d y] -> union LCS = a b c d = 4
    // recall 4/5, precision 4/6
    const r = rougeLsum([['a', 'b', 'x'], ['c', 'd', 'y']], [['a', 'b', 'c', 'd', 'e']]);
    expect(r.recall).toBeCloseTo(4 / 5);
    expect(r.precision).toBeCloseTo(4 / 6);
    expect(r.f1).toBeCloseTo((2 * (4 / 5) * (4 / 6)) / (4 / 5 + 4 / 6));
  });

  it('counts a token at most as often as it occurs on both sides in Lsum', () => {
    // ref: [a] [a] ; cand: [a] -> each ref sentence's LCS is the one "a", but the candidate has
    // only one to give: 1 hit, recall 1/2, precision 1
    const r = rougeLsum([['a']], [['a'], ['a']]);
    expect(r.recall).toBeCloseTo(1 / 2);
    expect(r.precision).toBeCloseTo(1);
  });

  it('gives identical summaries a perfect score and empty ones zero', () => {
    const same = rouge(['Ferries run late.'], ['Ferries run late.']);
    expect([same.rouge1.f1, same.rouge2.f1, same.rougeLsum.f1]).toEqual([1, 1, 1]);
    const none = rouge([], ['Ferries run late.']);
    expect([none.rouge1.f1, none.rouge2.f1, none.rougeLsum.f1]).toEqual([0, 0, 0]);
  });
});
