// A fake Slack for tests, on loopback: the Web API (POST /api/<method>, form or JSON bodies) that
// records every call and can answer 429 with Retry-After on demand; response_url endpoints; a
// Socket Mode WebSocket server; and helpers that send correctly signed slash-command and Events
// API requests (v0 HMAC-SHA256 over `v0:timestamp:body`) to a real Bolt app in HTTP mode.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { debugLog } from '../../src/debug-log.ts';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  /** ms since epoch when the request arrived */
  at: number;
  /** HTTP status the fake answered */
  status: number;
  /** The JSON the fake answered (for 200s), e.g. the ts of a posted message. */
  response?: Record<string, unknown>;
}

const JSON_FIELDS = ['blocks', 'attachments'];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.includes(k) ? JSON.parse(v) : v;
  return out;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  /** Users answered as workspace admins by users.info. */
  readonly admins = new Set<string>();
  readonly botUserId = 'UBOT';
  readonly teamId = 'T0FAKE';
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private readonly sockets = new Set<WebSocket>();
  readonly socketMessages: Record<string, unknown>[] = [];
  private ts = 1_700_000_000_000;
  private failures = new Map<string, { status: number; retryAfter?: number; error?: string }[]>();
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id = 'r1'): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next `times` calls of `method` answer 429 with Retry-After: `retryAfterSec`. */
  rateLimitNext(method: string, times: number, retryAfterSec: number): void {
    const q = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) q.push({ status: 429, retryAfter: retryAfterSec });
    this.failures.set(method, q);
  }

  /** The next call of `method` (after `skip` that succeed) answers `{ ok: false, error }`. */
  failNext(method: string, error: string, skip = 0): void {
    const q = this.failures.get(method) ?? [];
    for (let i = 0; i < skip; i++) q.push({ status: 200 });
    q.push({ status: 200, error });
    this.failures.set(method, q);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Polls `probe` (sync or async) until it returns something truthy. */
  async waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > until) throw new Error('FakeSlack.waitFor timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fictional.slack.example/', team: 'Fictional', user: 'newsbot', team_id: this.teamId, user_id: this.botUserId, bot_id: 'BBOT' };
      case 'chat.postMessage':
        this.ts += 1;
        return { ok: true, channel: body.channel, ts: `${Math.floor(this.ts / 1000)}.${String(this.ts % 1000).padStart(6, '0')}`, message: { text: body.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1.000001' };
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, is_admin: this.admins.has(id), is_owner: false, is_primary_owner: false } };
      }
      case 'apps.connections.open':
        return this.wss ? { ok: true, url: `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/link` } : { ok: false, error: 'no_socket' };
      default:
        return { ok: true };
    }
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const url = req.url ?? '/';
      if (url.startsWith('/response/')) {
        this.responses.push({ path: url, body: parseBody(raw, 'json') });
        res.writeHead(200).end('ok');
        return;
      }
      const method = url.replace(/^\/api\//, '').split('?')[0]!;
      let body: Record<string, unknown>;
      try {
        body = parseBody(raw, req.headers['content-type']);
      } catch (err) {
        debugLog('fake slack: unreadable body: %s', err);
        res.writeHead(400).end();
        return;
      }
      const fail = this.failures.get(method)?.shift();
      if (fail?.status === 429) {
        this.calls.push({ method, body, at: Date.now(), status: 429 });
        res.writeHead(429, { 'retry-after': String(fail.retryAfter ?? 1), 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const out = fail?.error ? { ok: false, error: fail.error } : this.answer(method, body);
      this.calls.push({ method, body, at: Date.now(), status: 200, response: out });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Starts the Socket Mode WebSocket; apps.connections.open then returns its ws:// URL. */
  async startSocket(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => this.wss!.once('listening', () => r()));
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('message', (data) => {
        try {
          this.socketMessages.push(JSON.parse(String(data)) as Record<string, unknown>);
        } catch (err) {
          debugLog('fake slack: socket frame is not JSON: %s', err);
          this.socketMessages.push({ unparsable: String(data) });
        }
      });
      ws.on('close', () => this.sockets.delete(ws));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0FAKE' } }));
    });
  }

  get socketConnections(): number {
    return this.sockets.size;
  }

  /** Sends an envelope to every connected client and waits for the ack carrying its envelope_id. */
  async sendEnvelope(envelope: { envelope_id: string } & Record<string, unknown>): Promise<Record<string, unknown>> {
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
    return this.waitFor(() => this.socketMessages.find((m) => m.envelope_id === envelope.envelope_id));
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    if (this.wss) await new Promise<void>((r) => this.wss!.close(() => r()));
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((r) => this.server!.close(() => r()));
    }
  }
}

/** X-Slack-Signature for a body, as Slack computes it. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

export interface SignedOptions {
  /** Seconds since epoch; default now. */
  timestamp?: number;
  /** Sign with this secret instead (to forge a bad signature). */
  secretOverride?: string;
  /** Extra headers, e.g. x-slack-retry-num / x-slack-retry-reason. */
  headers?: Record<string, string>;
}

export interface SignedResponse {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
}

async function sendSigned(url: string, secret: string, body: string, contentType: string, o: SignedOptions): Promise<SignedResponse> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(o.secretOverride ?? secret, ts, body),
      ...o.headers,
    },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch (err) {
    debugLog('fake slack: reply is not JSON: %s', err);
    json = null;
  }
  return { status: res.status, text, json };
}

/** A signed slash command (form-encoded, as Slack sends it) to a Bolt HTTP endpoint. */
export function sendSlashCommand(
  url: string,
  secret: string,
  fields: { command: string; text: string; user_id: string; channel_id: string; team_id: string; response_url: string },
  o: SignedOptions = {},
): Promise<SignedResponse> {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_domain: 'fictional',
    channel_name: 'news',
    user_name: 'someone',
    api_app_id: 'A0FAKE',
    trigger_id: '1.2.3',
    ...fields,
  }).toString();
  return sendSigned(url, secret, body, 'application/x-www-form-urlencoded', o);
}

let eventSeq = 0;

/** A signed Events API event_callback (JSON) to a Bolt HTTP endpoint. */
export function sendEvent(url: string, secret: string, teamId: string, event: Record<string, unknown>, o: SignedOptions = {}): Promise<SignedResponse> {
  eventSeq += 1;
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0FAKE',
    event,
    type: 'event_callback',
    event_id: `Ev${eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true }],
  });
  return sendSigned(url, secret, body, 'application/json', o);
}
