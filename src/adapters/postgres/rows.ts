// Row -> domain mapping shared by the PostgreSQL ports (pg returns timestamptz as Date).
import { articleFromRow, type ArticleRow } from '../../store/rows.ts';

export { articleFromRow, type ArticleRow };

/** Every article column except the generated tsvector (never sent to the client). */
export const ARTICLE_COLS =
  'a.id, a.url, a.guid, a.source_id, a.outlet, a.title, a.byline, a.published_at, a.fetched_at, a.text, a.content_hash, a.text_source, a.text_note, a.feed_hash';

