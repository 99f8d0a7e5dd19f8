// ArticleStore over SQLite + FTS5 (external-content index kept in sync by triggers, see 001_init.sql).
import type { Article, NewArticle } from '../../domain/types.ts';
import type { ArticleHit, ArticleStore } from '../../store/ports.ts';
import { type Statements, toMs } from './database.ts';
import { type ArticleRow, articleFromRow, clampLimit } from './rows.ts';
import { parseSearchText } from '../../store/search-terms.ts';
import { toFts5Query } from './search-terms.ts';

/**
 * Recency half-weight: an article this old (ms before the reference time) counts half as much as a
 * fresh one with the same text relevance.
 */
export const RECENCY_HALF_MS = 7 * 24 * 3600 * 1000;

// Column weights for bm25: a word in the title counts twice as much as one in the body.
const BM25 = 'bm25(articles_fts, 2.0, 1.0)';

/**
 * Ranking (documented contract): relevance = -bm25 (higher is better), and results are ordered by
 *   score = relevance / (1 + age / RECENCY_HALF_MS),  age = max(0, reference - publishedAt)
 * where reference is `until` when given, else now. The hit carries `relevance` (text only) so
 * callers can combine it with their own signals.
 *
 * Window first: [since, until) is resolved on the covering (published_at, seq) index into a seq
 * range. Articles are mostly stored in publication order, so that range is tight and FTS5 is asked
 * only for rowids in it (it seeks its doclists there instead of scoring every match in the corpus);
 * the exact published_at bounds then apply to the survivors. When the window's rows are scattered
 * (a backfill), the range would cover most of the table, so the match runs unrestricted and the
 * date filter applies to its rows. (A `rowid IN (window)` constraint is far slower: FTS5 re-runs
 * the match once per rowid.)
 */
const WINDOW = `SELECT min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM articles
  WHERE published_at >= ? AND published_at < ?`;
const RANK = 'ORDER BY bm / (1.0 + max(0, @ref - a.published_at) / @half) LIMIT @limit';
const SEARCH_RANGE = `
  SELECT a.*, ${BM25} AS bm FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
  WHERE articles_fts MATCH @q AND articles_fts.rowid >= @lo AND articles_fts.rowid <= @hi
    AND a.published_at >= @since AND a.published_at < @until ${RANK}`;

const SEARCH_DATES = `
  SELECT a.*, ${BM25} AS bm FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
  WHERE articles_fts MATCH @q AND a.published_at >= @since AND a.published_at < @until ${RANK}`;

const SEARCH_ALL = `
  SELECT a.*, ${BM25} AS bm FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
  WHERE articles_fts MATCH @q ${RANK}`;

const UPSERT = `
  INSERT INTO articles (id, url, guid, source_id, outlet, title, byline, published_at, fetched_at, text, content_hash)
  VALUES (@id, @url, @guid, @sourceId, @outlet, @title, @byline, @publishedAt, @fetchedAt, @text, @contentHash)
  ON CONFLICT(id) DO UPDATE SET
    url = excluded.url, guid = excluded.guid, source_id = excluded.source_id, outlet = excluded.outlet,
    title = excluded.title, byline = excluded.byline, published_at = excluded.published_at,
    fetched_at = excluded.fetched_at, text = excluded.text, content_hash = excluded.content_hash,
    processed_hash = CASE WHEN articles.content_hash = excluded.content_hash THEN articles.processed_hash END`;

const toParams = (a: NewArticle) => ({
  id: a.id,
  url: a.url,
  guid: a.guid ?? null,
  sourceId: a.sourceId ?? null,
  outlet: a.outlet,
  title: a.title,
  byline: a.byline ?? null,
  publishedAt: toMs(a.publishedAt, 'publishedAt'),
  fetchedAt: toMs(a.fetchedAt, 'fetchedAt'),
  text: a.text,
  contentHash: a.contentHash,
});

export function sqliteArticles(st: Statements): ArticleStore {
  const upsert = (a: NewArticle) => st.get(UPSERT).run(toParams(a));
  const one = (sql: string, v: unknown) => {
    const r = st.get(sql).get(v) as ArticleRow | undefined;
    return r ? articleFromRow(r) : null;
  };

  return {
    async findExisting({ url, guid, contentHash }): Promise<Article | null> {
      // In order of confidence: same canonical URL, same feed GUID, then same content.
      return (
        one('SELECT * FROM articles WHERE url = ? LIMIT 1', url) ??
        (guid ? one('SELECT * FROM articles WHERE guid = ? LIMIT 1', guid) : null) ??
        one('SELECT * FROM articles WHERE content_hash = ? LIMIT 1', contentHash)
      );
    },

    async save(a: NewArticle): Promise<void> {
      upsert(a);
    },

    async saveMany(list: NewArticle[]): Promise<void> {
      if (list.length === 0) return;
      // Rows are checked before the write lock is taken; one transaction for the whole batch.
      const rows = list.map(toParams);
      st.tx(() => {
        for (const r of rows) st.get(UPSERT).run(r);
      });
    },


    async get(id: string): Promise<Article | null> {
      return one('SELECT * FROM articles WHERE id = ?', id);
    },

    async getMany(ids: string[]): Promise<Article[]> {
      if (ids.length === 0) return [];
      const rows = st
        .get('SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids)) as ArticleRow[];
      const byId = new Map(rows.map((r) => [r.id, articleFromRow(r)]));
      // Input order, each article once, missing ids skipped.
      return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
    },

    async search({ query, since, until, limit }): Promise<ArticleHit[]> {
      const q = toFts5Query(parseSearchText(query));
      if (!q) return [];
      const ref = until ? toMs(until, 'until') : Date.now();
      const params = { q, ref, half: RECENCY_HALF_MS, limit: clampLimit(limit, 20) };
      let rows: (ArticleRow & { bm: number })[];
      if (since == null && until == null) {
        rows = st.get(SEARCH_ALL).all(params) as typeof rows;
      } else {
        const w = {
          since: since ? toMs(since, 'since') : Number.MIN_SAFE_INTEGER,
          until: until ? toMs(until, 'until') : Number.MAX_SAFE_INTEGER,
        };
        const win = st.get(WINDOW).get(w.since, w.until) as { lo: number | null; hi: number | null; n: number };
        if (win.n === 0 || win.lo == null || win.hi == null) return [];
        // Tight range (at least a third of it inside the window): let FTS5 seek to it.
        const tight = win.n * 3 >= win.hi - win.lo + 1;
        rows = st.get(tight ? SEARCH_RANGE : SEARCH_DATES).all(
          tight ? { ...params, ...w, lo: win.lo, hi: win.hi } : { ...params, ...w },
        ) as typeof rows;
      }
      return rows.map((r) => ({ article: articleFromRow(r), relevance: -r.bm }));
    },

    async pruneBefore(date: Date): Promise<number> {
      // Quotes go with their article (ON DELETE CASCADE), FTS rows by the delete trigger.
      return st.tx(() => st.get('DELETE FROM articles WHERE published_at < ?').run(toMs(date, 'date')).changes);
    },

    async markProcessed(id: string, contentHash: string): Promise<void> {
      st.get('UPDATE articles SET processed_hash = ? WHERE id = ? AND content_hash = ?').run(contentHash, id, contentHash);
    },

    async pending({ limit, after }): Promise<{ id: string; contentHash: string }[]> {
      const rows = st
        .get('SELECT id, content_hash FROM articles WHERE processed_hash IS NULL AND id > ? ORDER BY id LIMIT ?')
        .all(after ?? '', clampLimit(limit, 100)) as { id: string; content_hash: string }[];
      return rows.map((r) => ({ id: r.id, contentHash: r.content_hash }));
    },
  };
}
