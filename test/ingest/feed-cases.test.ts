import { describe, expect, it } from 'vitest';
import { at, loadCases, readCase } from './feed-cases.ts';

describe('feed reading cases (test/fixtures/feeds/cases)', () => {
  const cases = loadCases();
  it('has a fixture for each case, each with expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) expect(c.expectations.length, c.name).toBeGreaterThan(0);
  });
  for (const c of cases) {
    it(`reads ${c.name} as its expectations say`, () => {
      const line = readCase(c);
      expect(line.error, c.name).toBeUndefined();
      for (const e of c.expectations) expect(at(line, e.path), `${c.name}: ${e.path}`).toEqual(e.expected);
    });
  }
});
