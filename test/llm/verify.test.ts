import { describe, expect, it } from 'vitest';
import { namesIn, numbersIn, quotedSpans, verifyAgainstSource } from '../../src/llm/verify.ts';

const SOURCE = `Harbour councillor Mara Lindqvist said the ferry fare would rise to 4.50 crowns on 1 May.
“We have no other way to keep the boats running,” Lindqvist told the Eastmere Gazette. About 1,200 people use the route daily.`;

describe('verification of model output against the source', () => {
  it('accepts a summary whose quote, names and numbers all come from the article', () => {
    const out = 'Mara Lindqvist said fares rise to 4.50 crowns, saying "We have no other way to keep the boats running". About 1200 people ride daily.';
    expect(verifyAgainstSource(out, SOURCE)).toEqual({ ok: true, problems: [] });
  });

  it('rejects an invented quote', () => {
    const v = verifyAgainstSource('Lindqvist said “the ferry is doomed”.', SOURCE);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatch(/quote not in source/);
  });

  it('rejects a number the article does not contain', () => {
    const v = verifyAgainstSource('About 1,500 people use the route.', SOURCE);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual(['number not in source: 1,500']);
  });

  it('rejects a name the article does not contain', () => {
    const v = verifyAgainstSource('Mayor Tomas Brenner backed the rise.', SOURCE);
    expect(v.problems).toEqual(['name not in source: Mayor Tomas Brenner']);
  });

  it('finds quoted spans, names and numbers in text', () => {
    expect(quotedSpans('He said “yes we can” and ‘maybe’ but it’s fine')).toEqual(['yes we can', 'maybe']);
    expect(namesIn('The Eastmere Gazette reported that Mara Lindqvist spoke.')).toEqual(['Eastmere Gazette', 'Mara Lindqvist']);
    expect(numbersIn('Fares rose 12% to 4.50, from 1,200.')).toEqual(['12', '4.50', '1,200']);
  });
});
