import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import type { Article } from '../../src/domain/types.ts';
import { extractQuotes, speakersOf } from '../../src/nlp/quotes.ts';
import { whoSaidDoc } from '../../src/render/whosaid-doc.ts';
import type { Store } from '../../src/store/ports.ts';
import { whoSaid } from '../../src/whosaid/query.ts';

// Fictional outlets and people.
const ARTICLES: [string, string, string, string][] = [
  ['a1', 'The Harbour Courier', '2031-03-01', 'Harbour minister Ines Varo said the quay would reopen “before the winter storms.”'],
  ['a2', 'Brennholm Post', '2031-03-03', '“We are not finished with this,” Varo told reporters at the ferry terminal.'],
  ['a3', 'The Harbour Courier', '2031-03-05', 'Tomas Kessler, the union’s general secretary, said the offer was “theatre” and walked out.'],
  ['a4', 'Coastal Ledger', '2031-03-06', '“The numbers do not add up,” said Lena Kessler, an auditor hired by the council.'],
];

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-whosaid-'));
  store = await openSqliteStore(join(dir, 'test.db'));
  for (const [id, outlet, day, text] of ARTICLES) {
    const publishedAt = new Date(`${day}T09:00:00Z`);
    const article: Article = {
      id, url: `https://news.example/${id}`, guid: null, sourceId: null, outlet, title: `Story ${id}`, byline: null,
      publishedAt, fetchedAt: publishedAt, text, contentHash: `hash-${id}`,
    };
    await store.articles.save(article);
    const quotes = extractQuotes(text);
    await store.quotes.replaceForArticle(id, quotes, speakersOf(quotes, text));
  }
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('whoSaid', () => {
  it('finds every quote by a person across spellings, newest first, with outlet, date and link', async () => {
    const r = await whoSaid(store, { query: 'varo' });
    expect(r.kind).toBe('speaker');
    if (r.kind !== 'speaker') return;
    expect(r.speaker.name).toBe('Ines Varo');
    expect(r.quotes.map((q) => [q.text, q.outlet, q.url])).toEqual([
      ['We are not finished with this,', 'Brennholm Post', 'https://news.example/a2'],
      ['before the winter storms.', 'The Harbour Courier', 'https://news.example/a1'],
    ]);
  });

  it('finds a person by the role they hold, with their quotes from every article, newest first', async () => {
    for (const query of ['the harbour minister', 'harbour minister']) {
      const r = await whoSaid(store, { query });
      expect(r.kind).toBe('speaker');
      if (r.kind !== 'speaker') return;
      expect(r.speaker.name).toBe('Ines Varo');
      expect(r.quotes.map((q) => q.url)).toEqual(['https://news.example/a2', 'https://news.example/a1']);
    }
  });

  it('asks which person is meant when people share a surname but not a first name', async () => {
    const r = await whoSaid(store, { query: 'Kessler' });
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.map((c) => c.name).sort()).toEqual(['Lena Kessler', 'Tomas Kessler']);
    const one = await whoSaid(store, { query: 'lena kessler' });
    expect(one.kind === 'speaker' && one.quotes[0]!.text).toBe('The numbers do not add up,');
  });

  it('answers who said a phrase given in quotation marks', async () => {
    const r = await whoSaid(store, { query: '"theatre"' });
    expect(r.kind === 'phrase' && r.quotes.map((q) => q.speaker)).toEqual(['Tomas Kessler']);
  });

  it('falls back to a phrase search when no speaker has that name', async () => {
    const r = await whoSaid(store, { query: 'do not add up' });
    expect(r.kind === 'phrase' && r.quotes[0]!.speaker).toBe('Lena Kessler');
  });

  it('restricts quotes to articles about a topic', async () => {
    const r = await whoSaid(store, { query: 'varo', topic: 'winter storms' });
    expect(r.kind === 'speaker' && r.quotes.map((q) => q.articleId)).toEqual(['a1']);
  });

  it('says so clearly when nothing matches or the query is empty', async () => {
    expect((await whoSaid(store, { query: 'Zebedee Quorn' })).kind).toBe('none');
    const empty = await whoSaid(store, { query: '   ' });
    expect(empty.kind === 'none' && empty.message).toMatch(/name/);
  });
});

describe('whoSaidDoc', () => {
  it('shows every quote verbatim with outlet, date and a link to the article', async () => {
    const doc = whoSaidDoc(await whoSaid(store, { query: 'varo' }));
    expect(doc.title).toBe('Quotes by Ines Varo');
    const quotes = doc.blocks.filter((b) => b.type === 'quote');
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toMatchObject({
      type: 'quote',
      text: 'We are not finished with this,',
      speaker: 'Ines Varo',
      attribution: [{ t: 'text', text: 'Brennholm Post, 2031-03-03: ' }, { t: 'link', text: 'Story a2', url: 'https://news.example/a2' }],
    });
  });

  it('lists the candidates of an ambiguous query', async () => {
    const doc = whoSaidDoc(await whoSaid(store, { query: 'kessler' }));
    expect(doc.blocks.some((b) => b.type === 'list' && b.items.length === 2)).toBe(true);
  });
});
