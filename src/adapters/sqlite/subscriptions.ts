// SubscriptionStore over SQLite. Ids are random UUIDs; createdAt is set here.
import { randomUUID } from 'node:crypto';
import type { Subscription } from '../../domain/types.ts';
import type { SubscriptionStore } from '../../store/ports.ts';
import { subscriptionFromRow, type SubscriptionRow } from '../../store/rows.ts';
import type { Statements } from './database.ts';

export function sqliteSubscriptions(st: Statements): SubscriptionStore {
  return {
    async add(s): Promise<Subscription> {
      const sub: Subscription = { ...s, id: randomUUID(), createdAt: new Date() };
      st.get(
        `INSERT INTO subscriptions (id, platform, workspace_id, channel_id, topic, cron, timezone, quiet_hours,
           max_stories, when_empty, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        sub.id,
        sub.platform,
        sub.workspaceId,
        sub.channelId,
        sub.topic,
        sub.cron,
        sub.timezone,
        sub.quietHours ?? null,
        sub.maxStories,
        sub.whenEmpty,
        sub.createdBy,
        sub.createdAt.getTime(),
      );
      return sub;
    },

    async list(filter = {}): Promise<Subscription[]> {
      // NULL filter values match everything, so one cached statement serves every combination.
      const rows = st
        .get(
          `SELECT * FROM subscriptions WHERE (@platform IS NULL OR platform = @platform)
             AND (@workspaceId IS NULL OR workspace_id = @workspaceId)
             AND (@channelId IS NULL OR channel_id = @channelId) ORDER BY created_at, id`,
        )
        .all({
          platform: filter.platform ?? null,
          workspaceId: filter.workspaceId ?? null,
          channelId: filter.channelId ?? null,
        }) as SubscriptionRow[];
      return rows.map(subscriptionFromRow);
    },

    async get(id: string): Promise<Subscription | null> {
      const r = st.get('SELECT * FROM subscriptions WHERE id = ?').get(id) as SubscriptionRow | undefined;
      return r ? subscriptionFromRow(r) : null;
    },

    async remove(id: string): Promise<boolean> {
      return st.get('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0;
    },
  };
}
