// ChatFailureStore over PostgreSQL: one row per failed chat post, trimmed to the newest per platform.
import type pg from 'pg';
import { CHAT_FAILURES_KEPT, type ChatFailure, type ChatFailureStore } from '../../store/ports.ts';
import { noNul, tx, validDate } from './db.ts';

export function pgChatFailures(pool: pg.Pool): ChatFailureStore {
  return {
    async record(f) {
      await tx(pool, async (c) => {
        await c.query('INSERT INTO failed_chat_posts (platform, what, channel_id, error, at) VALUES ($1, $2, $3, $4, $5)', [
          f.platform, noNul(f.what), noNul(f.channelId), noNul(f.error), validDate(f.at, 'at'),
        ]);
        await c.query(
          `DELETE FROM failed_chat_posts WHERE platform = $1 AND id NOT IN
             (SELECT id FROM failed_chat_posts WHERE platform = $1 ORDER BY id DESC LIMIT $2)`,
          [f.platform, CHAT_FAILURES_KEPT],
        );
      });
    },

    async list() {
      const { rows } = await pool.query<{ platform: ChatFailure['platform']; what: string; channel_id: string; error: string; at: Date }>(
        'SELECT platform, what, channel_id, error, at FROM failed_chat_posts ORDER BY at, id',
      );
      return rows.map((r) => ({ platform: r.platform, what: r.what, channelId: r.channel_id, error: r.error, at: r.at }));
    },
  };
}
