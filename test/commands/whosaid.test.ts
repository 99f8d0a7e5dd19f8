// /whosaid through the router over a real SQLite store with extracted quotes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, seed, shown, type CommandFixture } from './setup.ts';

let f: CommandFixture;
beforeEach(async () => {
  f = await openFixture();
  await seed(f.store);
});
afterEach(() => f.close());

describe('/whosaid', () => {
  it("shows a person's quotes verbatim with outlet, date and link", async () => {
    const text = shown(await f.run('/whosaid kovalenko'));
    expect(text).toContain('# Quotes by Mira Kovalenko');
    expect(text).toContain('“We will not accept a dead end on wages,” — Mira Kovalenko (The Harbour Courier, 2031-05-20: Harbour strike in Port Velmar enters its third day <https://news.example/strike-today>)');
  });

  it('finds who said a "phrase"', async () => {
    for (const line of ['/whosaid "dead end"', '/whosaid “dead end”']) {
      const text = shown(await f.run(line));
      expect(text, line).toContain('# Who said “dead end”');
      expect(text, line).toContain('— Mira Kovalenko (The Harbour Courier, 2031-05-20');
    }
    expect(shown(await f.run('/whosaid "the numbers do not"'))).toContain('— Lena Kessler (Brennholm Post, 2031-05-15');
  });

  it('lists the candidates when a surname belongs to people with different first names', async () => {
    const r = await f.run('/whosaid kessler');
    expect(r.kind).toBe('doc');
    const text = shown(r);
    expect(text).toContain('# Which “kessler”?');
    expect(text).toContain('Ask again with the full name');
    expect(text).toContain('*Lena Kessler*');
    expect(text).toContain('*Tomas Kessler*');
    expect(text).not.toContain('“The offer was theatre,”');
    expect(shown(await f.run('/whosaid Tomas Kessler'))).toContain('“The offer was theatre,” — Tomas Kessler (Coastline Daily');
  });

  it('says plainly when nobody by that name was quoted', async () => {
    const text = shown(await f.run('/whosaid Oskar Pell'));
    expect(text).toContain('# No quotes found');
  });
});
