// DigestStore over PostgreSQL: the digest as JSON text plus the columns lookups filter on, and thread links.
import type pg from 'pg';
import type { Digest } from '../../domain/types.ts';
import type { DigestStore } from '../../store/ports.ts';
import { noNul, validDate } from './db.ts';
import { digestFromJson, topicKey } from '../../store/digest-json.ts';

export function pgDigests(pool: pg.Pool): DigestStore {
  const one = async (sql: string, params: unknown[]): Promise<Digest | null> => {
    const { rows } = await pool.query<{ body: string }>(sql, params);
    return rows[0] ? digestFromJson(rows[0].body) : null;
  };

  return {
    // Saving the same id again replaces it (where stays as given the last time).
    async save(d, where): Promise<void> {
      await pool.query(
        `INSERT INTO digests (id, topic_key, platform, workspace_id, channel_id, created_at, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET topic_key = excluded.topic_key, platform = excluded.platform,
           workspace_id = excluded.workspace_id, channel_id = excluded.channel_id,
           created_at = excluded.created_at, body = excluded.body`,
        [
          noNul(d.id),
          noNul(topicKey(d.topic)),
          noNul(where?.platform ?? null),
          noNul(where?.workspaceId ?? null),
          noNul(where?.channelId ?? null),
          validDate(d.createdAt, 'createdAt'),
          // JSON.stringify escapes a NUL as \u0000 text, which a text column holds fine.
          JSON.stringify(d),
        ],
      );
    },

    async get(id: string): Promise<Digest | null> {
      return one('SELECT body FROM digests WHERE id = $1', [noNul(id)]);
    },

    async latestFor(where, topic): Promise<Digest | null> {
      return one(
        `SELECT body FROM digests WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3 AND topic_key = $4
         ORDER BY created_at DESC LIMIT 1`,
        [noNul(where.platform), noNul(where.workspaceId), noNul(where.channelId), noNul(topicKey(topic))],
      );
    },

    // Re-linking a thread points it at the new digest (one digest per thread).
    async linkThread(platform, threadId, digestId): Promise<void> {
      await pool.query(
        `INSERT INTO thread_links (platform, thread_id, digest_id) VALUES ($1, $2, $3)
         ON CONFLICT (platform, thread_id) DO UPDATE SET digest_id = excluded.digest_id`,
        [noNul(platform), noNul(threadId), noNul(digestId)],
      );
    },

    async digestForThread(platform, threadId): Promise<Digest | null> {
      return one(
        `SELECT d.body FROM thread_links t JOIN digests d ON d.id = t.digest_id WHERE t.platform = $1 AND t.thread_id = $2`,
        [noNul(platform), noNul(threadId)],
      );
    },
  };
}
