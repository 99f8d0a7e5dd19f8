// ArticleStore over PostgreSQL: a generated tsvector column (english, title A / body B) with a GIN index.
import type pg from 'pg';
import type { Article, NewArticle } from '../../domain/types.ts';
import type { ArticleHit, ArticleStore } from '../../store/ports.ts';
import { clampLimit, noNul, tx, validDate } from './db.ts';
import { ARTICLE_COLS, type ArticleRow, articleFromRow } from './rows.ts';
import { parseSearchText } from '../../store/search-terms.ts';
import { toTsQuery } from './search-terms.ts';

/** An article this old (before the reference time) counts half as much as a fresh one (ms). */
export const RECENCY_HALF_MS = 7 * 24 * 3600 * 1000;

/**
 * Ranking (same contract as the SQLite adapter): relevance = ts_rank_cd(tsv, query, 1) (cover
 * density, normalised by log document length; higher is better), ordered by
 *   score = relevance / (1 + age / RECENCY_HALF_MS),  age = max(0, reference - publishedAt)
 * with reference = `until` when given, else now.
 *
 * Window first: the published_at bounds sit in the same WHERE as the match, so for a narrow window
 * the planner walks the published_at index and only tests those rows against the query; for a wide
 * one it uses the GIN index and filters by date. Either way only rows in the window are ranked.
 */
const SEARCH = `
  SELECT ${ARTICLE_COLS}, ts_rank_cd(a.tsv, q.q, 1) AS rel
  FROM articles a, to_tsquery('english', $1) AS q(q)
  WHERE a.tsv @@ q.q AND a.published_at >= $2 AND a.published_at < $3
  ORDER BY ts_rank_cd(a.tsv, q.q, 1)
    / (1 + greatest(0, extract(epoch FROM ($4::timestamptz - a.published_at)) * 1000) / $5) DESC, a.id
  LIMIT $6`;

const UPSERT = `
  INSERT INTO articles (id, url, guid, source_id, outlet, title, byline, published_at, fetched_at, text, content_hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (id) DO UPDATE SET
    url = excluded.url, guid = excluded.guid, source_id = excluded.source_id, outlet = excluded.outlet,
    title = excluded.title, byline = excluded.byline, published_at = excluded.published_at,
    fetched_at = excluded.fetched_at, text = excluded.text, content_hash = excluded.content_hash,
    processed_hash = CASE WHEN articles.content_hash = excluded.content_hash THEN articles.processed_hash END`;

const UPSERT_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz', 'text', 'text'];
const UPSERT_MANY = UPSERT.replace(
  /VALUES \(.*?\)\n/s,
  `SELECT * FROM unnest(${UPSERT_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})\n`,
);
/** Rows per INSERT in saveMany: large enough to amortise the round trip, small enough for memory. */
const SAVE_CHUNK = 1000;

const params = (a: NewArticle): unknown[] => [
  noNul(a.id),
  noNul(a.url),
  noNul(a.guid ?? null),
  noNul(a.sourceId ?? null),
  noNul(a.outlet),
  noNul(a.title),
  noNul(a.byline ?? null),
  validDate(a.publishedAt, 'publishedAt'),
  validDate(a.fetchedAt, 'fetchedAt'),
  noNul(a.text),
  noNul(a.contentHash),
];

// Far outside any real date, but inside what timestamptz accepts.
const MIN_DATE = new Date(Date.UTC(1, 0, 1));
const MAX_DATE = new Date(Date.UTC(9999, 0, 1));

export function pgArticles(pool: pg.Pool): ArticleStore {
  const one = async (where: string, v: unknown): Promise<Article | null> => {
    const { rows } = await pool.query<ArticleRow>(`SELECT ${ARTICLE_COLS} FROM articles a WHERE ${where} LIMIT 1`, [v]);
    return rows[0] ? articleFromRow(rows[0]) : null;
  };

  return {
    async findExisting({ url, guid, contentHash }): Promise<Article | null> {
      // In order of confidence: same canonical URL, same feed GUID, then same content.
      return (
        (await one('a.url = $1', noNul(url))) ??
        (guid ? await one('a.guid = $1', noNul(guid)) : null) ??
        (await one('a.content_hash = $1', noNul(contentHash)))
      );
    },

    async save(a: NewArticle): Promise<void> {
      await pool.query(UPSERT, params(a));
    },

    async saveMany(list: NewArticle[]): Promise<void> {
      if (list.length === 0) return;
      // One statement per chunk: ON CONFLICT cannot touch a row twice, so the last copy of an id wins.
      const rows = [...new Map(list.map((a) => [a.id, params(a)])).values()];
      await tx(pool, async (c) => {
        for (let i = 0; i < rows.length; i += SAVE_CHUNK) {
          const chunk = rows.slice(i, i + SAVE_CHUNK);
          await c.query(UPSERT_MANY, UPSERT_TYPES.map((_, k) => chunk.map((r) => r[k])));
        }
      });
    },

    async get(id: string): Promise<Article | null> {
      return one('a.id = $1', noNul(id));
    },

    async getMany(ids: string[]): Promise<Article[]> {
      if (ids.length === 0) return [];
      const { rows } = await pool.query<ArticleRow>(`SELECT ${ARTICLE_COLS} FROM articles a WHERE a.id = ANY($1::text[])`, [
        ids.map((id) => noNul(id)),
      ]);
      const byId = new Map(rows.map((r) => [r.id, articleFromRow(r)]));
      return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
    },

    async search({ query, since, until, limit }): Promise<ArticleHit[]> {
      const q = toTsQuery(parseSearchText(query));
      if (!q) return [];
      const from = since ? validDate(since, 'since') : MIN_DATE;
      const to = until ? validDate(until, 'until') : MAX_DATE;
      const ref = until ? to : new Date();
      const { rows } = await pool.query<ArticleRow & { rel: number }>(SEARCH, [
        q,
        from,
        to,
        ref,
        RECENCY_HALF_MS,
        clampLimit(limit, 20),
      ]);
      return rows.map((r) => ({ article: articleFromRow(r), relevance: Number(r.rel) }));
    },

    async pruneBefore(date: Date): Promise<number> {
      // Quotes go with their article (ON DELETE CASCADE).
      const res = await pool.query('DELETE FROM articles WHERE published_at < $1', [validDate(date, 'date')]);
      return res.rowCount ?? 0;
    },

    async markProcessed(id: string, contentHash: string): Promise<void> {
      await pool.query('UPDATE articles SET processed_hash = $2 WHERE id = $1 AND content_hash = $2', [noNul(id), noNul(contentHash)]);
    },

    async pending({ limit, after }): Promise<{ id: string; contentHash: string }[]> {
      const { rows } = await pool.query<{ id: string; content_hash: string }>(
        `SELECT id, content_hash FROM articles WHERE processed_hash IS NULL AND id > $1 ORDER BY id LIMIT $2`,
        [noNul(after ?? ''), clampLimit(limit, 100)],
      );
      return rows.map((r) => ({ id: r.id, contentHash: r.content_hash }));
    },
  };
}
