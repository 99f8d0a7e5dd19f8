import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../src/nlp/boilerplate.ts';
import { storySentences, summarise } from '../../src/nlp/summarise.ts';

const STORY = [
  'By . Petra Voss for the Northgate Ledger .',
  'PUBLISHED: . 08:12 EST, 3 March 2031 . | . UPDATED: . 11:40 EST, 3 March 2031 .',
  'Saltmarsh (Northgate Ledger) -- The Saltmarsh tidal barrier failed during Sunday night’s storm, flooding 300 homes in the lower town, the regional water board said.',
  'Engineers had warned in January that the barrier’s gates were corroded and needed replacing.',
  '“We told them twice. Nobody listened. Now families are sleeping in the school gym,” said Ilse Marren, who chairs the residents’ association.',
  'Scroll down for video.',
  'The water board said repairs to the tidal barrier would take at least six weeks and cost about 12 million.',
  'Read more: Saltmarsh council’s flood plan explained at northgateledger.example',
  'It was the worst flooding in Saltmarsh since 1987.',
  'Photo: Kasimir Holt/Northgate Ledger',
  'Copyright 2031 Northgate Ledger. All rights reserved.',
].join('\n\n');

describe('extractive summariser', () => {
  it('drops bylines, publication stamps, share prompts, photo credits and copyright lines', () => {
    const kept = storySentences(STORY).join('\n');
    for (const junk of ['Petra Voss', 'PUBLISHED', 'Scroll down', 'Read more', 'Kasimir Holt', 'Copyright']) {
      expect(kept).not.toContain(junk);
    }
    expect(kept).toContain('tidal barrier failed');
  });

  it('strips an agency dateline from the first sentence', () => {
    expect(storySentences('LONDON (Reuters) - Fares rose on Monday, the operator said.')).toEqual(['Fares rose on Monday, the operator said.']);
  });

  it('summarises into at most three whole sentences of the story, in article order', () => {
    const s = summarise(STORY, { title: 'Saltmarsh tidal barrier fails, flooding 300 homes' });
    expect(s.length).toBeGreaterThanOrEqual(2);
    expect(s.length).toBeLessThanOrEqual(3);
    expect(s[0]).toMatch(/^The Saltmarsh tidal barrier failed/);
    const order = s.map((x) => STORY.indexOf(x));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i >= 0)).toBe(true);
  });

  it('never cuts a quotation: a multi-sentence quote is kept whole or left out', () => {
    const text = [
      'The Kellby mill will close in June, its owner Arvid Strand said on Friday, ending 140 years of paper making in the valley.',
      '“This is not what we wanted. The market for paper has gone. We kept the mill open as long as we could,” Strand said of the mill.',
      'About 220 workers at the Kellby mill will lose their jobs when the mill closes.',
      'The union said it would ask the valley council to help the Kellby mill workers.',
    ].join(' ');
    const s = summarise(text, { maxSentences: 3 }).join(' ');
    const open = (s.match(/“/g) ?? []).length;
    expect((s.match(/”/g) ?? []).length).toBe(open);
    if (open > 0) expect(s).toContain('“This is not what we wanted. The market for paper has gone. We kept the mill open as long as we could,”');
  });

  it('respects maxSentences and is deterministic', () => {
    expect(summarise(STORY, { maxSentences: 1 })).toHaveLength(1);
    expect(summarise(STORY)).toEqual(summarise(STORY));
  });

  it('returns nothing for empty or non-text input instead of throwing', () => {
    expect(summarise('')).toEqual([]);
    expect(summarise('   \n\n ')).toEqual([]);
    expect(summarise(undefined as unknown as string)).toEqual([]);
  });

  it('keeps ordinary story sentences that merely start like boilerplate', () => {
    expect(isBoilerplate('By Monday evening the talks had collapsed and both sides had gone home.')).toBe(false);
    expect(isBoilerplate('The minister told Reuters the deal was off.')).toBe(false);
    expect(isBoilerplate('By Jonas Feld, Political Editor')).toBe(true);
    expect(isBoilerplate('Sorry we are not currently accepting comments on this article.')).toBe(true);
    expect(isBoilerplate('Oskar Brandt contributed to this report.')).toBe(true);
  });
});
