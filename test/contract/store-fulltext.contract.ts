// Contract tests for full-text bookkeeping (declared inside storeContract's describe): where an
// article's text came from, and each source's full-text setting and teaser-only count.
import { describe, expect, it } from 'vitest';
import { type StoreCtx, article, era, uid } from './store-fixtures.ts';

export function fullTextContract(ctx: StoreCtx): void {
  describe('full text', () => {
    it("keeps an article's text source, note and feed hash through save, saveMany and search", async () => {
      const e = era();
      const a = article({ publishedAt: e.at(1), title: 'Wrenmoor quay tolls rise', textSource: 'teaser', textNote: 'paywall (isAccessibleForFree: false)', feedHash: 'fh-1' });
      const b = article({ publishedAt: e.at(2), title: 'Wrenmoor ferry timetable', textSource: 'pending', feedHash: 'fh-2' });
      await ctx.store().articles.save(a);
      await ctx.store().articles.saveMany([b]);
      expect(await ctx.store().articles.get(a.id)).toEqual(a);
      expect(await ctx.store().articles.get(b.id)).toEqual(b);
      const hits = await ctx.store().articles.search({ query: 'wrenmoor', since: e.since, until: e.until });
      expect(hits.map((h) => h.article.textSource).sort()).toEqual(['pending', 'teaser']);
      const page = { ...b, text: 'The full page text.', contentHash: `page-${b.id}`, textSource: 'page' as const };
      await ctx.store().articles.save(page);
      expect(await ctx.store().articles.get(b.id)).toEqual(page);
    });

    it("sets a source's full-text mode and counts its teaser-only articles", async () => {
      const url = `https://ledger.example/${uid('feed')}.xml`;
      const s = await ctx.store().sources.add({ url, kind: 'feed', fullText: 'never' });
      expect(s.fullText).toBe('never');
      expect(await ctx.store().sources.setFullText(url, 'always')).toBe(true);
      expect((await ctx.store().sources.get(s.id))?.fullText).toBe('always');
      expect(await ctx.store().sources.setFullText(s.id, null)).toBe(true);
      expect((await ctx.store().sources.get(s.id))?.fullText).toBeNull();
      expect(await ctx.store().sources.setFullText(uid('none'), 'never')).toBe(false);
      const e = era();
      await ctx.store().articles.saveMany([
        article({ publishedAt: e.at(1), sourceId: s.id, textSource: 'teaser', textNote: 'robots.txt disallows this page' }),
        article({ publishedAt: e.at(2), sourceId: s.id, textSource: 'teaser', textNote: 'HTTP 404' }),
        article({ publishedAt: e.at(3), sourceId: s.id, textSource: 'page' }),
      ]);
      expect((await ctx.store().sources.teaserCounts())[s.id]).toBe(2);
    });
  });
}
