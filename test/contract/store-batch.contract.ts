// Contract tests for batched writes and time-first search (declared inside storeContract's describe).
import { describe, expect, it } from 'vitest';
import { type StoreCtx, article, era } from './store-fixtures.ts';

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
}
