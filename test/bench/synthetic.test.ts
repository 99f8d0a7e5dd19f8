import { describe, expect, it } from 'vitest';
import { generateArticles, syntheticArticle, SYNTHETIC_END } from '../../bench/synthetic.ts';

describe('generateArticles', () => {
  it('yields the same articles for the same seed, byte for byte', () => {
    const a = [...generateArticles(50, 7)];
    const b = [...generateArticles(50, 7)];
    expect(b).toEqual(a);
  });

  it('yields different text for a different seed', () => {
    const a = [...generateArticles(5, 1)].map((x) => x.text);
    const b = [...generateArticles(5, 2)].map((x) => x.text);
    expect(b).not.toEqual(a);
  });

  it('makes a smaller corpus a prefix of a larger one', () => {
    const small = [...generateArticles(20)];
    const large = [...generateArticles(200)];
    expect(large.slice(0, 20)).toEqual(small);
    expect(syntheticArticle(150)).toEqual(large[150]);
  });

  it('gives unique ids, urls, guids and content hashes', () => {
    const all = [...generateArticles(2000)];
    for (const key of ['id', 'url', 'guid', 'contentHash'] as const) {
      expect(new Set(all.map((a) => a[key])).size).toBe(all.length);
    }
  });

  it('writes articles of 3-6 KB in paragraphs separated by blank lines', () => {
    for (const a of generateArticles(300)) {
      expect(a.text.length).toBeGreaterThanOrEqual(2900);
      expect(a.text.length).toBeLessThanOrEqual(6500);
      expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
      expect(a.text).not.toMatch(/\n{3,}/);
      expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('spreads publishedAt over the requested span before the start date', () => {
    const start = new Date('2026-01-10T00:00:00Z');
    const dates = [...generateArticles(1000, 1, { start, spanDays: 10 })].map((a) => a.publishedAt.getTime());
    const min = Math.min(...dates);
    const max = Math.max(...dates);
    expect(max).toBeLessThanOrEqual(start.getTime());
    expect(min).toBeGreaterThanOrEqual(start.getTime() - 10 * 86_400_000);
    expect(max - min).toBeGreaterThan(9 * 86_400_000);
  });

  it('defaults to 30 days before a fixed end date', () => {
    for (const a of generateArticles(200)) {
      expect(a.publishedAt.getTime()).toBeLessThanOrEqual(SYNTHETIC_END.getTime());
      expect(a.publishedAt.getTime()).toBeGreaterThanOrEqual(SYNTHETIC_END.getTime() - 30 * 86_400_000);
    }
  });

  it('covers several topics, Ukraine among them, and quotes people with cue verbs', () => {
    const all = [...generateArticles(700)];
    const ukraine = all.filter((a) => /\b(Ukrain\w*|Kyiv)\b/.test(a.text));
    expect(ukraine.length).toBeGreaterThan(50);
    expect(all.filter((a) => /\binflation\b/.test(a.text)).length).toBeGreaterThan(50);
    expect(all.filter((a) => /\btelescope\b/.test(a.text)).length).toBeGreaterThan(20);
    const quoted = all.filter((a) => /“[^”]+,” said [A-Z]/.test(a.text));
    expect(quoted.length).toBeGreaterThan(all.length / 2);
    expect(all.some((a) => /,” (she|he) said\./.test(a.text))).toBe(true);
  });

  it('dates articles in index order, give or take a few hours, when asked for chronological order', () => {
    const start = new Date('2026-11-28T00:00:00Z');
    const all = [...generateArticles(3000, 1, { start, order: 'chronological' })].map((a) => a.publishedAt.getTime());
    const span = 30 * 86_400_000;
    all.forEach((t, i) => {
      const expected = start.getTime() - span + ((i + 0.5) / all.length) * span;
      expect(Math.abs(t - expected)).toBeLessThanOrEqual(3 * 3600 * 1000 + 1);
    });
    expect(Math.max(...all)).toBeLessThanOrEqual(start.getTime());
  });

  it('rejects a negative or fractional count', () => {
    expect(() => generateArticles(-1).next()).toThrow(RangeError);
    expect(() => generateArticles(1.5).next()).toThrow(RangeError);
  });
});
