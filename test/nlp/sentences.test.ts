import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.ts';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits plain sentences and keeps offsets into the input', () => {
    const s = 'The ferry left at noon. It reached Port Alder by three!  Was anyone hurt?';
    const out = splitSentences(s);
    expect(out.map((x) => x.text)).toEqual(['The ferry left at noon.', 'It reached Port Alder by three!', 'Was anyone hurt?']);
    for (const x of out) expect(s.slice(x.start, x.end)).toBe(x.text);
  });

  it('does not split on titles, initials, dotted acronyms or decimals', () => {
    expect(texts('Mr. Dalby met Sen. Orla Finch in the U.S. Capitol on Tuesday. Growth was 2.5 per cent.')).toEqual([
      'Mr. Dalby met Sen. Orla Finch in the U.S. Capitol on Tuesday.',
      'Growth was 2.5 per cent.',
    ]);
    expect(texts('The report by J. R. Moss was late. Nobody noticed.')).toEqual(['The report by J. R. Moss was late.', 'Nobody noticed.']);
  });

  it('keeps a multi-sentence quotation in one sentence with its cue', () => {
    expect(texts('“We will rebuild. We will not wait,” said Ines Varo. The crowd cheered.')).toEqual([
      '“We will rebuild. We will not wait,” said Ines Varo.',
      'The crowd cheered.',
    ]);
  });

  it('ends a sentence after a closing quotation mark', () => {
    expect(texts('She said: "The bridge is safe." Engineers disagreed.')).toEqual(['She said: "The bridge is safe."', 'Engineers disagreed.']);
  });

  it('always splits at paragraph breaks and survives a stray opening mark', () => {
    expect(texts('Title line\n\n“An unclosed mark. Then more text. And more.\n\nNext paragraph.')).toEqual([
      'Title line',
      '“An unclosed mark.',
      'Then more text.',
      'And more.',
      'Next paragraph.',
    ]);
  });

  it('does not split before a lowercase word', () => {
    expect(texts('Prices rose about 3 p.m. on Friday, traders said.')).toEqual(['Prices rose about 3 p.m. on Friday, traders said.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
