// ArticleStore over SQLite + FTS5. The full-text index is one contentless FTS5 table per week of
// publication time (fts-buckets.ts), written here in the same transaction as the article row.
import type { Article, NewArticle } from '../../domain/types.ts';
import type { ArticleStore, SearchResult } from '../../store/ports.ts';
import { type Statements, toMs } from './database.ts';
import { FtsBuckets } from './fts-buckets.ts';
import { type ArticleRow, articleFromRow, clampLimit } from './rows.ts';
import { parseSearchText } from '../../store/search-terms.ts';
import { toFts5Query } from './search-terms.ts';
import { RECENCY_HALF_MS, searchBuckets } from './search.ts';

export { RECENCY_HALF_MS };

/** Articles deleted per pruning transaction: short enough that a waiting writer never notices. */
const PRUNE_CHUNK = 2000;

const UPSERT = `
  INSERT INTO articles (id, url, guid, source_id, outlet, title, byline, published_at, fetched_at, text, content_hash, text_source, text_note, feed_hash)
  VALUES (@id, @url, @guid, @sourceId, @outlet, @title, @byline, @publishedAt, @fetchedAt, @text, @contentHash, @textSource, @textNote, @feedHash)
  ON CONFLICT(id) DO UPDATE SET
    url = excluded.url, guid = excluded.guid, source_id = excluded.source_id, outlet = excluded.outlet,
    title = excluded.title, byline = excluded.byline, published_at = excluded.published_at,
    fetched_at = excluded.fetched_at, text = excluded.text, content_hash = excluded.content_hash,
    text_source = excluded.text_source, text_note = excluded.text_note, feed_hash = excluded.feed_hash,
    processed_hash = CASE WHEN articles.content_hash = excluded.content_hash THEN articles.processed_hash END
  RETURNING seq`;

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
  textSource: a.textSource ?? 'feed',
  textNote: a.textNote ?? null,
  feedHash: a.feedHash ?? null,
});

export function sqliteArticles(st: Statements): ArticleStore {
  const buckets = new FtsBuckets(st);
  buckets.adoptLegacyIndex();
  // Row and index change together (callers hold a transaction): an edit leaves its old week's index.
  const upsert = (p: ReturnType<typeof toParams>): void => {
    const old = st.get('SELECT seq, published_at, title, text FROM articles WHERE id = ?').get(p.id) as
      | { seq: number; published_at: number; title: string; text: string }
      | undefined;
    if (old) buckets.unindex(old.seq, old.published_at, old.title, old.text);
    const { seq } = st.get(UPSERT).get(p) as { seq: number };
    buckets.index(seq, p.publishedAt, p.title, p.text);
  };
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
      const p = toParams(a);
      st.tx(() => upsert(p));
    },

    async saveMany(list: NewArticle[]): Promise<void> {
      if (list.length === 0) return;
      // Rows are checked before the write lock is taken; one transaction for the whole batch.
      const rows = list.map(toParams);
      st.tx(() => {
        for (const r of rows) upsert(r);
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

    async search({ query, since, until, limit }): Promise<SearchResult> {
      const q = toFts5Query(parseSearchText(query));
      if (!q) return [];
      return searchBuckets(st, buckets, {
        q,
        since: since ? toMs(since, 'since') : -8.64e15,
        until: until ? toMs(until, 'until') : 8.64e15,
        ref: until ? toMs(until, 'until') : Date.now(),
        limit: clampLimit(limit, 20),
        windowed: since != null || until != null,
      });
    },

    async pruneBefore(date: Date): Promise<number> {
      const cutoff = toMs(date, 'date');
      // Whole weeks before the cutoff lose their index in one DROP each; their rows and the rows of
      // the week the cutoff falls in are then deleted in short transactions (quotes cascade).
      buckets.dropBefore(cutoff);
      const next = st.get('SELECT seq, published_at, title, text FROM articles WHERE published_at < ? LIMIT ?');
      let n = 0;
      for (;;) {
        const rows = next.all(cutoff, PRUNE_CHUNK) as { seq: number; published_at: number; title: string; text: string }[];
        if (rows.length === 0) return n;
        st.tx(() => {
          for (const r of rows) {
            buckets.unindex(r.seq, r.published_at, r.title, r.text);
            st.get('DELETE FROM articles WHERE seq = ?').run(r.seq);
          }
        });
        n += rows.length;
        await new Promise((resolve) => setImmediate(resolve));
      }
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
