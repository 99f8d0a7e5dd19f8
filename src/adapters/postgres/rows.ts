// Row -> domain mapping shared by the PostgreSQL ports (pg returns timestamptz as Date).
import type { Article } from '../../domain/types.ts';

export interface ArticleRow {
  id: string;
  url: string;
  guid: string | null;
  source_id: string | null;
  outlet: string;
  title: string;
  byline: string | null;
  published_at: Date;
  fetched_at: Date;
  text: string;
  content_hash: string;
}

/** Every article column except the generated tsvector (never sent to the client). */
export const ARTICLE_COLS =
  'a.id, a.url, a.guid, a.source_id, a.outlet, a.title, a.byline, a.published_at, a.fetched_at, a.text, a.content_hash';

export const articleFromRow = (r: ArticleRow): Article => ({
  id: r.id,
  url: r.url,
  guid: r.guid,
  sourceId: r.source_id,
  outlet: r.outlet,
  title: r.title,
  byline: r.byline,
  publishedAt: r.published_at,
  fetchedAt: r.fetched_at,
  text: r.text,
  contentHash: r.content_hash,
});
