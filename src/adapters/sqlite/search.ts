// Topic search over the weekly FTS buckets (fts-buckets.ts): window first, then rank.
import type { ArticleHit, SearchResult } from '../../store/ports.ts';
import { SEARCH_BUDGET_MS, SEARCH_MATCH_CAP } from '../../store/search-bounds.ts';
import type { Statements } from './database.ts';
import type { FtsBuckets } from './fts-buckets.ts';
import { type ArticleRow, articleFromRow } from './rows.ts';

/**
 * Recency half-weight: an article this old (ms before the reference time) counts half as much as a
 * fresh one with the same text relevance.
 */
export const RECENCY_HALF_MS = 7 * 24 * 3600 * 1000;

/**
 * One bucket's candidates: the newest SEARCH_MATCH_CAP matches in the window, each with its bm25
 * (title counts twice the body; lower is better). Without ORDER BY rank FTS5 walks its doclists in
 * rowid order and stops at the cap, so a query matching most articles ("the", "news") costs the cap,
 * not the bucket. When articles were stored in publication order (seq follows time) the window is
 * also a rowid range FTS5 can seek to.
 */
const candidates = (table: string, ranged: boolean) => `
  SELECT m.bm, a.* FROM (
    SELECT rowid AS seq, bm25(${table}, 2.0, 1.0) AS bm FROM ${table}
    WHERE ${table} MATCH @q ${ranged ? 'AND rowid >= @lo AND rowid <= @hi' : ''}
    ORDER BY rowid DESC LIMIT @cap) m
  JOIN articles a ON a.seq = m.seq
  WHERE a.published_at >= @since AND a.published_at < @until`;

/** Widest window whose rows are counted to find its seq range (ms). */
const RANGE_WINDOW_MS = 31 * 24 * 3600 * 1000;
const WINDOW = `SELECT min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM articles
  WHERE published_at >= ? AND published_at < ?`;

type Row = ArticleRow & { bm: number };

export interface SearchArgs {
  q: string;
  since: number;
  until: number;
  /** Reference time for recency (ms). */
  ref: number;
  limit: number;
  /** Whether the caller gave a window; without one, buckets are read newest first until `limit` hits. */
  windowed: boolean;
}

/**
 * Ranking (documented contract): relevance = -bm25 (higher is better), ordered by
 *   score = relevance / (1 + age / RECENCY_HALF_MS),  age = max(0, reference - publishedAt).
 * bm25 is computed per weekly bucket, so relevance is comparable within a week and approximately
 * across weeks. Bounds: SEARCH_MATCH_CAP candidates per bucket, SEARCH_BUDGET_MS over all buckets
 * (checked between buckets, newest first); either sets `partial` on the result.
 */
export function searchBuckets(st: Statements, buckets: FtsBuckets, a: SearchArgs): SearchResult {
  const t0 = performance.now();
  const rows: Row[] = [];
  let partial: SearchResult['partial'];
  // Counting a window's rows costs what the window holds, so only narrow windows (the ones a seq
  // range helps) are counted; a tight range (a third of it inside the window) goes to FTS5.
  const win = a.until - a.since <= RANGE_WINDOW_MS ? (st.get(WINDOW).get(a.since, a.until) as { lo: number | null; hi: number | null; n: number }) : null;
  if (win && (win.n === 0 || win.lo == null || win.hi == null)) return [];
  const ranged = win != null && win.n * 3 >= win.hi! - win.lo! + 1;
  const base = { q: a.q, since: a.since, until: a.until, cap: SEARCH_MATCH_CAP };
  const params = ranged ? { ...base, lo: win.lo, hi: win.hi } : base;
  for (const b of buckets.overlapping(a.since, a.until)) {
    if (performance.now() - t0 > SEARCH_BUDGET_MS) {
      partial = { reason: 'time', searchedFrom: new Date(Math.max(a.since, b.end)) };
      break;
    }
    const found = st.get(candidates(b.name, ranged)).all(params) as Row[];
    if (found.length >= SEARCH_MATCH_CAP && !partial) partial = { reason: 'cap', searchedFrom: new Date(Math.max(a.since, b.start)) };
    rows.push(...found);
    if (!a.windowed && rows.length >= a.limit) break;
  }
  const score = (r: Row) => -r.bm / (1 + Math.max(0, a.ref - Number(r.published_at)) / RECENCY_HALF_MS);
  const hits: ArticleHit[] = rows
    .map((r) => ({ r, s: score(r) }))
    .sort((x, y) => y.s - x.s || Number(y.r.published_at) - Number(x.r.published_at))
    .slice(0, a.limit)
    .map(({ r }) => ({ article: articleFromRow(r), relevance: -r.bm }));
  const out: SearchResult = hits;
  if (partial) out.partial = partial;
  return out;
}
