// A message Discord finally refused (after @discordjs/rest retried 429s and 5xx) is logged and
// recorded in the store (src/chat/failed-posts.ts), so it is visible after the fact, never lost.
import type { Logger } from '../../log.ts';
import { errorText, failedChatPosts, recordFailedPost, type FailedPost } from '../../chat/failed-posts.ts';
import type { CacheStore } from '../../store/ports.ts';

export { errorText, type FailedPost };

export const recordFailure = (cache: CacheStore, log: Logger, f: Pick<FailedPost, 'what' | 'channelId'>, err: unknown): Promise<void> =>
  recordFailedPost(cache, log, 'discord', f, err);

export const discordFailures = (cache: CacheStore): Promise<FailedPost[]> => failedChatPosts(cache, 'discord');
