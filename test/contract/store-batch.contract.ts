// Contract tests for batched writes and time-first search (declared inside storeContract's describe).
import { describe, expect, it } from 'vitest';
import { type StoreCtx, article, era, quote, speaker } from './store-fixtures.ts';

export function batchContract(ctx: StoreCtx): void {
  describe('batched writes', () => {
    it('stores a batch so that every article can be read and searched', async () => {
      const e = era();
      const batch = Array.from({ length: 30 }, (_, i) => article({ publishedAt: e.at(i), title: `Quenmarsh lock ${i} repaired` }));
      await ctx.store().articles.saveMany(batch);
      expect((await ctx.store().articles.getMany(batch.map((a) => a.id))).map((a) => a.id)).toEqual(batch.map((a) => a.id));
      expect(await ctx.store().articles.get(batch[7]!.id)).toEqual(batch[7]);
      const hits = await ctx.store().articles.search({ query: 'quenmarsh', since: e.since, until: e.until, limit: 100 });
      expect(hits).toHaveLength(30);
    });

    it('keeps the last copy of an id given twice in one batch, and replaces a stored one', async () => {
      const e = era();
      const a = article({ publishedAt: e.at(1), title: 'Tarrowby pier closed' });
      await ctx.store().articles.save(a);
      const edit1 = { ...a, title: 'Tarrowby pier half open', contentHash: 'h1-' + a.id };
      const edit2 = { ...a, title: 'Tarrowby pier reopened', contentHash: 'h2-' + a.id };
      await ctx.store().articles.saveMany([edit1, edit2]);
      expect((await ctx.store().articles.get(a.id))?.title).toBe('Tarrowby pier reopened');
      const hits = await ctx.store().articles.search({ query: 'tarrowby', since: e.since, until: e.until });
      expect(hits.map((h) => h.article.title)).toEqual(['Tarrowby pier reopened']);
    });

    it('stores nothing of a batch holding an invalid article, and says which field is wrong', async () => {
      const e = era();
      const good = article({ publishedAt: e.at(2), title: 'Ollendrake ferry sails' });
      const bad = article({ publishedAt: new Date(Number.NaN), title: 'Ollendrake ferry sinks' });
      await expect(ctx.store().articles.saveMany([good, bad])).rejects.toThrow(/publishedAt/);
      expect(await ctx.store().articles.get(good.id)).toBeNull();
    });

    it('accepts an empty batch', async () => {
      await expect(ctx.store().articles.saveMany([])).resolves.toBeUndefined();
    });
  });

  describe('time windows', () => {
    it('finds the articles of every week a long window spans, and none outside it', async () => {
      const e = era();
      const days = [1, 3, 9, 16, 24, 31, 38, 45, 52, 58];
      const all = days.map((d) => article({ publishedAt: e.at(d), title: `Brindlemoor census day ${d}` }));
      await ctx.store().articles.saveMany(all);
      const hits = await ctx.store().articles.search({ query: 'brindlemoor', since: e.at(3), until: e.at(52), limit: 50 });
      expect(hits.map((h) => h.article.title).sort()).toEqual(days.filter((d) => d >= 3 && d < 52).map((d) => `Brindlemoor census day ${d}`).sort());
      expect(hits.partial).toBeUndefined();
    });

    it('finds a re-dated article in its new week only', async () => {
      const e = era();
      const a = article({ publishedAt: e.at(1), title: 'Corvangle regatta postponed' });
      await ctx.store().articles.save(a);
      await ctx.store().articles.save({ ...a, publishedAt: e.at(40) });
      const search = (from: number, to: number) => ctx.store().articles.search({ query: 'corvangle', since: e.at(from), until: e.at(to) });
      expect(await search(0, 10)).toEqual([]);
      expect((await search(35, 45)).map((h) => h.article.id)).toEqual([a.id]);
    });

    it('prunes whole weeks and part of a week, and what is left stays searchable', async () => {
      // Dated 1979, apart from every other test; pruned completely at the end.
      const day = (d: number) => new Date(Date.UTC(1979, 0, 1) + d * 86_400_000);
      const arts = [2, 9, 20, 22, 26, 33].map((d) => article({ publishedAt: day(d), title: `Wexhollow tide gauge ${d}` }));
      await ctx.store().articles.saveMany(arts);
      await ctx.store().quotes.replaceForArticle(arts[2]!.id, [quote('The gauge is reading high', 'Perrin Ashgrove')], []);
      expect(await ctx.store().articles.pruneBefore(day(21))).toBe(3);
      const left = await ctx.store().articles.search({ query: 'wexhollow', since: day(0), until: day(60) });
      expect(left.map((h) => h.article.title).sort()).toEqual(['Wexhollow tide gauge 22', 'Wexhollow tide gauge 26', 'Wexhollow tide gauge 33']);
      expect(await ctx.store().quotes.byPhrase('gauge is reading high')).toEqual([]);
      expect(await ctx.store().articles.pruneBefore(day(60))).toBe(3);
    });

    it('ranks only the newest matches of a query that matches a huge number of articles, and says so', async () => {
      const e = era();
      const many = Array.from({ length: 4010 }, (_, i) =>
        article({ publishedAt: new Date(e.at(2).getTime() + i * 60_000), title: 'Saltreach harbour notes', text: 'Nothing else.' }),
      );
      await ctx.store().articles.saveMany(many);
      const hits = await ctx.store().articles.search({ query: 'saltreach', since: e.since, until: e.until, limit: 20 });
      expect(hits).toHaveLength(20);
      expect(hits.partial?.reason).toBe('cap');
      expect(hits[0]!.article.id).toBe(many.at(-1)!.id);
      const narrow = await ctx.store().articles.search({ query: 'saltreach', since: e.at(2), until: new Date(e.at(2).getTime() + 60 * 60_000) });
      expect(narrow).toHaveLength(20);
      expect(narrow.partial).toBeUndefined();
    });

    it('orders a speaker\'s quotes by their article\'s date, following an article that is re-dated', async () => {
      const e = era();
      const p = speaker('Ilsabet Moorcroft');
      const older = article({ publishedAt: e.at(1) });
      const newer = article({ publishedAt: e.at(5) });
      await ctx.store().articles.saveMany([older, newer]);
      await ctx.store().quotes.replaceForArticle(older.id, [quote('The locks will hold', p.name)], [p]);
      await ctx.store().quotes.replaceForArticle(newer.id, [quote('The locks held', p.name)], [p]);
      expect((await ctx.store().quotes.bySpeakers([p.key])).map((q) => q.text)).toEqual(['The locks held', 'The locks will hold']);
      await ctx.store().articles.save({ ...older, publishedAt: e.at(9) });
      expect((await ctx.store().quotes.bySpeakers([p.key], { limit: 1 })).map((q) => q.text)).toEqual(['The locks will hold']);
    });
  });
}
