// ArticleStore over PostgreSQL: a generated tsvector column (english, title A / body B) with a GIN index.
import type pg from 'pg';
import type { Article, NewArticle } from '../../domain/types.ts';
import type { ArticleStore, SearchResult } from '../../store/ports.ts';
import { SEARCH_MATCH_CAP } from '../../store/search-bounds.ts';
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
 * Window first, then rank, with bounds (src/store/search-bounds.ts): at most SEARCH_MATCH_CAP of
 * the newest matches are ranked, and the statement is cancelled after PG_BUDGET_MS. A window holding
 * fewer than TIME_FIRST_ROWS articles (counted with a LIMIT, so the count itself is bounded) is read
 * by the published_at index and each row tested against the query; the subquery fence (OFFSET 0)
 * keeps the planner from switching to the GIN index, whose cost grows with every stored match of a
 * common or prefix term. A wider window goes through the GIN index and the date filter.
 */
const TIME_FIRST_ROWS = 50_000;
const PG_BUDGET_MS = 2000;
const WINDOW_ROWS = `SELECT count(*)::int AS n FROM (SELECT 1 FROM articles WHERE published_at >= $1 AND published_at < $2 LIMIT ${TIME_FIRST_ROWS}) w`;
const searchSql = (timeFirst: boolean) => `
  SELECT m.*, count(*) OVER () AS matched, min(m.published_at) OVER () AS oldest FROM (
    SELECT ${ARTICLE_COLS}, ts_rank_cd(a.tsv, q.q, 1) AS rel
    FROM ${timeFirst ? '(SELECT * FROM articles WHERE published_at >= $2 AND published_at < $3 OFFSET 0)' : 'articles'} a,
      to_tsquery('english', $1) AS q(q)
    WHERE a.tsv @@ q.q AND a.published_at >= $2 AND a.published_at < $3
    ORDER BY a.published_at DESC LIMIT $7) m
  ORDER BY m.rel / (1 + greatest(0, extract(epoch FROM ($4::timestamptz - m.published_at)) * 1000) / $5) DESC, m.id
  LIMIT $6`;

const UPSERT = `
  INSERT INTO articles (id, url, guid, source_id, outlet, title, byline, published_at, fetched_at, text, content_hash, text_source, text_note, feed_hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
  ON CONFLICT (id) DO UPDATE SET
    url = excluded.url, guid = excluded.guid, source_id = excluded.source_id, outlet = excluded.outlet,
    title = excluded.title, byline = excluded.byline, published_at = excluded.published_at,
    fetched_at = excluded.fetched_at, text = excluded.text, content_hash = excluded.content_hash,
    text_source = excluded.text_source, text_note = excluded.text_note, feed_hash = excluded.feed_hash,
    processed_hash = CASE WHEN articles.content_hash = excluded.content_hash THEN articles.processed_hash END`;

const UPSERT_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz', 'text', 'text', 'text', 'text', 'text'];
const UPSERT_MANY = UPSERT.replace(
  /VALUES \(.*?\)\n/s,
  `SELECT * FROM unnest(${UPSERT_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})\n`,
);
/** Articles deleted per pruning statement. */
const PRUNE_CHUNK = 2000;
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
  a.textSource ?? 'feed',
  noNul(a.textNote ?? null),
  noNul(a.feedHash ?? null),
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

    async search({ query, since, until, limit }): Promise<SearchResult> {
      const q = toTsQuery(parseSearchText(query));
      if (!q) return [];
      const from = since ? validDate(since, 'since') : MIN_DATE;
      const to = until ? validDate(until, 'until') : MAX_DATE;
      const ref = until ? to : new Date();
      type Row = ArticleRow & { rel: number; matched: string; oldest: Date };
      let rows: Row[];
      try {
        rows = await tx(pool, async (c) => {
          await c.query(`SET LOCAL statement_timeout = ${PG_BUDGET_MS}`);
          const { n } = (await c.query<{ n: number }>(WINDOW_ROWS, [from, to])).rows[0]!;
          if (n === 0) return [];
          const args = [q, from, to, ref, RECENCY_HALF_MS, clampLimit(limit, 20), SEARCH_MATCH_CAP];
          return (await c.query<Row>(searchSql(n < TIME_FIRST_ROWS), args)).rows;
        });
      } catch (err) {
        if ((err as { code?: string }).code !== '57014') throw err;
        return Object.assign([], { partial: { reason: 'time' as const, searchedFrom: to } });
      }
      const out: SearchResult = rows.map((r) => ({ article: articleFromRow(r), relevance: Number(r.rel) }));
      if (rows[0] && Number(rows[0].matched) >= SEARCH_MATCH_CAP) out.partial = { reason: 'cap', searchedFrom: rows[0].oldest };
      return out;
    },

    async pruneBefore(date: Date): Promise<number> {
      // Short statements of PRUNE_CHUNK rows (quotes cascade), so no lock is held for long and
      // readers and writers interleave; autovacuum reclaims the space.
      const cutoff = validDate(date, 'date');
      let n = 0;
      for (;;) {
        const res = await pool.query(
          'DELETE FROM articles WHERE id IN (SELECT id FROM articles WHERE published_at < $1 LIMIT $2)',
          [cutoff, PRUNE_CHUNK],
        );
        n += res.rowCount ?? 0;
        if (!res.rowCount) return n;
      }
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
