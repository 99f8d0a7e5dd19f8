// CacheStore over SQLite: key/value (last write wins) and model token usage per UTC day and model.
import type { CacheStore } from '../../store/ports.ts';
import type { Statements } from './database.ts';

export function sqliteCache(st: Statements): CacheStore {
  return {
    async get(key) {
      const r = st.get('SELECT value FROM cache WHERE key = ?').get(key) as { value: string } | undefined;
      return r ? r.value : null;
    },

    async put(key, value) {
      st.get(
        `INSERT INTO cache (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(key, value, Date.now());
    },

    // Each call adds one to `calls`; token counts are clamped to non-negative integers.
    async addUsage(day, model, promptTokens, completionTokens) {
      const n = (v: number) => (Number.isFinite(v) ? Math.max(0, Math.round(v)) : 0);
      st.get(
        `INSERT INTO model_usage (day, model, prompt_tokens, completion_tokens, calls) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT(day, model) DO UPDATE SET prompt_tokens = prompt_tokens + excluded.prompt_tokens,
           completion_tokens = completion_tokens + excluded.completion_tokens, calls = calls + 1`,
      ).run(day, model, n(promptTokens), n(completionTokens));
    },

    async usage(sinceDay) {
      const rows = st
        .get(
          `SELECT day, model, prompt_tokens, completion_tokens, calls FROM model_usage WHERE day >= ?
           ORDER BY day, model`,
        )
        .all(sinceDay) as { day: string; model: string; prompt_tokens: number; completion_tokens: number; calls: number }[];
      return rows.map((r) => ({
        day: r.day,
        model: r.model,
        promptTokens: r.prompt_tokens,
        completionTokens: r.completion_tokens,
        calls: r.calls,
      }));
    },
  };
}
