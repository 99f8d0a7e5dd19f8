// A message Discord finally refused (after @discordjs/rest retried 429s and 5xx) is logged and
// recorded in the store, so it is visible after the fact (`discordFailures(cache)`), never lost
// silently. The record list keeps the newest 100 entries.
import type { Logger } from '../../log.ts';
import type { CacheStore } from '../../store/ports.ts';

export const FAILED_POSTS_KEY = 'discord:failed-posts';

export interface FailedPost {
  at: string;
  what: string;
  channelId: string;
  error: string;
}

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
    return Array.isArray(v) ? (v as FailedPost[]) : [];
  } catch {
    return [];
  }
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);
