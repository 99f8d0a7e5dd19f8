// Slash commands, translated. The acknowledgement comes first, before any await on the store or
// the model: the conversation's synchronous checks (unknown command, options, rights) answer
// privately at once; everything else is deferred at once, the way the command's answers usually
// go (public or ephemeral), and the reply is then edited in. A reply whose visibility differs from
// the deferral replaces it (the deferred message is deleted and a follow-up sent instead).
import { MessageFlags, PermissionFlagsBits, Routes, type ChatInputCommandInteraction, type Client } from 'discord.js';
import type { Conversation } from '../../conversation/conversation.ts';
import type { CommandContext, Posted, Replier } from '../../conversation/types.ts';
import { errorText } from '../../conversation/failed-posts.ts';
import type { Doc } from '../../render/document.ts';
import { renderDiscord, type DiscordMessagePayload } from '../../render/discord.ts';

const NO_MENTIONS = { parse: [] as [] };

export const clip = (s: string, n = 2000) => (s.length <= n ? s : s.slice(0, n - 1) + '…');

/** Starts a thread on a posted message (a thread started on a message has the message's id). */
export async function startThread(client: Client, channelId: string, messageId: string, name: string): Promise<string> {
  const t = (await client.rest.post(Routes.threads(channelId, messageId), { body: { name: clip(name, 100), auto_archive_duration: 1440 } })) as { id: string };
  return t.id;
}

function interactionReplier(i: ChatInputCommandInteraction, client: Client, deferredPrivate: boolean): Replier {
  let replaced = false;
  // The first message of an answer edits the deferral when the visibility matches; otherwise the
  // deferral is removed and the answer goes out as follow-ups with the right flags.
  async function send(payloads: DiscordMessagePayload[], priv: boolean): Promise<string> {
    const flags = priv ? { flags: MessageFlags.Ephemeral as const } : {};
    const [first, ...rest] = payloads as [DiscordMessagePayload, ...DiscordMessagePayload[]];
    const body = { ...(first.content ? { content: first.content } : {}), ...(first.embeds.length ? { embeds: first.embeds } : {}), allowedMentions: NO_MENTIONS };
    let id: string;
    if (priv === deferredPrivate && !replaced) id = (await i.editReply(body)).id;
    else {
      if (!replaced) await i.deleteReply();
      replaced = true;
      id = (await i.followUp({ ...body, ...flags })).id;
    }
    for (const p of rest) await i.followUp({ embeds: p.embeds, allowedMentions: NO_MENTIONS, ...flags });
    return id;
  }
  return {
    async private(c) {
      const payloads: DiscordMessagePayload[] = 'text' in c ? [{ content: clip(c.text), embeds: [], allowed_mentions: NO_MENTIONS }] : renderDiscord(c.doc);
      await send(payloads, true);
    },
    async public(doc: Doc, opts = {}) {
      const messageId = await send(renderDiscord(doc), false);
      const posted: Posted = { platform: 'discord', channelId: i.channelId, messageId, threadId: null };
      if (!opts.startThread) return posted;
      try {
        posted.threadId = await startThread(client, i.channelId, messageId, opts.startThread);
      } catch (err) {
        posted.threadError = err;
      }
      return posted;
    },
    failureText: (err) => `Sorry, posting the answer failed (${clip(errorText(err), 200)}). It has been recorded.`,
  };
}

export async function handleInteraction(i: ChatInputCommandInteraction, env: { client: Client; conversation: Conversation }): Promise<void> {
  const { conversation } = env;
  const canManage = i.memberPermissions?.any([PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageChannels]) ?? false;
  const raw: Record<string, string | undefined> = {};
  for (const o of i.options.data) raw[o.name] = o.value === undefined || o.value === null ? undefined : String(o.value);

  const refusal = conversation.precheck(i.commandName, raw, { platform: 'discord', canManage });
  if (refusal) {
    await i.reply({ content: clip(refusal), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const deferredPrivate = conversation.commands.find((c) => c.name === i.commandName)?.visibility !== 'public';
  await i.deferReply(deferredPrivate ? { flags: MessageFlags.Ephemeral } : {});
  const ctx: CommandContext = {
    platform: 'discord',
    workspaceId: i.guildId ?? 'dm',
    channelId: i.channelId,
    threadId: i.channel?.isThread() ? i.channelId : null,
    userId: i.user.id,
    canManage,
  };
  await conversation.command(i.commandName, raw, ctx, interactionReplier(i, env.client, deferredPrivate));
}
