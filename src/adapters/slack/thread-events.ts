// Channel messages and mentions, translated. A user's message in a thread, or an @mention of the
// bot, goes to the conversation, which decides whether it is a follow-up; answers go into that
// thread. Bots (including this one) are never answered.
import type { App } from '@slack/bolt';
import { PartialPostError } from '../../chat/port.ts';
import type { Conversation } from '../../conversation/conversation.ts';
import type { IncomingMessage, Posted, Replier } from '../../conversation/types.ts';
import type { Doc } from '../../render/document.ts';
import { renderSlack } from '../../render/slack.ts';
import { appMentionEventSchema, messageEventSchema, stripMentions } from './payloads.ts';
import { postMessages, postFailureHint, SlackPostError } from './post-messages.ts';

/**
 * Posts a document in a channel (inside `threadTs` when given). On Slack a thread is the first
 * message's ts, so asking for one costs nothing. A failure after the first message went out
 * becomes PartialPostError.
 */
export async function publicPost(client: App['client'], channel: string, threadTs: string | null, doc: Doc, opts: { startThread?: string } = {}): Promise<Posted> {
  const messages = renderSlack(doc);
  const refTo = (first: string): Posted => ({
    platform: 'slack',
    channelId: channel,
    messageId: first,
    threadId: threadTs ?? (opts.startThread !== undefined ? first : null),
  });
  try {
    const ts = await postMessages(client, channel, messages, { threadTs: threadTs ?? undefined });
    return refTo(ts[0]!);
  } catch (err) {
    const sent = err instanceof SlackPostError ? err.posted : [];
    if (sent.length > 0) throw new PartialPostError(refTo(sent[0]!), sent.length, messages.length, { cause: err });
    throw err;
  }
}

function threadReplier(client: App['client'], channel: string, user: string, threadTs: string): Replier {
  return {
    async private(c) {
      const m = 'text' in c ? { text: c.text } : renderSlack(c.doc)[0]!;
      await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...m });
    },
    public: (doc) => publicPost(client, channel, threadTs, doc),
    failureText: postFailureHint,
  };
}

/**
 * Slack re-sends an event it thinks timed out. We acknowledge before working, so a timeout retry
 * means the first delivery did arrive (possibly at another process): answering again would post
 * the answer twice. Retries for other reasons (our process was down) are answered.
 */
function isTimeoutRetry(context: { retryNum?: number; retryReason?: string }): boolean {
  return Boolean(context.retryNum) && context.retryReason === 'http_timeout';
}

export function registerThreadEvents(app: App, h: { conversation: Conversation; log: import('../../log.ts').Logger }): void {
  const ask = async (client: App['client'], m: IncomingMessage, threadTs: string) => {
    try {
      await h.conversation.message(m, threadReplier(client, m.channelId, m.userId, threadTs));
    } catch (err) {
      h.log.error({ err, channel: m.channelId }, 'slack thread follow-up failed');
    }
  };

  app.event('message', async ({ event, client, context }) => {
    const ev = messageEventSchema.safeParse(event);
    if (!ev.success) return;
    const m = ev.data;
    // Edits, joins, bot posts and top-level messages are not questions about a digest.
    // ("Also send to channel" replies carry subtype thread_broadcast and are questions too.)
    if ((m.subtype && m.subtype !== 'thread_broadcast') || m.bot_id || !m.user || !m.thread_ts || m.thread_ts === m.ts) return;
    if (isTimeoutRetry(context)) return;
    if (context.botUserId && m.user === context.botUserId) return;
    // A message that mentions the bot also arrives as app_mention; answer it once, there.
    if (context.botUserId && m.text.includes(`<@${context.botUserId}`)) return;
    const team = m.team ?? context.teamId ?? 'unknown';
    const msg = { platform: 'slack' as const, workspaceId: team, channelId: m.channel, userId: m.user, text: stripMentions(m.text), mentionsBot: false, threadKeys: [m.thread_ts] };
    await ask(client, msg, m.thread_ts);
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const ev = appMentionEventSchema.safeParse(event);
    if (!ev.success || ev.data.bot_id || !ev.data.user) return;
    const m = ev.data;
    if (context.botUserId && m.user === context.botUserId) return;
    if (isTimeoutRetry(context)) return;
    // Answered in the mention's thread, or in a new thread under the mention.
    const threadTs = m.thread_ts ?? m.ts;
    const team = m.team ?? context.teamId ?? 'unknown';
    const msg = { platform: 'slack' as const, workspaceId: team, channelId: m.channel, userId: m.user!, text: stripMentions(m.text), mentionsBot: true, threadKeys: [threadTs] };
    await ask(client, msg, threadTs);
  });
}
