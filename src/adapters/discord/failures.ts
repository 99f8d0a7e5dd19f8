// A message Discord finally refused (after @discordjs/rest retried 429s and 5xx) is logged and
// recorded in the store, so it is visible after the fact (`discordFailures(cache)`), never lost
// silently. The record list keeps the newest 100 entries.
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import type { CacheStore } from '../../store/ports.ts';

export const FAILED_POSTS_KEY = 'discord:failed-posts';

/** One record; `newsbot jobs failed` reads the same shape (src/cli/jobs.ts), keep them in step. */
const failedPost = z.object({ at: z.string(), what: z.string(), channelId: z.string(), error: z.string() });
export type FailedPost = z.infer<typeof failedPost>;

export async function recordFailure(cache: CacheStore, log: Logger, f: Pick<FailedPost, 'what' | 'channelId'>, err: unknown): Promise<void> {
  log.error({ err, what: f.what, channelId: f.channelId }, 'discord post failed after retries');
  try {
    const list = await discordFailures(cache);
    list.push({ ...f, error: errorText(err), at: new Date().toISOString() });
    await cache.put(FAILED_POSTS_KEY, JSON.stringify(list.slice(-100)));
  } catch (e) {
    log.error({ err: e }, 'could not record a failed discord post');
  }
}

export async function discordFailures(cache: CacheStore): Promise<FailedPost[]> {
  const raw = await cache.get(FAILED_POSTS_KEY);
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    // Malformed records are dropped here (the writer rewrites the list); the CLI reports them.
    if (!Array.isArray(v)) return [];
    return v.flatMap((item) => {
      const r = failedPost.safeParse(item);
      return r.success ? [r.data] : [];
    });
  } catch {
    return [];
  }
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);
