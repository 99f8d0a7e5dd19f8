import { describe, expect, it } from 'vitest';
import { baselineQuotes } from '../../../src/nlp/eval/quote-baseline.ts';
import { addDocument, emptyCounts, finish, goldUnits, matchUnits, speakerAgrees, type GoldItem, type Pred, type Unit } from '../../../src/nlp/eval/quote-score.ts';

const text = 'Title\n\n“We will win,” Ines Varo said. He called it “a farce” and “a waste.”';
const item: GoldItem = {
  id: 't1',
  text,
  quotes: [
    { quote: '“We will win,”', speaker: 'Ines Varo', type: 'direct', start: 7, end: 21 },
    { quote: 'it “a farce” and “a waste.”', speaker: 'He', type: 'mixed', start: 47, end: 74, quoted_segments: ['“a farce”', '“a waste.”'] },
  ],
};

describe('goldUnits', () => {
  it('strips marks from direct quotes and splits mixed items into their quoted segments', () => {
    expect(goldUnits(item).map((u) => [text.slice(u.start, u.end), u.kind])).toEqual([
      ['We will win,', 'direct'],
      ['a farce', 'partial'],
      ['a waste.', 'partial'],
    ]);
  });
});

describe('matchUnits', () => {
  const units: Unit[] = [{ start: 0, end: 10, kind: 'direct', speaker: null }];
  it('matches by coverage of the unit: 30 % lenient, 80 % strict', () => {
    const preds: Pred[] = [{ start: 0, end: 4, kind: 'direct', speaker: null }];
    expect(matchUnits(units, preds, 0.3)).toEqual([[0, 0]]);
    expect(matchUnits(units, preds, 0.8)).toEqual([]);
  });

  it('is one-to-one and greedy by coverage', () => {
    const preds: Pred[] = [
      { start: 0, end: 5, kind: 'direct', speaker: null },
      { start: 0, end: 10, kind: 'direct', speaker: null },
    ];
    expect(matchUnits(units, preds, 0.3)).toEqual([[0, 1]]);
  });
});

describe('speakerAgrees', () => {
  it('judges a canonical name against the mention as written, by surname', () => {
    expect(speakerAgrees('Ines Varo', 'Varo')).toBe(true);
    expect(speakerAgrees('Ines Varo', 'Harbour minister Ines Varo (Ind.), who chairs the board')).toBe(true);
    expect(speakerAgrees('Tomas Kessler', 'Ms. Varo')).toBe(false);
    expect(speakerAgrees(null, 'Varo')).toBe(false);
  });

  it('does not judge pronouns, nominals or empty gold speakers', () => {
    expect(speakerAgrees('Ines Varo', 'she')).toBeNull();
    expect(speakerAgrees('Ines Varo', 'the harbour minister')).toBeNull();
    expect(speakerAgrees('Ines Varo', "Varo's office")).toBeNull();
    expect(speakerAgrees('Ines Varo', '')).toBeNull();
  });
});

describe('scores', () => {
  it('computes precision, recall, F1, speaker accuracy and attributed F1 per kind', () => {
    const acc = { all: emptyCounts(), direct: emptyCounts(), partial: emptyCounts() };
    const units = goldUnits(item);
    const preds: Pred[] = [
      { start: 9, end: 20, kind: 'direct', speaker: 'Ines Varo' }, // right unit, right speaker
      { start: 51, end: 58, kind: 'partial', speaker: null }, // right unit, no speaker (gold "He")
      { start: 0, end: 5, kind: 'partial', speaker: 'Ines Varo' }, // not a quote
    ];
    addDocument(acc, units, preds, 0.3);
    const all = finish(acc.all);
    expect(all.precision).toBeCloseTo(2 / 3);
    expect(all.recall).toBeCloseTo(2 / 3);
    expect(all.speakerAccuracy).toBe(1);
    expect(all.judged).toBe(1);
    expect(all.attributedF1).toBeCloseTo(1 / 3);
    expect(finish(acc.direct).f1).toBe(1);
    expect(finish(acc.partial).recall).toBeCloseTo(1 / 2);
  });
});

describe('baselineQuotes', () => {
  it('takes quote marks and the name next to the nearest "said"', () => {
    const b = baselineQuotes(text);
    expect(b[0]).toMatchObject({ kind: 'direct', speaker: 'Ines Varo' });
    expect(b.map((p) => text.slice(p.start, p.end))).toEqual(['We will win,', 'a farce', 'a waste.']);
  });
});
