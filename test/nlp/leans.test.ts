import { describe, expect, it } from 'vitest';
import { leaning } from '../../src/nlp/leans.ts';
import { summarise } from '../../src/nlp/summarise.ts';

const ARTICLE = [
  'The Ostrava Valley water board raised its drought alert to the highest level on Monday, banning garden hoses in 40 towns.',
  'Chief engineer Halvard Moerk said the reservoirs were at 31 per cent, the lowest level since records began.',
  'Asked whether the ban could last into the autumn, the engineer paused.',
  '“If the rain does not come, yes,” he said.',
  'But farmers will still be allowed to irrigate at night.',
  'Moerk said tankers would supply two villages whose wells had run dry.',
  'The board said it would review the alert every Friday.',
  'Residents of the valley have been asked to report leaks.',
  '“Every drop counts,” Moerk said.',
];

describe('sentences that lean on the one before', () => {
  it('finds connectives, pronoun speakers, borrowed subjects and bare surnames', () => {
    const l = leaning(ARTICLE);
    expect(l[0]).toBeNull();
    expect(l[1]).toBeNull();
    expect(l[2]).toEqual([1, 0]);
    expect(l[3]).toEqual([2, 1]);
    expect(l[4]).toEqual([3, 2]);
    expect(l[5]).toEqual([1]);
    expect(l[6]).toBeNull();
    expect(l[7]).toBeNull();
    expect(l[8]).toEqual([1, 5]);
  });

  it('does not count a sentence opener that is an ordinary name as leaning', () => {
    expect(leaning(['A storm hit Varnby on Sunday.', 'Varnby council said roads were closed.'])[1]).toBeNull();
  });

  it('never summarises with a sentence whose context was left out', () => {
    for (const max of [1, 2, 3, 4]) {
      const s = summarise(ARTICLE.join(' '), { maxSentences: max });
      const at = s.map((x) => ARTICLE.indexOf(x));
      const l = leaning(ARTICLE);
      for (const i of at) {
        const ctx = l[i];
        if (ctx) expect(ctx.some((k) => at.includes(k))).toBe(true);
      }
    }
  });
});
