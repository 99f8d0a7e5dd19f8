// A Slack post that finally failed (after the WebClient's retries) is logged and recorded in the
// store (src/chat/failed-posts.ts), so it stays visible after the fact, never lost silently.
import type { Logger } from '../../log.ts';
import { failedChatPosts, recordFailedPost, type FailedPost } from '../../chat/failed-posts.ts';
import type { CacheStore } from '../../store/ports.ts';

export const recordSlackFailure = (cache: CacheStore, log: Logger, f: Pick<FailedPost, 'what' | 'channelId'>, err: unknown): Promise<void> =>
  recordFailedPost(cache, log, 'slack', f, err);

export const slackFailures = (cache: CacheStore): Promise<FailedPost[]> => failedChatPosts(cache, 'slack');
