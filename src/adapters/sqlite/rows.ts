// Row <-> domain mapping shared by the SQLite ports.
import { articleFromRow, type ArticleRow as SharedArticleRow } from '../../store/rows.ts';

/** An articles row as SQLite returns it (the shared mapping plus its rowid-like sequence). */
export interface ArticleRow extends SharedArticleRow {
  seq: number;
}

export { articleFromRow };

/** Bounds a caller's limit to [1, max], with a default for missing or nonsense values. */
export function clampLimit(limit: number | undefined, fallback: number, max = 1000): number {
  if (limit == null || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}
