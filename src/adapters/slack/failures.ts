// A Slack post that finally failed (after the WebClient's retries) is logged and recorded in the
// store, so it stays visible after the fact (`slackFailures(cache)`), never lost silently. The
// record keeps the newest 100 entries. Recording never throws: it is already the error path.
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import type { CacheStore } from '../../store/ports.ts';

export const SLACK_FAILED_POSTS_KEY = 'slack:failed-posts';

const failedPost = z.object({ at: z.string(), what: z.string(), channelId: z.string(), error: z.string() });
export type SlackFailedPost = z.infer<typeof failedPost>;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export async function slackFailures(cache: CacheStore): Promise<SlackFailedPost[]> {
  const raw = await cache.get(SLACK_FAILED_POSTS_KEY);
  if (!raw) return [];
  try {
    const parsed = z.array(failedPost).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export async function recordSlackFailure(
  cache: CacheStore,
  log: Logger,
  f: { what: string; channelId: string },
  err: unknown,
): Promise<void> {
  log.error({ err, what: f.what, channelId: f.channelId }, 'slack post failed after retries');
  try {
    const list = await slackFailures(cache);
    list.push({ ...f, error: errorText(err), at: new Date().toISOString() });
    await cache.put(SLACK_FAILED_POSTS_KEY, JSON.stringify(list.slice(-100)));
  } catch (e) {
    log.error({ err: e }, 'could not record a failed slack post');
  }
}
