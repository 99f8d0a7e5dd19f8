// Chat posts that finally failed (after the platform client's own retries of 429s and 5xx) are
// logged and recorded in the store's cache, one list per platform, so they stay visible after the
// fact (`newsbot jobs failed`), never lost silently. Each list is a JSON array of
// { at: ISO time, what, channelId, error }, newest last, keeping the newest 100. Shared by the chat
// adapters (which write) and the CLI (which reads) so key and shape cannot drift apart.
import { z } from 'zod';
import type { Platform } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import type { CacheStore } from '../store/ports.ts';
import { debugLog } from '../debug-log.ts';

export const FAILED_POST_KEYS = { discord: 'discord:failed-posts', slack: 'slack:failed-posts' } as const;
export type FailedPostPlatform = keyof typeof FAILED_POST_KEYS;

export const failedPostSchema = z.object({ at: z.string(), what: z.string(), channelId: z.string(), error: z.string() });
export type FailedPost = z.infer<typeof failedPostSchema>;

const KEEP = 100;

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** The recorded failures of one platform, oldest first; unreadable records are left out. */
export async function failedChatPosts(cache: CacheStore, platform: FailedPostPlatform): Promise<FailedPost[]> {
  const raw = await cache.get(FAILED_POST_KEYS[platform]);
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return [];
    return v.flatMap((item) => {
      const r = failedPostSchema.safeParse(item);
      return r.success ? [r.data] : [];
    });
  } catch (err) {
    debugLog('failed-post record is not JSON: %s', err);
    return [];
  }
}

/** Logs and records one failed post (the console's are only logged). Never throws: it is already the error path. */
export async function recordFailedPost(
  cache: CacheStore,
  log: Logger,
  platform: Platform,
  f: Pick<FailedPost, 'what' | 'channelId'>,
  err: unknown,
): Promise<void> {
  log.error({ err, what: f.what, channelId: f.channelId }, `${platform} post failed after retries`);
  if (platform === 'console') return;
  try {
    const list = await failedChatPosts(cache, platform);
    list.push({ ...f, error: errorText(err), at: new Date().toISOString() });
    await cache.put(FAILED_POST_KEYS[platform], JSON.stringify(list.slice(-KEEP)));
  } catch (e) {
    log.error({ err: e }, `could not record a failed ${platform} post`);
  }
}
