// Slash-command handling. The acknowledgement comes first, before any await on the store or the
// model: synchronous checks (unknown command, missing/invalid options from the definitions,
// manager rights) answer privately at once; everything else is deferred at once (public for the
// commands that post into the channel, ephemeral for management) and then edited in.
import { MessageFlags, PermissionFlagsBits, Routes, type ChatInputCommandInteraction, type Client } from 'discord.js';
import type { Command, CommandContext, Reply } from '../../../commands/types.ts';
import type { CommandDeps } from '../../../commands/deps.ts';
import { runCommand } from '../../../commands/router.ts';
import { renderDiscord, type DiscordMessagePayload } from '../../render/discord.ts';
import { errorText, recordFailure } from './failures.ts';

/** Commands whose answer is for the whole channel; the rest answer only the user. */
const PUBLIC_COMMANDS = new Set(['digest', 'whosaid', 'ask']);
const NO_MENTIONS = { parse: [] as [] };

const clip = (s: string, n = 2000) => (s.length <= n ? s : s.slice(0, n - 1) + '…');

/** Missing required options or values outside the choices; null when the options look fine. */
function syncArgumentError(cmd: Command<CommandDeps>, raw: Record<string, string | undefined>): string | null {
  for (const o of cmd.options) {
    const v = raw[o.name];
    if (o.required && (v === undefined || v.trim() === '')) return `/${cmd.name} needs ${o.name}.`;
    if (v !== undefined && o.choices && !o.choices.some((c) => c.value === v)) {
      return `${o.name} must be one of ${o.choices.map((c) => c.value).join(', ')}.`;
    }
    if (v !== undefined && o.maxLength && v.length > o.maxLength) return `${o.name} is too long (at most ${o.maxLength} characters).`;
  }
  return null;
}

function usageLine(cmd: Command<CommandDeps>): string {
  return `/${cmd.name} ${cmd.options.map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:<${o.name}>]`)).join(' ')}`;
}

export interface InteractionEnv {
  client: Client;
  deps: CommandDeps;
  commands: Command<CommandDeps>[];
}

export async function handleInteraction(i: ChatInputCommandInteraction, env: InteractionEnv): Promise<void> {
  const { deps } = env;
  const cmd = env.commands.find((c) => c.name === i.commandName);
  const canManage = i.memberPermissions?.any([PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageChannels]) ?? false;
  const raw: Record<string, string | undefined> = {};
  for (const o of i.options.data) raw[o.name] = o.value === undefined || o.value === null ? undefined : String(o.value);

  let early: string | null = null;
  if (!cmd) early = 'Unknown command. Try /digest, /whosaid or /ask.';
  else if (cmd.manage && !canManage) early = `/${cmd.name} changes this channel's setup: it needs Manage Channels or Manage Server.`;
  else {
    const argError = syncArgumentError(cmd, raw);
    if (argError) early = `${argError} Type: ${usageLine(cmd)}`;
  }
  if (early || !cmd) {
    await i.reply({ content: clip(early ?? ''), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const ephemeral = !PUBLIC_COMMANDS.has(cmd.name);
  await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});

  const ctx: CommandContext = {
    platform: 'discord',
    workspaceId: i.guildId ?? 'dm',
    channelId: i.channelId,
    threadId: i.channel?.isThread() ? i.channelId : null,
    userId: i.user.id,
    canManage,
  };
  const reply = await runCommand(cmd, raw, ctx, deps);
  await deliver(i, reply, ephemeral, env, ctx);
}

async function deliver(i: ChatInputCommandInteraction, reply: Reply, ephemeral: boolean, env: InteractionEnv, ctx: CommandContext): Promise<void> {
  const { deps } = env;
  try {
    if (reply.kind === 'private') {
      if (ephemeral) {
        await i.editReply({ content: clip(reply.text), allowedMentions: NO_MENTIONS });
      } else {
        // A public deferral cannot turn private: remove the "thinking…" message, then answer ephemerally.
        await i.deleteReply();
        await i.followUp({ content: clip(reply.text), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      }
      return;
    }
    const payloads = renderDiscord(reply.doc);
    const [first, ...rest] = payloads as [DiscordMessagePayload, ...DiscordMessagePayload[]];
    const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
    const message = await i.editReply({ embeds: first.embeds, allowedMentions: NO_MENTIONS });
    for (const p of rest) await i.followUp({ embeds: p.embeds, allowedMentions: NO_MENTIONS, ...(flags ? { flags } : {}) });
    if (reply.digest && !ephemeral && !ctx.threadId) {
      await startDigestThread(env, i.channelId, message.id, reply.digest.id, reply.digest.topic);
    }
  } catch (err) {
    await recordFailure(deps.store.cache, deps.log, { what: `/${i.commandName} reply`, channelId: i.channelId }, err);
    await i.followUp({ content: `Sorry, posting the answer failed (${clip(errorText(err), 200)}). It has been recorded.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch(() => {});
  }
}

/**
 * Starts the follow-up thread on a digest message and links it to the digest in the store (so
 * any process, after any restart, can answer in it). A thread started on a message has the
 * message's id, so replies to the message resolve to the same digest.
 */
export async function startDigestThread(env: Pick<InteractionEnv, 'client' | 'deps'>, channelId: string, messageId: string, digestId: string, topic: string): Promise<string | null> {
  const { deps } = env;
  try {
    const thread = (await env.client.rest.post(Routes.threads(channelId, messageId), {
      body: { name: clip(`Questions: ${topic}`, 100), auto_archive_duration: 1440 },
    })) as { id: string };
    await deps.store.digests.linkThread('discord', thread.id, digestId);
    if (thread.id !== messageId) await deps.store.digests.linkThread('discord', messageId, digestId);
    return thread.id;
  } catch (err) {
    await recordFailure(deps.store.cache, deps.log, { what: 'digest thread', channelId }, err);
    // Replies to the message (mentioning the bot) still reach the digest.
    await deps.store.digests.linkThread('discord', messageId, digestId).catch(() => {});
    return null;
  }
}
