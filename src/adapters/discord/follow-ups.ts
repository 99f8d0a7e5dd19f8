// Follow-up questions: a message in a digest's thread, or a reply to a digest message that
// mentions the bot, is answered from that digest's sources (through the `ask` command, so the
// same validation and answering apply). Read from the raw gateway payload, so it works for
// threads this process has never cached (after a restart, or started by another process).
// Without the privileged MessageContent intent Discord sends empty content except when the bot
// is mentioned: then follow-ups work by mentioning the bot.
import { Routes, type Client } from 'discord.js';
import { z } from 'zod';
import type { Command, CommandContext } from '../../../commands/types.ts';
import type { CommandDeps } from '../../../commands/deps.ts';
import { runCommand } from '../../../commands/router.ts';
import { renderDiscord } from '../../render/discord.ts';
import { recordFailure } from './failures.ts';

const messageSchema = z.object({
  id: z.string(),
  channel_id: z.string(),
  guild_id: z.string().optional(),
  author: z.object({ id: z.string(), bot: z.boolean().optional() }),
  content: z.string().default(''),
  mentions: z.array(z.object({ id: z.string() })).default([]),
  message_reference: z.object({ message_id: z.string().optional() }).optional(),
});

export interface FollowUpEnv {
  client: Client;
  deps: CommandDeps;
  commands: Command<CommandDeps>[];
}

export async function handleMessage(payload: unknown, env: FollowUpEnv): Promise<void> {
  const parsed = messageSchema.safeParse(payload);
  const botId = env.client.user?.id;
  if (!parsed.success || !botId) return;
  const m = parsed.data;
  if (m.author.bot || m.author.id === botId) return;
  const mentionsBot = m.mentions.some((u) => u.id === botId);
  const { store } = env.deps;

  let threadKey: string | null = null;
  if (await store.digests.digestForThread('discord', m.channel_id)) threadKey = m.channel_id;
  else if (mentionsBot && m.message_reference?.message_id && (await store.digests.digestForThread('discord', m.message_reference.message_id))) {
    threadKey = m.message_reference.message_id;
  }
  if (!threadKey && !mentionsBot) return;

  const question = m.content.replace(new RegExp(`<@!?${botId}>`, 'g'), '').trim();
  const ask = env.commands.find((c) => c.name === 'ask');
  if (!question || !ask) return;
  const ctx: CommandContext = {
    platform: 'discord',
    workspaceId: m.guild_id ?? 'dm',
    channelId: m.channel_id,
    threadId: threadKey,
    userId: m.author.id,
    canManage: false,
  };
  const reply = await runCommand(ask, { question }, ctx, env.deps);
  const payloads =
    reply.kind === 'doc' ? renderDiscord(reply.doc) : [{ content: reply.text.slice(0, 2000), allowed_mentions: { parse: [] as [] } }];
  try {
    for (const [n, p] of payloads.entries()) {
      const body = n === 0 ? { ...p, message_reference: { message_id: m.id, fail_if_not_exists: false } } : p;
      await env.client.rest.post(Routes.channelMessages(m.channel_id), { body });
    }
  } catch (err) {
    await recordFailure(store.cache, env.deps.log, { what: 'follow-up answer', channelId: m.channel_id }, err);
  }
}
