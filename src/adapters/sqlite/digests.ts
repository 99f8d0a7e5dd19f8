// DigestStore over SQLite: the digest as JSON plus the columns lookups filter on, and thread links.
import type { Digest } from '../../domain/types.ts';
import type { DigestStore } from '../../store/ports.ts';
import { type Statements, toMs } from './database.ts';
import { digestFromJson, topicKey } from '../../store/digest-json.ts';

export function sqliteDigests(st: Statements): DigestStore {
  const one = (sql: string, ...args: unknown[]): Digest | null => {
    const r = st.get(sql).get(...args) as { body: string } | undefined;
    return r ? digestFromJson(r.body) : null;
  };

  return {
    // Saving the same id again replaces it (where stays as given the last time).
    async save(d, where): Promise<void> {
      st.get(
        `INSERT INTO digests (id, topic_key, platform, workspace_id, channel_id, created_at, body)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET topic_key = excluded.topic_key, platform = excluded.platform,
           workspace_id = excluded.workspace_id, channel_id = excluded.channel_id,
           created_at = excluded.created_at, body = excluded.body`,
      ).run(
        d.id,
        topicKey(d.topic),
        where?.platform ?? null,
        where?.workspaceId ?? null,
        where?.channelId ?? null,
        toMs(d.createdAt, 'createdAt'),
        JSON.stringify(d),
      );
    },

    async get(id: string): Promise<Digest | null> {
      return one('SELECT body FROM digests WHERE id = ?', id);
    },

    async latestFor(where, topic): Promise<Digest | null> {
      return one(
        `SELECT body FROM digests WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND topic_key = ?
         ORDER BY created_at DESC LIMIT 1`,
        where.platform,
        where.workspaceId,
        where.channelId,
        topicKey(topic),
      );
    },

    // Re-linking a thread points it at the new digest (one digest per thread).
    async linkThread(platform, threadId, digestId): Promise<void> {
      st.get(
        `INSERT INTO thread_links (platform, thread_id, digest_id) VALUES (?, ?, ?)
         ON CONFLICT(platform, thread_id) DO UPDATE SET digest_id = excluded.digest_id`,
      ).run(platform, threadId, digestId);
    },

    async digestForThread(platform, threadId): Promise<Digest | null> {
      return one(
        `SELECT d.body FROM thread_links t JOIN digests d ON d.id = t.digest_id
         WHERE t.platform = ? AND t.thread_id = ?`,
        platform,
        threadId,
      );
    },
  };
}
