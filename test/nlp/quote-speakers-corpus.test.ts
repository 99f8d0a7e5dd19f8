// Over every sample article and quote fixture: each speaker the engine names is a person,
// organisation or description written in the article, never a credit, date, work title or place.
// Bad input always gives a result.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quotesOfText } from '../../src/cli/quotes.ts';
import { extractQuotes } from '../../src/nlp/quotes.ts';

const dirs = [new URL('../../examples/articles/', import.meta.url), new URL('../fixtures/quotes/', import.meta.url)];
const articles = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(new URL(f, d), 'utf8') })));

const DATES = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|christmas|easter|day|eve)$/i;
const PLACES = /\b(shore|coast|valley|river|street|avenue|square|island|bay)$/i;

describe('speakers in the sample articles', () => {
  it('has articles to check', () => {
    expect(articles.length).toBeGreaterThan(10);
  });

  for (const a of articles) {
    it(`${a.name}: every speaker is written in the article and is no credit, date or place`, () => {
      const speakers = quotesOfText(a.text).map((q) => q.speaker).filter((s): s is string => s !== null);
      for (const s of speakers) {
        const words = s.replace(/^(the|a|an|one)\s+/i, '').split(/\s+/);
        for (const w of words) expect(a.text, `${s} in ${a.name}`).toContain(w);
        expect(s).not.toMatch(DATES);
        expect(s).not.toMatch(PLACES);
        expect(s).not.toMatch(/[©/]|^(photo|credit|image)\b/i);
      }
    });
  }
});

describe('bad input', () => {
  it('gives no quotes for empty text or text without quotation marks', () => {
    expect(extractQuotes('')).toEqual([]);
    expect(extractQuotes('A headline\n\nThe council met and agreed nothing.')).toEqual([]);
  });

  it('survives unbalanced marks', () => {
    const qs = extractQuotes('Port talks\n\n“We will see, said Ana Ruiz.\n\nShe left. ” Then “another one,” said Rui Sato.');
    for (const q of qs) expect(q.start).toBeLessThan(q.end);
  });

  it('handles one paragraph of a megabyte', () => {
    const para = 'The board met again and “nothing changed,” said Ana Ruiz. '.repeat(18_000);
    expect(para.length).toBeGreaterThan(1_000_000);
    const qs = extractQuotes(`Long\n\n${para}`);
    expect(qs.length).toBe(18_000);
    expect(qs[17_999]!.speaker).toBe('Ana Ruiz');
  });

  it('reads names in any script with their accents', () => {
    const text = 'Talks in Ankara\n\n“We expect progress,” said Recep Erdoğan. “The door is open,” said Jürgen Müller. “We will not give up,” said Volodymyr Zelenskyy. “Мы готовы,” сказал Олег Петренко.';
    const speakers = extractQuotes(text).map((q) => q.speaker);
    expect(speakers.slice(0, 3)).toEqual(['Recep Erdoğan', 'Jürgen Müller', 'Volodymyr Zelenskyy']);
    expect(speakers).toHaveLength(4);
  });
});
