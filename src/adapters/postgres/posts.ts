// PostStore over PostgreSQL: the exactly-once guard for scheduled posts, one row per (subscription, period).
import type pg from 'pg';
import type { MessageRef } from '../../domain/types.ts';
import type { PostStore } from '../../store/ports.ts';
import { noNul } from './db.ts';

/**
 * One atomic statement: a concurrent insert of the same key waits on the unique index, and the
 * DO UPDATE's WHERE is then checked against the committed row, so exactly one caller gets a row
 * back. Staleness uses the database clock, shared by every process.
 */
const CLAIM = `
  INSERT INTO posts (subscription_id, period, state, owner, claimed_at, updated_at)
  VALUES ($1, $2, 'claimed', $3, clock_timestamp(), clock_timestamp())
  ON CONFLICT (subscription_id, period) DO UPDATE SET
    state = 'claimed', owner = excluded.owner, claimed_at = excluded.claimed_at, error = NULL,
    updated_at = excluded.updated_at
  WHERE posts.state = 'failed'
     OR (posts.state = 'claimed' AND posts.claimed_at <= clock_timestamp() - make_interval(secs => $4::float8 / 1000))
  RETURNING 1 AS won`;

/** Stand-in for "never stale" (about 31 years, in ms; still a valid interval). */
const NEVER_MS = 1e12;

export function pgPosts(pool: pg.Pool): PostStore {
  return {
    async claim(subscriptionId, period, owner, staleAfterMs): Promise<boolean> {
      const stale = Number.isFinite(staleAfterMs) ? Math.min(NEVER_MS, Math.max(0, staleAfterMs)) : NEVER_MS;
      const res = await pool.query(CLAIM, [noNul(subscriptionId), noNul(period), noNul(owner), stale]);
      return (res.rowCount ?? 0) > 0;
    },

    async markPosted(subscriptionId, period, ref: MessageRef, digestId): Promise<void> {
      await pool.query(
        `INSERT INTO posts (subscription_id, period, state, posted_at, message_ref, digest_id, updated_at)
         VALUES ($1, $2, 'posted', clock_timestamp(), $3, $4, clock_timestamp())
         ON CONFLICT (subscription_id, period) DO UPDATE SET state = 'posted', posted_at = excluded.posted_at,
           message_ref = excluded.message_ref, digest_id = excluded.digest_id, error = NULL,
           updated_at = excluded.updated_at`,
        [noNul(subscriptionId), noNul(period), noNul(JSON.stringify(ref)), noNul(digestId)],
      );
    },

    // A period already posted stays posted: a late failure report must not make it claimable again.
    async markFailed(subscriptionId, period, error): Promise<void> {
      await pool.query(
        `INSERT INTO posts (subscription_id, period, state, error, updated_at) VALUES ($1, $2, 'failed', $3, clock_timestamp())
         ON CONFLICT (subscription_id, period) DO UPDATE SET state = 'failed', error = excluded.error,
           updated_at = excluded.updated_at WHERE posts.state <> 'posted'`,
        [noNul(subscriptionId), noNul(period), noNul(error)],
      );
    },

    async lastPosted(subscriptionId) {
      const { rows } = await pool.query<{ period: string; digest_id: string | null; posted_at: Date }>(
        `SELECT period, digest_id, posted_at FROM posts WHERE subscription_id = $1 AND state = 'posted'
         ORDER BY posted_at DESC, period DESC LIMIT 1`,
        [noNul(subscriptionId)],
      );
      const r = rows[0];
      return r ? { period: r.period, digestId: r.digest_id, postedAt: r.posted_at } : null;
    },

    async failedPosts() {
      const { rows } = await pool.query<{ subscription_id: string; period: string; error: string | null; updated_at: Date }>(
        `SELECT subscription_id, period, error, updated_at FROM posts WHERE state = 'failed' ORDER BY updated_at DESC`,
      );
      return rows.map((r) => ({ subscriptionId: r.subscription_id, period: r.period, error: r.error ?? '', at: r.updated_at }));
    },
  };
}
