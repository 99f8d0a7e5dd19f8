// Contract tests for QuoteStore (declared inside storeContract's describe).
import { describe, expect, it } from 'vitest';
import { type StoreCtx, article, era, quote, speaker, uid } from './store-fixtures.ts';

export function quoteContract(ctx: StoreCtx): void {
  describe('quotes and speakers', () => {
    it('replaces the quotes of an article instead of adding to them', async () => {
      const a = article({ publishedAt: era().at(1) });
      await ctx.store().articles.save(a);
      const q = ctx.store().quotes;
      await q.replaceForArticle(a.id, [quote('First version', 'Ines Valbrook'), quote('Second', null)], []);
      await q.replaceForArticle(a.id, [quote('Only this one', 'Ines Valbrook')], []);
      await q.replaceForArticle(a.id, [quote('Only this one', 'Ines Valbrook')], []);
      expect((await q.forArticles([a.id])).map((h) => h.text)).toEqual(['Only this one']);
      await q.replaceForArticle(a.id, [], []);
      expect(await q.forArticles([a.id])).toEqual([]);
    });

    it('returns quotes with their article outlet, title, url and date, newest article first', async () => {
      const e = era();
      const older = article({ publishedAt: e.at(1), outlet: 'The Kelpford Gazette', title: 'Older story' });
      const newer = article({ publishedAt: e.at(9), outlet: 'Northwind Daily', title: 'Newer story' });
      await ctx.store().articles.save(older);
      await ctx.store().articles.save(newer);
      const q = ctx.store().quotes;
      const said = quote('The tide is turning', 'Ines Valbrook', { kind: 'partial', start: 10, end: 29, speakerRole: 'mayor', cue: 'told' });
      await q.replaceForArticle(older.id, [said], []);
      await q.replaceForArticle(newer.id, [quote('Nothing has changed', 'Ines Valbrook')], []);
      const hits = await q.forArticles([older.id, newer.id]);
      expect(hits.map((h) => h.articleId)).toEqual([newer.id, older.id]);
      expect(hits[1]).toMatchObject({
        ...said,
        articleId: older.id,
        outlet: 'The Kelpford Gazette',
        title: 'Older story',
        url: older.url,
        publishedAt: older.publishedAt,
      });
      expect(typeof hits[1]!.id).toBe('string');
    });

    it("derives a quote's speaker key from the matching speaker, else from the lower-cased name", async () => {
      const a = article({ publishedAt: era().at(1) });
      await ctx.store().articles.save(a);
      const key = uid('k');
      const q = ctx.store().quotes;
      await q.replaceForArticle(
        a.id,
        [quote('One', 'Dorran Pike'), quote('Two', '  Lessa   Umber '), quote('Three', null)],
        [{ key, name: 'Dorran Pike', aliases: [], role: null }],
      );
      const hits = await q.forArticles([a.id]);
      expect(hits.map((h) => h.speakerKey)).toEqual([key, 'lessa umber', null]);
    });

    it('finds speakers by any word of their name or aliases, case-insensitively', async () => {
      const a = article({ publishedAt: era().at(1) });
      await ctx.store().articles.save(a);
      const tag = uid('z').slice(-8).replace(/[^a-z]/g, 'q');
      const name = `Emrys Thorncastle${tag}`;
      const q = ctx.store().quotes;
      await q.replaceForArticle(a.id, [quote('We will rebuild', name)], [speaker(name, [`President Thorncastle${tag}`], 'president')]);
      const byName = await q.findSpeakers(`thorncastle${tag}`);
      expect(byName.map((s) => s.key)).toEqual([name.toLowerCase()]);
      expect((await q.findSpeakers(`EMRYS THORNCASTLE${tag.toUpperCase()}`)).map((s) => s.name)).toEqual([name]);
      expect((await q.findSpeakers(`president thorncastle${tag}`)).map((s) => s.key)).toEqual([name.toLowerCase()]);
      expect(await q.findSpeakers(`senator thorncastle${tag}`)).toEqual([]);
      expect(await q.findSpeakers('   ')).toEqual([]);
      expect(byName[0]!.role).toBe('president');
    });

    it('finds speakers by the role written beside their quotes, case-insensitively', async () => {
      const a = article({ publishedAt: era().at(1) });
      await ctx.store().articles.save(a);
      const tag = uid('r').slice(-8).replace(/[^a-z]/g, 'q');
      const name = `Halla Sigurvin${tag}`;
      const q = ctx.store().quotes;
      await q.replaceForArticle(a.id, [quote('We stand firm', name, { speakerRole: `Valdoria's foreign${tag} minister` })], [speaker(name)]);
      expect((await q.speakersByRole(`Foreign${tag.toUpperCase()} minister`)).map((s) => s.key)).toEqual([name.toLowerCase()]);
      expect(await q.speakersByRole(`energy${tag} minister`)).toEqual([]);
      expect(await q.speakersByRole('  ')).toEqual([]);
    });

    it('merges the aliases of one speaker across articles as a set', async () => {
      const e = era();
      const [a, b] = [article({ publishedAt: e.at(1) }), article({ publishedAt: e.at(2) })];
      await ctx.store().articles.save(a);
      await ctx.store().articles.save(b);
      const name = `Oriel Fenwhistle ${uid('n').slice(-6)}`;
      const q = ctx.store().quotes;
      await q.replaceForArticle(a.id, [quote('Yes', name)], [speaker(name, ['Fenwhistle', 'Minister Fenwhistle'])]);
      await q.replaceForArticle(b.id, [quote('No', name)], [speaker(name, ['Fenwhistle', 'Dr Fenwhistle'])]);
      const [s] = await q.findSpeakers(name);
      expect(s?.aliases.slice().sort()).toEqual(['Dr Fenwhistle', 'Fenwhistle', 'Minister Fenwhistle', name].sort());
      expect((await q.bySpeakers([s!.key])).map((h) => h.text)).toEqual(['No', 'Yes']);
    });

    it('keeps two people who share a surname as separate speakers', async () => {
      const a = article({ publishedAt: era().at(1) });
      await ctx.store().articles.save(a);
      const surname = `Marrowby${uid('s').slice(-6).replace(/[^a-z]/g, 'x')}`;
      const [anna, tomas] = [speaker(`Anna ${surname}`, [surname]), speaker(`Tomas ${surname}`, [surname])];
      const q = ctx.store().quotes;
      await q.replaceForArticle(a.id, [quote('Hers', anna.name), quote('His', tomas.name)], [anna, tomas]);
      const found = await q.findSpeakers(surname);
      expect(found.map((s) => s.key).sort()).toEqual([anna.key, tomas.key].sort());
      expect((await q.bySpeakers([anna.key])).map((h) => h.text)).toEqual(['Hers']);
      expect((await q.findSpeakers(`tomas ${surname}`)).map((s) => s.key)).toEqual([tomas.key]);
    });

    it('lists quotes by speaker keys, optionally only from given articles, with a limit', async () => {
      const e = era();
      const [a, b] = [article({ publishedAt: e.at(1) }), article({ publishedAt: e.at(2) })];
      await ctx.store().articles.save(a);
      await ctx.store().articles.save(b);
      const k = uid('k');
      const sp = [{ key: k, name: `Halden Roe ${k}`, aliases: [], role: null }];
      const q = ctx.store().quotes;
      await q.replaceForArticle(a.id, [quote('From A', sp[0]!.name)], sp);
      await q.replaceForArticle(b.id, [quote('From B', sp[0]!.name), quote('Also B', sp[0]!.name)], sp);
      expect((await q.bySpeakers([k])).map((h) => h.text)).toEqual(['From B', 'Also B', 'From A']);
      expect((await q.bySpeakers([k], { articleIds: [a.id] })).map((h) => h.text)).toEqual(['From A']);
      expect(await q.bySpeakers([k], { limit: 1 })).toHaveLength(1);
      expect(await q.bySpeakers([])).toEqual([]);
    });

    it('finds quotes containing a phrase case-insensitively, treating wildcards literally', async () => {
      const e = era();
      const a = article({ publishedAt: e.at(1) });
      await ctx.store().articles.save(a);
      const tag = uid('p').slice(-8);
      const q = ctx.store().quotes;
      await q.replaceForArticle(a.id, [
        quote(`This is a Dead End for ${tag}`, 'Corin Vale'),
        quote(`Growth of 50% in ${tag}`, 'Corin Vale'),
        quote(`Growth of 500 in ${tag}`, 'Corin Vale'),
      ], []);
      expect((await q.byPhrase(`dead end for ${tag.toUpperCase()}`)).map((h) => h.text)).toEqual([`This is a Dead End for ${tag}`]);
      expect((await q.byPhrase(`50% in ${tag}`)).map((h) => h.text)).toEqual([`Growth of 50% in ${tag}`]);
      expect(await q.byPhrase(`no such words ${tag}`)).toEqual([]);
      expect(await q.byPhrase('')).toEqual([]);
    });
  });
}
