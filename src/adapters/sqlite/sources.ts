// SourceStore over SQLite. A source is unique by url; ids are random UUIDs.
import { randomUUID } from 'node:crypto';
import type { Source } from '../../domain/types.ts';
import type { SourceStore } from '../../store/ports.ts';
import { sourceFromRow, type SourceRow } from '../../store/rows.ts';
import { type Statements, toMs } from './database.ts';

export function sqliteSources(st: Statements): SourceStore {
  const get = (idOrUrl: string): Source | null => {
    const r = st.get('SELECT * FROM sources WHERE id = ? OR url = ? LIMIT 1').get(idOrUrl, idOrUrl) as
      | SourceRow
      | undefined;
    return r ? sourceFromRow(r) : null;
  };

  return {
    async add({ url, kind, title, fullText }): Promise<Source> {
      st.get(
        'INSERT INTO sources (id, url, kind, title, added_at, fulltext) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO NOTHING',
      ).run(randomUUID(), url, kind, title ?? null, Date.now(), fullText ?? null);
      const s = get(url);
      if (!s) throw new Error(`source ${url} could not be stored`);
      return s;
    },

    async list(): Promise<Source[]> {
      return (st.get('SELECT * FROM sources ORDER BY added_at, url').all() as SourceRow[]).map(sourceFromRow);
    },

    async remove(idOrUrl: string): Promise<boolean> {
      return st.get('DELETE FROM sources WHERE id = ? OR url = ?').run(idOrUrl, idOrUrl).changes > 0;
    },

    async get(idOrUrl: string): Promise<Source | null> {
      return get(idOrUrl);
    },

    async setFullText(idOrUrl, mode): Promise<boolean> {
      return st.get('UPDATE sources SET fulltext = ? WHERE id = ? OR url = ?').run(mode, idOrUrl, idOrUrl).changes > 0;
    },

    async teaserCounts(): Promise<Record<string, number>> {
      const rows = st.get(`SELECT source_id AS id, count(*) AS n FROM articles WHERE text_source = 'teaser' AND source_id IS NOT NULL GROUP BY source_id`).all() as { id: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.id, Number(r.n)]));
    },

    // lastFetchedAt is the last *successful* fetch; a failure keeps it and records when to retry.
    async recordFetch(id, outcome): Promise<void> {
      if (outcome.ok) {
        st.get(
          `UPDATE sources SET etag = ?, last_modified = ?, title = coalesce(?, title), last_fetched_at = ?,
             last_error = NULL, error_count = 0, next_retry_at = NULL WHERE id = ?`,
        ).run(outcome.etag, outcome.lastModified, outcome.title ?? null, toMs(outcome.at, 'at'), id);
      } else {
        st.get(
          `UPDATE sources SET last_error = ?, error_count = error_count + 1, next_retry_at = ? WHERE id = ?`,
        ).run(outcome.error, toMs(outcome.nextRetryAt, 'nextRetryAt'), id);
      }
    },
  };
}
