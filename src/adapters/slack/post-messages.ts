// Posting rendered messages with chat.postMessage. The WebClient retries 429s (honouring
// Retry-After) and transient failures per its retryConfig; what still fails reaches the caller as
// SlackPostError, carrying the messages that did get out, so it can be logged and reported.
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../../render/slack.ts';
import { postMessageResultSchema } from './payloads.ts';

export class SlackPostError extends Error {
  constructor(
    message: string,
    /** Slack error code when the API answered one (e.g. not_in_channel), else null. */
    readonly code: string | null,
    /** ts of the messages already posted before the failure. */
    readonly posted: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SlackPostError';
  }
}

function slackCode(err: unknown): string | null {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

/**
 * Posts messages in order to a channel (inside `threadTs` when given). Returns their ts, first
 * first. Mentions are never parsed from text (`link_names: false`, and the renderer escapes).
 */
export async function postMessages(
  client: webApi.WebClient,
  channel: string,
  messages: SlackMessage[],
  opts: { threadTs?: string | undefined } = {},
): Promise<string[]> {
  const posted: string[] = [];
  for (const m of messages) {
    try {
      const res = await client.chat.postMessage({
        channel,
        text: m.text,
        blocks: m.blocks,
        ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
        link_names: false,
        unfurl_links: false,
        unfurl_media: false,
      });
      posted.push(postMessageResultSchema.parse(res).ts);
    } catch (err) {
      const code = slackCode(err);
      throw new SlackPostError(
        `chat.postMessage to ${channel} failed after retries: ${code ?? (err as Error).message}`,
        code,
        posted,
        { cause: err },
      );
    }
  }
  return posted;
}

/** A sentence a user can act on, for the codes people actually hit. */
export function postFailureHint(err: unknown): string {
  const code = err instanceof SlackPostError ? err.code : null;
  if (code === 'not_in_channel' || code === 'channel_not_found') {
    return 'I cannot post in this channel. Invite me first (/invite @newsbot) and try again.';
  }
  if (code === 'ratelimited' || /rate limit/i.test(String((err as Error)?.message))) {
    return 'Slack is rate-limiting me right now. Please try again in a minute.';
  }
  return 'Posting to Slack failed. It has been logged; please try again.';
}
