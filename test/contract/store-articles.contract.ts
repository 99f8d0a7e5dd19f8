// Contract tests for ArticleStore (declared inside storeContract's describe).
import { describe, expect, it } from 'vitest';
import { type StoreCtx, article, era, quote, uid } from './store-fixtures.ts';

const HOSTILE = [
  '"', '"unbalanced phrase', '((ukraine', 'ukraine)', 'NEAR(ukraine kyiv, 2)', 'ukraine NEAR kyiv', '*', 'ukr*',
  '-ukraine', 'NOT ukraine', 'ukraine AND OR NOT', 'AND', 'title:ukraine', '^ukraine', '{title text}: x',
  "'; DROP TABLE articles; --", '\\', '%_%', 'ukraine & | ! : <->', '  ', '\u0000', '😀 ukraine 🇺🇦', 'a'.repeat(5000),
];

export function articleContract(ctx: StoreCtx): void {
  describe('articles', () => {
    it('returns a saved article unchanged by id, dates included', async () => {
      const e = era();
      const a = article({ publishedAt: e.at(1), guid: uid('guid'), sourceId: null });
      await ctx.store().articles.save(a);
      expect(await ctx.store().articles.get(a.id)).toEqual(a);
      expect(await ctx.store().articles.get(uid('missing'))).toBeNull();
    });

    it('finds an existing article by canonical url, by guid, or by content hash', async () => {
      const a = article({ publishedAt: era().at(1), guid: uid('guid') });
      await ctx.store().articles.save(a);
      const other = { url: 'https://elsewhere.example/' + uid(), guid: uid('g'), contentHash: uid('h') };
      const s = ctx.store().articles;
      expect((await s.findExisting({ ...other, url: a.url }))?.id).toBe(a.id);
      expect((await s.findExisting({ ...other, guid: a.guid }))?.id).toBe(a.id);
      expect((await s.findExisting({ ...other, contentHash: a.contentHash }))?.id).toBe(a.id);
      expect(await s.findExisting(other)).toBeNull();
      expect(await s.findExisting({ ...other, guid: null })).toBeNull();
    });

    it('keeps the id of an edited article and searches its new words, not its old ones', async () => {
      const e = era();
      const a = article({ publishedAt: e.at(2), title: 'Quillorn ferry delayed', text: 'The quillorn ferry waited.' });
      await ctx.store().articles.save(a);
      const edited = { ...a, title: 'Bramzle ferry cancelled', text: 'The bramzle ferry stayed in port.', contentHash: uid('h') };
      await ctx.store().articles.save(edited);
      const s = ctx.store().articles;
      expect((await s.get(a.id))?.title).toBe('Bramzle ferry cancelled');
      expect((await s.search({ query: 'bramzle', since: e.since, until: e.until })).map((h) => h.article.id)).toEqual([a.id]);
      expect(await s.search({ query: 'quillorn', since: e.since, until: e.until })).toEqual([]);
    });

    it('keeps an article pending until its current text is marked processed, and again after an edit', async () => {
      const s = ctx.store().articles;
      const [a, b] = [article({ publishedAt: era().at(1) }), article({ publishedAt: era().at(2) })];
      const mine = async (after?: string) =>
        (await s.pending({ limit: 1000, ...(after ? { after } : {}) })).filter((p) => p.id === a.id || p.id === b.id);
      await s.save(a);
      await s.save(b);
      expect(await mine()).toEqual([a, b].sort((x, y) => (x.id < y.id ? -1 : 1)).map((x) => ({ id: x.id, contentHash: x.contentHash })));
      await s.markProcessed(a.id, a.contentHash);
      await s.markProcessed(b.id, uid('stale-hash'));
      expect((await mine()).map((p) => p.id)).toEqual([b.id]);
      expect(await mine(b.id)).toEqual([]);
      await s.save(a);
      expect((await mine()).map((p) => p.id)).toEqual([b.id]);
      const edited = { ...a, text: a.text + ' An update followed.', contentHash: uid('h') };
      await s.save(edited);
      await s.markProcessed(a.id, a.contentHash);
      expect((await mine()).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
      await s.markProcessed(a.id, edited.contentHash);
      expect((await mine()).map((p) => p.id)).toEqual([b.id]);
    });

    it('returns many articles in the order asked, skipping unknown ids', async () => {
      const e = era();
      const [a, b] = [article({ publishedAt: e.at(1) }), article({ publishedAt: e.at(2) })];
      await ctx.store().articles.save(a);
      await ctx.store().articles.save(b);
      const got = await ctx.store().articles.getMany([b.id, uid('nope'), a.id]);
      expect(got.map((x) => x.id)).toEqual([b.id, a.id]);
      expect(await ctx.store().articles.getMany([])).toEqual([]);
    });

    it('searches only articles published in [since, until)', async () => {
      const e = era();
      const word = 'Vandrelle';
      const inside = article({ publishedAt: e.at(10), title: `${word} port reopens` });
      const atStart = article({ publishedAt: e.at(5), title: `${word} strike starts` });
      const atEnd = article({ publishedAt: e.at(20), title: `${word} strike ends` });
      const before = article({ publishedAt: e.at(1), title: `${word} harbour news` });
      for (const a of [inside, atStart, atEnd, before]) await ctx.store().articles.save(a);
      const hits = await ctx.store().articles.search({ query: word, since: e.at(5), until: e.at(20) });
      expect(hits.map((h) => h.article.id).sort()).toEqual([inside.id, atStart.id].sort());
    });

    it('searches a window whose articles were stored far apart, as after a backfill', async () => {
      const e = era();
      const first = article({ publishedAt: e.at(3), title: 'Tessaly canal dredged' });
      await ctx.store().articles.save(first);
      for (let i = 0; i < 12; i++) await ctx.store().articles.save(article({ publishedAt: era().at(1), title: 'Tessaly filler' }));
      const late = article({ publishedAt: e.at(4), title: 'Tessaly canal reopened' });
      await ctx.store().articles.save(late);
      const hits = await ctx.store().articles.search({ query: 'tessaly canal', since: e.since, until: e.until });
      expect(hits.map((h) => h.article.id)).toEqual([late.id, first.id]);
    });

    it('finds "Ukrainian" when asked for "ukraine", and ORs the words of a query', async () => {
      const e = era();
      const a = article({ publishedAt: e.at(3), title: 'Ukrainian grain ships sail', text: 'Cargo left at dawn.' });
      const b = article({ publishedAt: e.at(4), title: 'Lighthouse keepers strike', text: 'Lamps stayed dark.' });
      const c = article({ publishedAt: e.at(4), title: 'Budget vote', text: 'Nothing about either.' });
      for (const x of [a, b, c]) await ctx.store().articles.save(x);
      const s = ctx.store().articles;
      expect((await s.search({ query: 'ukraine', since: e.since, until: e.until })).map((h) => h.article.id)).toEqual([a.id]);
      const both = await s.search({ query: 'Ukraine lighthouse', since: e.since, until: e.until });
      expect(both.map((h) => h.article.id).sort()).toEqual([a.id, b.id].sort());
    });

    it('keeps a quoted phrase together and in order', async () => {
      const e = era();
      const a = article({ publishedAt: e.at(1), title: 'Talks reach a dead end', text: 'Both sides left.' });
      const b = article({ publishedAt: e.at(2), title: 'The end of the dead season', text: 'Tourists came back.' });
      await ctx.store().articles.save(a);
      await ctx.store().articles.save(b);
      const hits = await ctx.store().articles.search({ query: '"dead end"', since: e.since, until: e.until });
      expect(hits.map((h) => h.article.id)).toEqual([a.id]);
    });

    it('ranks a stronger text match first and reports relevance higher-is-better', async () => {
      const e = era();
      const strong = article({ publishedAt: e.at(5), title: 'Zephyrine tunnel opens', text: 'The zephyrine tunnel under the zephyrine hills opened.' });
      const weak = article({ publishedAt: e.at(5), title: 'City notes', text: 'Among many items, a zephyrine plaque was cleaned. ' + 'Other news. '.repeat(40) });
      await ctx.store().articles.save(weak);
      await ctx.store().articles.save(strong);
      const hits = await ctx.store().articles.search({ query: 'zephyrine', since: e.since, until: e.until });
      expect(hits.map((h) => h.article.id)).toEqual([strong.id, weak.id]);
      expect(hits[0]!.relevance).toBeGreaterThan(hits[1]!.relevance);
    });

    it('puts the newer of two equally relevant articles first', async () => {
      const e = era();
      const old = article({ publishedAt: e.at(1), title: 'Orvandel bridge repaired', text: 'Works finished.' });
      const recent = article({ publishedAt: e.at(30), title: 'Orvandel bridge repaired', text: 'Works finished.' });
      await ctx.store().articles.save(old);
      await ctx.store().articles.save(recent);
      const hits = await ctx.store().articles.search({ query: 'orvandel bridge', since: e.since, until: e.until });
      expect(hits.map((h) => h.article.id)).toEqual([recent.id, old.id]);
    });

    it('honours the result limit', async () => {
      const e = era();
      for (let i = 0; i < 5; i++) await ctx.store().articles.save(article({ publishedAt: e.at(i), title: `Gralloway market day ${i}` }));
      expect(await ctx.store().articles.search({ query: 'gralloway', since: e.since, until: e.until, limit: 3 })).toHaveLength(3);
    });

    it('never throws on hostile query syntax, and empty queries find nothing', async () => {
      const e = era();
      await ctx.store().articles.save(article({ publishedAt: e.at(1), title: 'Ukraine and Kyiv talks', text: 'NEAR the border.' }));
      for (const query of HOSTILE) {
        const hits = await ctx.store().articles.search({ query, since: e.since, until: e.until });
        expect(Array.isArray(hits), query).toBe(true);
        await expect(ctx.store().articles.search({ query })).resolves.toBeInstanceOf(Array);
      }
      expect(await ctx.store().articles.search({ query: '  ()* ', since: e.since, until: e.until })).toEqual([]);
    });

    it('prunes articles published before a date together with their quotes', async () => {
      // Dated 1985, before every other test's era, so the count is exact.
      const oldA = article({ publishedAt: new Date(Date.UTC(1985, 0, 2)), title: 'Pellitor mill closes' });
      const oldB = article({ publishedAt: new Date(Date.UTC(1985, 0, 3)), title: 'Pellitor mill sold' });
      const kept = article({ publishedAt: new Date(Date.UTC(1985, 5, 1)), title: 'Pellitor mill reopens' });
      for (const a of [oldA, oldB, kept]) await ctx.store().articles.save(a);
      await ctx.store().quotes.replaceForArticle(oldA.id, [quote('We are closing the mill', 'Tamsin Orrely')], []);
      await ctx.store().quotes.replaceForArticle(kept.id, [quote('We are back', 'Tamsin Orrely')], []);
      expect(await ctx.store().articles.pruneBefore(new Date(Date.UTC(1985, 2, 1)))).toBe(2);
      expect(await ctx.store().articles.get(oldA.id)).toBeNull();
      expect(await ctx.store().quotes.forArticles([oldA.id])).toEqual([]);
      expect(await ctx.store().quotes.byPhrase('closing the mill')).toEqual([]);
      expect((await ctx.store().quotes.forArticles([kept.id])).map((q) => q.text)).toEqual(['We are back']);
      const hits = await ctx.store().articles.search({ query: 'pellitor', since: new Date(Date.UTC(1985, 0, 1)), until: new Date(Date.UTC(1986, 0, 1)) });
      expect(hits.map((h) => h.article.id)).toEqual([kept.id]);
    });
  });
}
