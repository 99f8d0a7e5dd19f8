// Row <-> domain mapping shared by the SQLite ports.
import type { Article } from '../../domain/types.ts';

export interface ArticleRow {
  seq: number;
  id: string;
  url: string;
  guid: string | null;
  source_id: string | null;
  outlet: string;
  title: string;
  byline: string | null;
  published_at: number;
  fetched_at: number;
  text: string;
  content_hash: string;
}

export function articleFromRow(r: ArticleRow): Article {
  return {
    id: r.id,
    url: r.url,
    guid: r.guid,
    sourceId: r.source_id,
    outlet: r.outlet,
    title: r.title,
    byline: r.byline,
    publishedAt: new Date(r.published_at),
    fetchedAt: new Date(r.fetched_at),
    text: r.text,
    contentHash: r.content_hash,
  };
}

/** Bounds a caller's limit to [1, max], with a default for missing or nonsense values. */
export function clampLimit(limit: number | undefined, fallback: number, max = 1000): number {
  if (limit == null || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}
