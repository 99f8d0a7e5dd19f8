// What the fake Discord sends: snowflakes, gateway payloads (READY, GUILD_CREATE) and the REST
// objects (messages, threads, users) discord.js parses, shaped as Discord's API documents them.
import { debugLog } from '../../src/debug-log.ts';

/** One REST answer: a JSON body, or no body (data null). */
export interface RestReply {
  status: number;
  data: unknown;
  headers?: Record<string, string>;
}

export const ok = (data: unknown): RestReply => ({ status: 200, data });

const EPOCH = 1420070400000n;
let seq = 0n;
/** A fresh, increasing snowflake id. */
export function snowflake(): string {
  seq = (seq + 1n) % 4096n;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | seq).toString();
}

export const MANAGE_ALL = (0x20n | 0x10n | 0x400n | 0x800n | 0x4000n).toString(); // ManageGuild|ManageChannels|View|Send|EmbedLinks
export const MEMBER_ONLY = (0x400n | 0x800n).toString(); // ViewChannel|SendMessages

/** A request body as JSON, or as text when it is not JSON. */
export function bodyOf(chunks: Buffer[]): unknown {
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    debugLog('fake discord: body kept as text: %s', err);
    return text;
  }
}

export function userObject(id: string, name = 'reader'): Record<string, unknown> {
  return { id, username: name, global_name: name, discriminator: '0', avatar: null, bot: false };
}

export function readyPayload(app: { botId: string; appId: string; guildId: string; port: number }, shard: [number, number]): Record<string, unknown> {
  return {
    v: 10,
    user: { id: app.botId, username: 'newsbot', global_name: null, discriminator: '0', avatar: null, bot: true, verified: true, flags: 0 },
    guilds: [{ id: app.guildId, unavailable: true }],
    session_id: `session-${snowflake()}`,
    resume_gateway_url: `ws://127.0.0.1:${app.port}/gateway`,
    shard,
    application: { id: app.appId, flags: 0 },
  };
}

export function guildCreatePayload(guildId: string, channelId: string): Record<string, unknown> {
  return {
    id: guildId,
    name: 'Harbour Readers',
    icon: null,
    owner_id: snowflake(),
    unavailable: false,
    member_count: 3,
    large: false,
    joined_at: new Date().toISOString(),
    features: [],
    emojis: [],
    stickers: [],
    roles: [{ id: guildId, name: '@everyone', permissions: MEMBER_ONLY, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: [{ id: channelId, type: 0, name: 'news', guild_id: guildId, position: 0, permission_overwrites: [] }],
    threads: [],
    members: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message the bot posted, echoing what it sent. */
export function messageObject(botId: string, channelId: string, body: Record<string, unknown>, id = snowflake()): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    author: { id: botId, username: 'newsbot', discriminator: '0', avatar: null, bot: true, global_name: null },
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    components: [],
    pinned: false,
    type: 0,
    flags: body.flags ?? 0,
  };
}

export function threadObject(t: { id: string; parentId: string; guildId: string; ownerId: string }, body: Record<string, unknown>): Record<string, unknown> {
  return {
    id: t.id,
    type: 11,
    guild_id: t.guildId,
    parent_id: t.parentId,
    name: body.name ?? 'thread',
    owner_id: t.ownerId,
    thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
    message_count: 0,
    member_count: 1,
  };
}

/** INTERACTION_CREATE for a slash command with string options. */
export function interactionPayload(
  i: { id: string; token: string; appId: string; guildId: string; channelId: string; user: Record<string, unknown> },
  name: string,
  options: Record<string, string>,
  o: { permissions?: string; threadParentId?: string },
): Record<string, unknown> {
  const { id, token, channelId } = i;
  return {
    id,
    application_id: i.appId,
    type: 2,
    token,
    version: 1,
    guild_id: i.guildId,
    channel_id: channelId,
    channel: o.threadParentId
      ? { id: channelId, type: 11, guild_id: i.guildId, parent_id: o.threadParentId, name: 'thread' }
      : { id: channelId, type: 0, guild_id: i.guildId, name: 'news' },
    member: {
      user: i.user,
      roles: [],
      permissions: o.permissions ?? MANAGE_ALL,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: MANAGE_ALL,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    data: { id: snowflake(), name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) },
  };
}
