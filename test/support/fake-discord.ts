// A fake Discord on loopback for driving the real discord.js client: REST under `apiUrl`
// (discord.js appends /v10/...) and a JSON, uncompressed WebSocket gateway. It records every
// REST request, can fail requests on demand (429 with retry_after, or any 5xx), and lets a
// test dispatch INTERACTION_CREATE and MESSAGE_CREATE as Discord would. With several gateway
// connections (shards), a dispatch can go to one shard's socket only, as Discord routes a guild's
// events to the one shard that owns it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { debugLog } from '../../src/debug-log.ts';
import {
  MANAGE_ALL,
  MEMBER_ONLY,
  bodyOf,
  guildCreatePayload,
  messageObject,
  ok,
  readyPayload,
  snowflake,
  threadObject,
  type RestReply,
  interactionPayload,
  userObject,
} from './fake-discord-payloads.ts';

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

export { MANAGE_ALL, MEMBER_ONLY, snowflake };

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
    return userObject(id, name);
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
    this.dispatch('INTERACTION_CREATE', interactionPayload({ id, token, appId: this.appId, guildId: this.guildId, channelId, user: this.user(userId) }, name, options, o), o.shard);
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
      } catch (err) {
        debugLog('fake discord: gateway frame is not JSON: %s', err);
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
    send('READY', readyPayload(this, shard));
    send('GUILD_CREATE', guildCreatePayload(this.guildId, this.channelId));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rec = await this.record(req);
    const out = this.injectedFailure(rec) ?? this.route(rec);
    if (out.data === null) return void res.writeHead(out.status, out.headers ?? {}).end();
    res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
    res.end(JSON.stringify(out.data));
  }

  private async record(req: IncomingMessage): Promise<RecordedRequest> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, query: url.search, body: chunks.length ? bodyOf(chunks) : null, at: performance.now() };
    this.requests.push(rec);
    for (const l of [...this.listeners]) l(rec);
    return rec;
  }

  private injectedFailure(rec: RecordedRequest): RestReply | null {
    const failure = this.failures.find((f) => f.remaining > 0 && f.method === rec.method && f.path.test(rec.path));
    if (!failure) return null;
    if (failure.skip > 0) {
      failure.skip--;
      return null;
    }
    failure.remaining--;
    if (failure.status === 429) {
      return { status: 429, data: { message: 'You are being rate limited.', retry_after: 0.05, global: false }, headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' } };
    }
    return { status: failure.status, data: { message: 'Internal Server Error', code: 0 } };
  }

  private route(rec: RecordedRequest): RestReply {
    return (
      this.applicationRoute(rec) ??
      this.messageRoute(rec) ?? { status: 404, data: { message: `fake discord: no route ${rec.method} ${rec.path}`, code: 0 } }
    );
  }

  /** Gateway discovery, the application and its commands. */
  private applicationRoute({ method, path, body }: RecordedRequest): RestReply | null {
    if (path === '/gateway/bot' || path === '/gateway') {
      return ok({
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (path === '/applications/@me') return ok({ id: this.appId, name: 'newsbot', flags: 0, bot_public: false });
    if (path === '/users/@me') return ok({ id: this.botId, username: 'newsbot', discriminator: '0', avatar: null, bot: true });
    const r = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (!r) return null;
    const key = r[2] ?? 'global';
    if (method !== 'PUT') return ok(this.commands.get(key) ?? []);
    const list = (Array.isArray(body) ? body : []).map((c) => ({ ...(c as object), id: snowflake(), application_id: this.appId, version: snowflake() }));
    this.commands.set(key, list);
    return ok(list);
  }

  /** Interaction callbacks, webhook (follow-up) messages, channel messages and threads. */
  private messageRoute({ method, path, body }: RecordedRequest): RestReply | null {
    const b = (body ?? {}) as Record<string, unknown>;
    const m = (re: RegExp, verb?: string) => (verb && method !== verb ? null : re.exec(path));
    let r: RegExpExecArray | null;
    if (m(/^\/interactions\/\d+\/[^/]+\/callback$/)) return { status: 204, data: null };
    if ((r = m(/^\/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/))) {
      if (method === 'DELETE') return { status: 204, data: null };
      return ok(messageObject(this.botId, this.channelId, b, r[1] === '@original' ? snowflake() : r[1]!));
    }
    if (m(/^\/webhooks\/\d+\/[^/]+$/, 'POST')) return ok(messageObject(this.botId, this.channelId, b));
    if ((r = m(/^\/channels\/(\d+)\/messages$/, 'POST'))) return ok(messageObject(this.botId, r[1]!, b));
    if ((r = m(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, 'POST'))) {
      // Discord gives a thread started on a message the message's id.
      const thread = threadObject({ id: r[2]!, parentId: r[1]!, guildId: this.guildId, ownerId: this.botId }, b);
      this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return { status: 201, data: thread };
    }
    if ((r = m(/^\/channels\/(\d+)$/, 'GET'))) {
      return ok({ id: r[1]!, type: 0, guild_id: this.guildId, name: 'news', position: 0, permission_overwrites: [] });
    }
    return null;
  }
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  return new FakeDiscord().start();
}
