// A fake Discord on loopback for driving the real discord.js client: REST under `apiUrl`
// (discord.js appends /v10/...) and a JSON, uncompressed WebSocket gateway. It records every
// REST request, can fail requests on demand (429 with retry_after, or any 5xx), and lets a
// test dispatch INTERACTION_CREATE and MESSAGE_CREATE as Discord would. With several gateway
// connections (shards), a dispatch can go to one shard's socket only, as Discord routes a guild's
// events to the one shard that owns it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. "/interactions/1/tok/callback". */
  path: string;
  query: string;
  body: unknown;
  at: number;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  remaining: number;
  /** Matching requests still let through before failures start. */
  skip: number;
}

const EPOCH = 1420070400000n;
let seq = 0n;
/** A fresh, increasing snowflake id. */
export function snowflake(): string {
  seq = (seq + 1n) % 4096n;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | seq).toString();
}

export const MANAGE_ALL = (0x20n | 0x10n | 0x400n | 0x800n | 0x4000n).toString(); // ManageGuild|ManageChannels|View|Send|EmbedLinks
export const MEMBER_ONLY = (0x400n | 0x800n).toString(); // ViewChannel|SendMessages

export class FakeDiscord {
  readonly appId = snowflake();
  readonly botId = this.appId;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  /** The shard count /gateway/bot recommends (what DISCORD_SHARDS=auto resolves to). */
  recommendedShards = 1;
  /** The socket that IDENTIFYed as each shard id (the latest one when a shard reconnects). */
  private shardSockets = new Map<number, WebSocket>();
  private server: Server;
  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private failures: Failure[] = [];
  private listeners: ((r: RecordedRequest) => void)[] = [];
  private commands = new Map<string, unknown[]>();
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onSocket(ws));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The base URL discord.js gets as `rest.api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The next `times` requests matching method + path answer `status` (429 carries retry_after),
   * after letting `skip` matching requests through.
   */
  fail(method: string, path: RegExp, status: number, times = 1, skip = 0): void {
    this.failures.push({ method, path, status, remaining: times, skip });
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake discord: timed out waiting for a request')), timeoutMs);
      const l = (r: RecordedRequest) => {
        if (!pred(r)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((x) => x !== l);
        resolve(r);
      };
      this.listeners.push(l);
    });
  }

  /** Sends a gateway dispatch to every connected client, or only to the socket of `shard`. */
  dispatch(t: string, d: unknown, shard?: number): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.seq, d });
    if (shard === undefined) for (const ws of this.sockets) ws.send(frame);
    else {
      const ws = this.shardSockets.get(shard);
      if (!ws || !this.sockets.has(ws)) throw new Error(`fake discord: shard ${shard} is not connected`);
      ws.send(frame);
    }
  }

  /** The `shard` field ([id, count]) of every IDENTIFY so far; [0, 1] when a client sent none. */
  get identifiedShards(): [number, number][] {
    return this.identifies.map((d) => (d as { shard?: [number, number] }).shard ?? [0, 1]);
  }

  get connected(): number {
    return this.sockets.size;
  }

  user(id: string, name = 'reader'): Record<string, unknown> {
    return { id, username: name, global_name: name, discriminator: '0', avatar: null, bot: false };
  }

  /** Dispatches a slash command; returns the interaction id and token. */
  interaction(
    name: string,
    options: Record<string, string>,
    o: { userId?: string; permissions?: string; channelId?: string; threadParentId?: string; shard?: number } = {},
  ): { id: string; token: string } {
    const id = snowflake();
    const token = `tok-${id}`;
    const userId = o.userId ?? snowflake();
    const channelId = o.channelId ?? this.channelId;
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.appId,
      type: 2,
      token,
      version: 1,
      guild_id: this.guildId,
      channel_id: channelId,
      channel: o.threadParentId
        ? { id: channelId, type: 11, guild_id: this.guildId, parent_id: o.threadParentId, name: 'thread' }
        : { id: channelId, type: 0, guild_id: this.guildId, name: 'news' },
      member: {
        user: this.user(userId),
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
    }, o.shard);
    return { id, token };
  }

  /** Dispatches a user message (in a thread: channelId = the thread id). */
  message(channelId: string, content: string, o: { mentionBot?: boolean; replyTo?: string; authorId?: string } = {}): string {
    const id = snowflake();
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: channelId,
      guild_id: this.guildId,
      author: this.user(o.authorId ?? snowflake()),
      content: o.mentionBot ? `<@${this.botId}> ${content}` : content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: o.mentionBot ? [{ ...this.user(this.botId, 'newsbot'), bot: true }] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: o.replyTo ? 19 : 0,
      ...(o.replyTo ? { message_reference: { message_id: o.replyTo, channel_id: channelId, guild_id: this.guildId } } : {}),
    });
    return id;
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw) => {
      let msg: { op: number; d: unknown };
      try {
        msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      } catch {
        return;
      }
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (msg.op === 2) this.onIdentify(ws, msg.d);
    });
  }

  private onIdentify(ws: WebSocket, d: unknown): void {
    this.identifies.push(d);
    const shard = (d as { shard?: [number, number] }).shard ?? [0, 1];
    this.shardSockets.set(shard[0], ws);
    const send = (t: string, data: unknown) => ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d: data }));
    send('READY', {
      v: 10,
      user: { id: this.botId, username: 'newsbot', global_name: null, discriminator: '0', avatar: null, bot: true, verified: true, flags: 0 },
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      shard,
      application: { id: this.appId, flags: 0 },
    });
    send('GUILD_CREATE', {
      id: this.guildId,
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
      roles: [{ id: this.guildId, name: '@everyone', permissions: MEMBER_ONLY, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [{ id: this.channelId, type: 0, name: 'news', guild_id: this.guildId, position: 0, permission_overwrites: [] }],
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    });
  }

  private messageObject(channelId: string, body: Record<string, unknown>, id = snowflake()): Record<string, unknown> {
    return {
      id,
      channel_id: channelId,
      author: { id: this.botId, username: 'newsbot', discriminator: '0', avatar: null, bot: true, global_name: null },
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    let body: unknown = null;
    if (chunks.length) {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
    }
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, query: url.search, body, at: performance.now() };
    this.requests.push(rec);
    for (const l of [...this.listeners]) l(rec);

    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      if (data === null) {
        res.writeHead(status, headers);
        return void res.end();
      }
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    const failure = this.failures.find((f) => f.remaining > 0 && f.method === rec.method && f.path.test(path));
    if (failure && failure.skip > 0) failure.skip--;
    else if (failure) {
      failure.remaining--;
      if (failure.status === 429) {
        return json(429, { message: 'You are being rate limited.', retry_after: 0.05, global: false }, { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' });
      }
      return json(failure.status, { message: 'Internal Server Error', code: 0 });
    }
    const b = (body ?? {}) as Record<string, unknown>;
    const m = (re: RegExp) => re.exec(path);
    let r: RegExpExecArray | null;
    if (path === '/gateway/bot' || path === '/gateway') {
      return json(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (path === '/applications/@me') return json(200, { id: this.appId, name: 'newsbot', flags: 0, bot_public: false });
    if (path === '/users/@me') return json(200, { id: this.botId, username: 'newsbot', discriminator: '0', avatar: null, bot: true });
    if ((r = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const key = r[2] ?? 'global';
      if (rec.method === 'PUT') {
        const list = (Array.isArray(body) ? body : []).map((c) => ({ ...(c as object), id: snowflake(), application_id: this.appId, version: snowflake() }));
        this.commands.set(key, list);
        return json(200, list);
      }
      return json(200, this.commands.get(key) ?? []);
    }
    if (m(/^\/interactions\/\d+\/[^/]+\/callback$/)) return json(204, null);
    if ((r = m(/^\/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/))) {
      if (rec.method === 'DELETE') return json(204, null);
      return json(200, this.messageObject(this.channelId, b, r[1] === '@original' ? snowflake() : r[1]!));
    }
    if (m(/^\/webhooks\/\d+\/[^/]+$/) && rec.method === 'POST') return json(200, this.messageObject(this.channelId, b));
    if ((r = m(/^\/channels\/(\d+)\/messages$/)) && rec.method === 'POST') return json(200, this.messageObject(r[1]!, b));
    if ((r = m(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/)) && rec.method === 'POST') {
      // Discord gives a thread started on a message the message's id.
      const thread = {
        id: r[2]!,
        type: 11,
        guild_id: this.guildId,
        parent_id: r[1]!,
        name: b.name ?? 'thread',
        owner_id: this.botId,
        thread_metadata: { archived: false, auto_archive_duration: b.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
        message_count: 0,
        member_count: 1,
      };
      this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return json(201, thread);
    }
    if ((r = m(/^\/channels\/(\d+)$/)) && rec.method === 'GET') {
      return json(200, { id: r[1]!, type: 0, guild_id: this.guildId, name: 'news', position: 0, permission_overwrites: [] });
    }
    return json(404, { message: `fake discord: no route ${rec.method} ${path}`, code: 0 });
  }
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  return new FakeDiscord().start();
}
