// PostStore over SQLite: the exactly-once guard for scheduled posts, one row per (subscription, period).
import type { MessageRef } from '../../domain/types.ts';
import type { PostStore } from '../../store/ports.ts';
import type { Statements } from './database.ts';

/**
 * One statement, so it is atomic even across processes: SQLite serialises writers, and the upsert
 * only takes over an existing row that is 'failed' or a 'claimed' row older than the stale cutoff.
 * RETURNING yields a row exactly when this caller inserted or took over the claim.
 */
const CLAIM = `
  INSERT INTO posts (subscription_id, period, state, owner, claimed_at, updated_at)
  VALUES (@sub, @period, 'claimed', @owner, @now, @now)
  ON CONFLICT(subscription_id, period) DO UPDATE SET
    state = 'claimed', owner = excluded.owner, claimed_at = excluded.claimed_at, error = NULL,
    updated_at = excluded.updated_at
  WHERE posts.state = 'failed' OR (posts.state = 'claimed' AND posts.claimed_at <= @staleBefore)
  RETURNING 1 AS won`;

export function sqlitePosts(st: Statements): PostStore {
  return {
    async claim(subscriptionId, period, owner, staleAfterMs): Promise<boolean> {
      const now = Date.now();
      const stale = Number.isFinite(staleAfterMs) ? Math.max(0, staleAfterMs) : Number.MAX_SAFE_INTEGER;
      const row = st.get(CLAIM).get({ sub: subscriptionId, period, owner, now, staleBefore: now - stale });
      return row !== undefined;
    },

    async markPosted(subscriptionId, period, ref: MessageRef, digestId): Promise<void> {
      const now = Date.now();
      st.get(
        `INSERT INTO posts (subscription_id, period, state, posted_at, message_ref, digest_id, updated_at)
         VALUES (?, ?, 'posted', ?, ?, ?, ?)
         ON CONFLICT(subscription_id, period) DO UPDATE SET state = 'posted', posted_at = excluded.posted_at,
           message_ref = excluded.message_ref, digest_id = excluded.digest_id, error = NULL,
           updated_at = excluded.updated_at`,
      ).run(subscriptionId, period, now, JSON.stringify(ref), digestId, now);
    },

    // A period already posted stays posted: a late failure report must not make it claimable again.
    async markFailed(subscriptionId, period, error): Promise<void> {
      const now = Date.now();
      st.get(
        `INSERT INTO posts (subscription_id, period, state, error, updated_at) VALUES (?, ?, 'failed', ?, ?)
         ON CONFLICT(subscription_id, period) DO UPDATE SET state = 'failed', error = excluded.error,
           updated_at = excluded.updated_at WHERE posts.state <> 'posted'`,
      ).run(subscriptionId, period, error, now);
    },

    async lastPosted(subscriptionId) {
      const r = st
        .get(
          `SELECT period, digest_id, posted_at FROM posts WHERE subscription_id = ? AND state = 'posted'
           ORDER BY posted_at DESC, period DESC LIMIT 1`,
        )
        .get(subscriptionId) as { period: string; digest_id: string | null; posted_at: number } | undefined;
      return r ? { period: r.period, digestId: r.digest_id, postedAt: new Date(r.posted_at) } : null;
    },

    async failedPosts() {
      const rows = st
        .get(`SELECT subscription_id, period, error, updated_at FROM posts WHERE state = 'failed' ORDER BY updated_at DESC`)
        .all() as { subscription_id: string; period: string; error: string | null; updated_at: number }[];
      return rows.map((r) => ({
        subscriptionId: r.subscription_id,
        period: r.period,
        error: r.error ?? '',
        at: new Date(r.updated_at),
      }));
    },
  };
}
