// Channel messages, translated. Read from the raw gateway payload, so threads this process has
// never cached (after a restart, or started by another process) still reach the conversation,
// which decides whether the message is a follow-up. Answers are replies to the message.
// Without the privileged MessageContent intent Discord sends empty content except when the bot
// is mentioned: then follow-ups work by mentioning the bot.
import { Routes, type Client } from 'discord.js';
import { z } from 'zod';
import type { Conversation } from '../../conversation/conversation.ts';
import type { Replier } from '../../conversation/types.ts';
import { renderDiscord, type DiscordMessagePayload } from '../../render/discord.ts';

const messageSchema = z.object({
  id: z.string(),
  channel_id: z.string(),
  guild_id: z.string().optional(),
  author: z.object({ id: z.string(), bot: z.boolean().optional() }),
  content: z.string().default(''),
  mentions: z.array(z.object({ id: z.string() })).default([]),
  message_reference: z.object({ message_id: z.string().optional() }).optional(),
});

/** Answers go into the message's channel as replies to it; a message cannot be answered ephemerally. */
function messageReplier(client: Client, channelId: string, messageId: string): Replier {
  async function send(payloads: DiscordMessagePayload[]): Promise<string> {
    let first = '';
    for (const [n, p] of payloads.entries()) {
      const body = n === 0 ? { ...p, message_reference: { message_id: messageId, fail_if_not_exists: false } } : p;
      const sent = (await client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
      if (n === 0) first = sent.id;
    }
    return first;
  }
  return {
    async private(c) {
      await send('text' in c ? [{ content: c.text.slice(0, 2000), allowed_mentions: { parse: [] as [] } } as DiscordMessagePayload] : renderDiscord(c.doc));
    },
    async public(doc) {
      return { platform: 'discord', channelId, messageId: await send(renderDiscord(doc)), threadId: null };
    },
  };
}

export async function handleMessage(payload: unknown, env: { client: Client; conversation: Conversation }): Promise<void> {
  const parsed = messageSchema.safeParse(payload);
  const botId = env.client.user?.id;
  if (!parsed.success || !botId) return;
  const m = parsed.data;
  if (m.author.bot || m.author.id === botId) return;
  await env.conversation.message(
    {
      platform: 'discord',
      workspaceId: m.guild_id ?? 'dm',
      channelId: m.channel_id,
      userId: m.author.id,
      text: m.content.replace(new RegExp(`<@!?${botId}>`, 'g'), '').trim(),
      mentionsBot: m.mentions.some((u) => u.id === botId),
      // A thread is a channel: the message's channel is the thread a digest may be linked to.
      threadKeys: [m.channel_id],
      replyTo: m.message_reference?.message_id ?? null,
    },
    messageReplier(env.client, m.channel_id, m.id),
  );
}
