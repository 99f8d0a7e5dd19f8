// Chat posts that finally failed (after the platform client's own retries of 429s and 5xx) are
// logged and recorded in the store, one row each, so they stay visible after the fact
// (`newsbot jobs failed`), never lost silently. The conversation writes them; the CLI reads them.
import type { Platform } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import type { ChatFailure, ChatFailureStore } from '../store/ports.ts';

/** Where failed-post lists lived before they were rows; one left there could not be moved. */
export const LEGACY_FAILED_POST_KEYS = { discord: 'discord:failed-posts', slack: 'slack:failed-posts' } as const;

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** Logs and records one failed post (the console's are only logged). Never throws: it is already the error path. */
export async function recordFailedPost(
  failures: ChatFailureStore,
  log: Logger,
  platform: Platform,
  f: Pick<ChatFailure, 'what' | 'channelId'>,
  err: unknown,
): Promise<void> {
  log.error({ err, what: f.what, channelId: f.channelId }, `${platform} post failed after retries`);
  if (platform === 'console') return;
  try {
    await failures.record({ ...f, platform, error: errorText(err), at: new Date() });
  } catch (e) {
    log.error({ err: e }, `could not record a failed ${platform} post`);
  }
}
