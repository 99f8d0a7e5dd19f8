// Row <-> domain mapping shared by the SQLite ports.
import { articleFromRow, clampLimit, type ArticleRow as SharedArticleRow } from '../../store/rows.ts';

/** An articles row as SQLite returns it (the shared mapping plus its rowid-like sequence). */
export interface ArticleRow extends SharedArticleRow {
  seq: number;
}

export { articleFromRow, clampLimit };

