// CacheStore over PostgreSQL: key/value (last write wins) and model token usage per UTC day and model.
import type pg from 'pg';
import type { CacheStore } from '../../store/ports.ts';
import { noNul } from './db.ts';

export function pgCache(pool: pg.Pool): CacheStore {
  return {
    async get(key) {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM cache WHERE key = $1', [noNul(key)]);
      return rows[0] ? rows[0].value : null;
    },

    async put(key, value) {
      await pool.query(
        `INSERT INTO cache (key, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [noNul(key), noNul(value)],
      );
    },

    // Each call adds one to `calls`; token counts are clamped to non-negative integers.
    async addUsage(day, model, promptTokens, completionTokens) {
      const n = (v: number) => (Number.isFinite(v) ? Math.max(0, Math.round(v)) : 0);
      await pool.query(
        `INSERT INTO model_usage (day, model, prompt_tokens, completion_tokens, calls) VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (day, model) DO UPDATE SET prompt_tokens = model_usage.prompt_tokens + excluded.prompt_tokens,
           completion_tokens = model_usage.completion_tokens + excluded.completion_tokens, calls = model_usage.calls + 1`,
        [noNul(day), noNul(model), n(promptTokens), n(completionTokens)],
      );
    },

    async usage(sinceDay) {
      const { rows } = await pool.query<{ day: string; model: string; prompt_tokens: string; completion_tokens: string; calls: string }>(
        `SELECT day, model, prompt_tokens, completion_tokens, calls FROM model_usage WHERE day >= $1 ORDER BY day, model`,
        [noNul(sinceDay)],
      );
      // bigint arrives as a string; usage counts stay far below 2^53.
      return rows.map((r) => ({
        day: r.day,
        model: r.model,
        promptTokens: Number(r.prompt_tokens),
        completionTokens: Number(r.completion_tokens),
        calls: Number(r.calls),
      }));
    },
  };
}
