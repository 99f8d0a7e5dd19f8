// The Discord chat adapter (discord.js v14). Owns the gateway connection, acknowledgement within
// 3 s, rendering within Discord's limits, threads under digests and follow-up answers.
//
// Intents: Guilds, GuildMessages and MessageContent. MessageContent is privileged (enable it in
// the Developer Portal, Bot > Privileged Gateway Intents); without it Discord sends message text
// only when the bot is mentioned, so follow-up questions then work by mentioning the bot.
// REST 429s and 5xx are retried by @discordjs/rest (rate-limit aware, `retries` times); what
// still fails is recorded through the conversation (its failed-post record) and surfaced.
import { Client, Events, GatewayIntentBits, Routes } from 'discord.js';
import { PartialPostError, type ChatAdapter, type Posted } from '../../chat/port.ts';
import type { Conversation } from '../../conversation/conversation.ts';
import type { ChannelRef } from '../../domain/types.ts';
import type { Logger } from '../../log.ts';
import type { Doc } from '../../render/document.ts';
import { renderDiscord } from '../../render/discord.ts';
import type { CacheStore } from '../../store/ports.ts';
import { handleMessage } from './follow-ups.ts';
import { handleInteraction, startThread } from './interactions.ts';
import { ensureCommandsRegistered } from './register.ts';

export interface DiscordAdapterOptions {
  token: string;
  /** Base REST URL (DISCORD_API_URL); discord.js then reads the gateway URL from its /gateway/bot. */
  apiUrl?: string | undefined;
  /** Register commands to this guild (instant) instead of globally. */
  guildId?: string | undefined;
  conversation: Conversation;
  /** Where the hash of the last registered command definitions is kept. */
  cache: CacheStore;
  log: Logger;
  /** Register slash commands on start when their definitions changed (default true). */
  registerOnStart?: boolean;
  /** Shard ids and count when run under the ShardingManager (shards.ts); omitted: one shard. */
  shards?: { ids: number[]; count: number };
  /** REST retries for 5xx/network errors (default 3, as in @discordjs/rest). */
  restRetries?: number;
}

export interface DiscordAdapter extends ChatAdapter {
  readonly client: Client;
}

export function createDiscordAdapter(o: DiscordAdapterOptions): DiscordAdapter {
  const { conversation, log } = o;
  const recordFailure = (f: { what: string; channelId: string }, err: unknown) => conversation.recordFailure('discord', f, err);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    allowedMentions: { parse: [] },
    rest: { ...(o.apiUrl ? { api: o.apiUrl } : {}), retries: o.restRetries ?? 3 },
    ...(o.shards ? { shards: o.shards.ids, shardCount: o.shards.count } : {}),
  });
  const env = { client, conversation };

  client.on(Events.InteractionCreate, (i) => {
    if (!i.isChatInputCommand()) return;
    handleInteraction(i, env).catch((err: unknown) => log.error({ err, command: i.commandName }, 'discord interaction failed'));
  });
  // Raw payloads: follow-ups must work in threads this process never cached (see follow-ups.ts).
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (packet.t !== 'MESSAGE_CREATE') return;
    handleMessage(packet.d, env).catch((err: unknown) => log.error({ err }, 'discord follow-up failed'));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (ev, id) => log.warn({ code: ev.code, shard: id }, 'discord shard disconnected'));

  async function post(where: ChannelRef, doc: Doc, opts: { startThread?: string } = {}): Promise<Posted> {
    const channelId = where.threadId ?? where.channelId;
    const payloads = renderDiscord(doc);
    const ids: string[] = [];
    let failure: unknown = null;
    for (const p of payloads) {
      try {
        const msg = (await client.rest.post(Routes.channelMessages(channelId), { body: p })) as { id: string };
        ids.push(msg.id);
      } catch (err) {
        failure = err;
        await recordFailure({ what: `post (${ids.length} of ${payloads.length} messages sent)`, channelId }, err);
        break;
      }
    }
    if (ids.length === 0) throw failure;
    const messageId = ids[0]!;
    let threadId: string | null = null;
    if (opts.startThread && !where.threadId) {
      try {
        threadId = await startThread(client, channelId, messageId, opts.startThread);
      } catch (err) {
        // The digest itself is posted; only the thread is missing. Recorded, not thrown, so the
        // scheduler does not post the digest twice.
        await recordFailure({ what: 'scheduled digest thread', channelId }, err);
      }
    }
    const ref: Posted = { platform: 'discord', channelId, messageId, threadId };
    if (failure) throw new PartialPostError(ref, ids.length, payloads.length, { cause: failure });
    return ref;
  }

  return {
    platform: 'discord',
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(o.token);
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');
      if (o.registerOnStart ?? true) {
        try {
          await ensureCommandsRegistered(
            { rest: client.rest, applicationId: client.application!.id, guildId: o.guildId },
            conversation.commands,
            o.cache,
            log,
          );
        } catch (err) {
          log.error({ err }, 'discord command registration failed; run `newsbot register-commands`');
        }
      }
    },
    post,
    async health() {
      if (!client.isReady()) throw new Error('discord gateway is not connected');
    },
    async stop() {
      await client.destroy();
    },
  };
}
