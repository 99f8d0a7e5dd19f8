// SubscriptionStore over PostgreSQL. Ids are random UUIDs; createdAt is set here.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Subscription } from '../../domain/types.ts';
import type { SubscriptionStore } from '../../store/ports.ts';
import { subscriptionFromRow, type SubscriptionRow } from '../../store/rows.ts';
import { noNul } from './db.ts';

export function pgSubscriptions(pool: pg.Pool): SubscriptionStore {
  return {
    async add(s): Promise<Subscription> {
      const sub: Subscription = { ...s, id: randomUUID(), createdAt: new Date() };
      await pool.query(
        `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, topic, cron, timezone, quiet_hours,
           max_stories, when_empty, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          sub.id,
          sub.platform,
          noNul(sub.workspaceId),
          noNul(sub.channelId),
          noNul(sub.topic),
          noNul(sub.cron),
          noNul(sub.timezone),
          noNul(sub.quietHours ?? null),
          sub.maxStories,
          sub.whenEmpty,
          noNul(sub.createdBy),
          sub.createdAt,
        ],
      );
      return sub;
    },

    async list(filter = {}): Promise<Subscription[]> {
      // NULL filter values match everything.
      const { rows } = await pool.query<SubscriptionRow>(
        `SELECT * FROM subscriptions WHERE ($1::text IS NULL OR platform = $1)
           AND ($2::text IS NULL OR workspace_id = $2) AND ($3::text IS NULL OR channel_id = $3)
         ORDER BY created_at, id`,
        [noNul(filter.platform ?? null), noNul(filter.workspaceId ?? null), noNul(filter.channelId ?? null)],
      );
      return rows.map(subscriptionFromRow);
    },

    async get(id: string): Promise<Subscription | null> {
      const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = $1', [noNul(id)]);
      return rows[0] ? subscriptionFromRow(rows[0]) : null;
    },

    async remove(id: string): Promise<boolean> {
      return ((await pool.query('DELETE FROM subscriptions WHERE id = $1', [noNul(id)])).rowCount ?? 0) > 0;
    },
  };
}
