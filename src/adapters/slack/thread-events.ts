// Follow-up questions. A user message in the thread of a posted digest (the thread's ts is linked
// to the digest in the store, so this survives restarts and works across processes), or any
// @mention of the bot, is answered in that thread by the `ask` command, which answers from the
// linked digest's sources when there is one. Bots (including this one) are never answered.
import type { App } from '@slack/bolt';
import type { CommandContext } from '../../../commands/types.ts';
import { runCommand } from '../../../commands/router.ts';
import { renderSlack } from '../../render/slack.ts';
import { appMentionEventSchema, messageEventSchema, stripMentions } from './payloads.ts';
import { recordSlackFailure } from './failures.ts';
import { postMessages } from './post-messages.ts';
import type { SlackHandlerDeps } from './slash-commands.ts';

interface Question {
  team: string;
  channel: string;
  user: string;
  threadTs: string;
  text: string;
}

async function answerInThread(client: App['client'], q: Question, h: SlackHandlerDeps): Promise<void> {
  const ask = h.commands.find((c) => c.name === 'ask');
  if (!ask) {
    h.log.warn('no ask command registered; slack follow-up ignored');
    return;
  }
  const raw = ask.parseText(q.text);
  const ctx: CommandContext = {
    platform: 'slack',
    workspaceId: q.team,
    channelId: q.channel,
    threadId: q.threadTs,
    userId: q.user,
    canManage: false,
  };
  const reply =
    'error' in raw && typeof raw.error === 'string'
      ? ({ kind: 'private', text: raw.error } as const)
      : await runCommand(ask, raw as Record<string, string>, ctx, h.deps);
  try {
    if (reply.kind === 'private') {
      await client.chat.postEphemeral({ channel: q.channel, user: q.user, thread_ts: q.threadTs, text: reply.text });
    } else {
      await postMessages(client, q.channel, renderSlack(reply.doc), { threadTs: q.threadTs });
    }
  } catch (err) {
    await recordSlackFailure(h.deps.store.cache, h.log, { what: `follow-up answer in thread ${q.threadTs}`, channelId: q.channel }, err);
  }
}

/**
 * Slack re-sends an event it thinks timed out. We acknowledge before working, so a timeout retry
 * means the first delivery did arrive (possibly at another process): answering again would post
 * the answer twice. Retries for other reasons (our process was down) are answered.
 */
function isTimeoutRetry(context: { retryNum?: number; retryReason?: string }): boolean {
  return Boolean(context.retryNum) && context.retryReason === 'http_timeout';
}

export function registerThreadEvents(app: App, h: SlackHandlerDeps): void {
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
    const text = stripMentions(m.text);
    if (!text) return;
    try {
      const digest = await h.deps.store.digests.digestForThread('slack', m.thread_ts);
      if (!digest) return;
      const team = m.team ?? context.teamId ?? 'unknown';
      await answerInThread(client, { team, channel: m.channel, user: m.user, threadTs: m.thread_ts, text }, h);
    } catch (err) {
      h.log.error({ err, channel: m.channel }, 'slack thread follow-up failed');
    }
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const ev = appMentionEventSchema.safeParse(event);
    if (!ev.success || ev.data.bot_id || !ev.data.user) return;
    const m = ev.data;
    if (context.botUserId && m.user === context.botUserId) return;
    if (isTimeoutRetry(context)) return;
    const threadTs = m.thread_ts ?? m.ts;
    const team = m.team ?? context.teamId ?? 'unknown';
    await answerInThread(client, { team, channel: m.channel, user: m.user!, threadTs, text: stripMentions(m.text) }, h);
  });
}
