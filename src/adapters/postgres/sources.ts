// SourceStore over PostgreSQL. A source is unique by url; ids are random UUIDs.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Source } from '../../domain/types.ts';
import type { SourceStore } from '../../store/ports.ts';
import { sourceFromRow, type SourceRow } from '../../store/rows.ts';
import { noNul, validDate } from './db.ts';

export function pgSources(pool: pg.Pool): SourceStore {
  const get = async (idOrUrl: string): Promise<Source | null> => {
    const { rows } = await pool.query<SourceRow>('SELECT * FROM sources WHERE id = $1 OR url = $1 LIMIT 1', [noNul(idOrUrl)]);
    return rows[0] ? sourceFromRow(rows[0]) : null;
  };

  return {
    async add({ url, kind, title, fullText }): Promise<Source> {
      await pool.query(
        'INSERT INTO sources (id, url, kind, title, added_at, fulltext) VALUES ($1, $2, $3, $4, now(), $5) ON CONFLICT (url) DO NOTHING',
        [randomUUID(), noNul(url), kind, noNul(title ?? null), fullText ?? null],
      );
      const s = await get(url);
      if (!s) throw new Error(`source ${url} could not be stored`);
      return s;
    },

    async list(): Promise<Source[]> {
      return (await pool.query<SourceRow>('SELECT * FROM sources ORDER BY added_at, url')).rows.map(sourceFromRow);
    },

    async setFullText(idOrUrl, mode): Promise<boolean> {
      return ((await pool.query('UPDATE sources SET fulltext = $2 WHERE id = $1 OR url = $1', [noNul(idOrUrl), mode])).rowCount ?? 0) > 0;
    },

    async teaserCounts(): Promise<Record<string, number>> {
      const { rows } = await pool.query<{ id: string; n: string }>(
        `SELECT source_id AS id, count(*) AS n FROM articles WHERE text_source = 'teaser' AND source_id IS NOT NULL GROUP BY source_id`,
      );
      return Object.fromEntries(rows.map((r) => [r.id, Number(r.n)]));
    },

    async remove(idOrUrl: string): Promise<boolean> {
      return ((await pool.query('DELETE FROM sources WHERE id = $1 OR url = $1', [noNul(idOrUrl)])).rowCount ?? 0) > 0;
    },

    get,

    // lastFetchedAt is the last *successful* fetch; a failure keeps it and records when to retry.
    async recordFetch(id, outcome): Promise<void> {
      if (outcome.ok) {
        await pool.query(
          `UPDATE sources SET etag = $1, last_modified = $2, title = coalesce($3, title), last_fetched_at = $4,
             last_error = NULL, error_count = 0, next_retry_at = NULL WHERE id = $5`,
          [noNul(outcome.etag), noNul(outcome.lastModified), noNul(outcome.title ?? null), validDate(outcome.at, 'at'), noNul(id)],
        );
      } else {
        await pool.query(
          'UPDATE sources SET last_error = $1, error_count = error_count + 1, next_retry_at = $2 WHERE id = $3',
          [noNul(outcome.error), validDate(outcome.nextRetryAt, 'nextRetryAt'), noNul(id)],
        );
      }
    },
  };
}
