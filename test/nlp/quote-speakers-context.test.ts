// Speakers that depend on the rest of the article: datelines, places, appositions after a
// possessive, quote-only paragraphs after an indirect report, and descriptions ("the senator")
// resolved to the person the article is about. Every text here is fictional.
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/domain/types.ts';
import { extractQuotes } from '../../src/nlp/quotes.ts';

const speakerOf = (text: string, words: string): string | null => {
  const q = extractQuotes(text).find((x: Quote) => x.text.includes(words));
  if (!q) throw new Error(`no quote containing "${words}"`);
  return q.speaker;
};

describe('words that open a paragraph or name a place', () => {
  it('never takes a dateline for a speaker', () => {
    const text = 'Ferry talks stall\n\nPORT ELLEN, Valdoria, Dec. 8 (Wire) — Transport minister Ines Varo on Tuesday rejected the offer, saying: “We will not sign a blank cheque.”';
    expect(speakerOf(text, 'blank cheque')).toBe('Ines Varo');
  });

  it('never takes a country or a party word for a speaker', () => {
    const text = 'Vote looms\n\nCanada and the Republicans watched closely. “This is a test for all of us,” Mara Velde said after the session in Ottawa.';
    expect(speakerOf(text, 'test for all')).toBe('Mara Velde');
  });

  it('does not fuse a sentence-opening word with the name after it', () => {
    const text = 'Harbour plan\n\nGiven Okafor’s record, the board listened. “We cannot wait another winter,” Okafor said. Pavel Okafor runs the port.';
    expect(speakerOf(text, 'another winter')).toBe('Pavel Okafor');
  });
});

describe('people described rather than named', () => {
  it('gives the quote to the person named in the apposition, not to the possessive owner', () => {
    const text = 'Mayor sued\n\nMayor Tom Roe was sued on Monday.\n\nRoe’s attorney, Lena Fisk, said the claim was “without any merit.”';
    expect(speakerOf(text, 'without any merit')).toBe('Lena Fisk');
  });

  it('resolves “the senator” to the senator named as “Sen.”, not to the last name seen', () => {
    const text = 'Budget fight\n\nSen. Ana Ruiz met reporters after talking to Tom Berg of Harbour Radio.\n\n“We will not cut the ferry fund,” the senator said.';
    expect(speakerOf(text, 'ferry fund')).toBe('Ana Ruiz');
  });

  it('resolves a description to the subject of the sentence before', () => {
    const text = 'Poll shift\n\nKarl Ostrander told host Mia Lund that the result was close.\n\nThe former pollster said: “Nobody should call this race yet.”';
    expect(speakerOf(text, 'call this race')).toBe('Karl Ostrander');
  });

  it('keeps an unnamed description as the speaker when nobody is named for it', () => {
    const text = 'Sanders fans react\n\n“We were robbed,” wrote one supporter online.\n\n“Next time we organise earlier,” another supporter wrote.';
    expect(speakerOf(text, 'organise earlier')).toBe('another supporter');
  });
});

describe('quote-only paragraphs', () => {
  it('gives a quote-only paragraph after an indirect report to the person reported', () => {
    const text = 'Minister visits the port\n\nDefence minister Ola Brekke said the navy would stay in the region.\n\n“That is because this coast matters to all of us.”';
    expect(speakerOf(text, 'this coast matters')).toBe('Ola Brekke');
  });

  it('carries the speaker across paragraphs separated by one or by several line breaks alike', () => {
    for (const sep of ['\n', '\n\n', '\n \n\n']) {
      const text = `Dockers vote${sep}“The offer is an insult,” said Hanna Kessler, the union’s general secretary.${sep}“We will be back on the quay when the numbers change.”`;
      expect(speakerOf(text, 'back on the quay')).toBe('Hanna Kessler');
    }
  });
});
