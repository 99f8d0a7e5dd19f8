// A fake OpenAI-compatible API on loopback: POST /v1/chat/completions with scriptable replies.
// Point the client's baseURL (OPENAI_BASE_URL) at `baseURL`. Each request takes the next scripted
// reply; when the script is empty the default reply is used. Requests are recorded for assertions.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { debugLog } from '../../src/debug-log.ts';

export interface FakeReply {
  /** HTTP status (default 200). */
  status?: number;
  /** Assistant message content for a 200 reply. */
  content?: string;
  /** Raw response body instead of a chat completion (malformed replies, error bodies). */
  raw?: string;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
  promptTokens?: number;
  completionTokens?: number;
}

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string };
  };
}

export interface FakeOpenAi {
  /** Base URL including /v1, e.g. http://127.0.0.1:12345/v1 */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies, used in order. */
  script(...replies: FakeReply[]): void;
  /** Reply used when the script is empty. */
  setDefault(reply: FakeReply): void;
  /** Computes the reply from the request when the script is empty (a scripted model that reads its prompt). */
  setResponder(fn: ((body: RecordedRequest['body']) => FakeReply) | null): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [];
  let fallback: FakeReply = { content: '{}' };
  let responder: ((body: RecordedRequest['body']) => FakeReply) | null = null;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: RecordedRequest['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
      } catch (err) {
        debugLog('fake openai: body is not JSON, recorded as empty: %s', err);
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const reply = queue.shift() ?? responder?.(body) ?? fallback;
      const send = () => {
        const status = reply.status ?? 200;
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        if (reply.raw !== undefined) return res.end(reply.raw);
        if (status !== 200) return res.end(JSON.stringify({ error: { message: `scripted ${status}`, type: 'server_error' } }));
        res.end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model ?? 'fake-model',
            choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? '' }, finish_reason: 'stop' }],
            usage: {
              prompt_tokens: reply.promptTokens ?? 100,
              completion_tokens: reply.completionTokens ?? 20,
              total_tokens: (reply.promptTokens ?? 100) + (reply.completionTokens ?? 20),
            },
          }),
        );
      };
      if (reply.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, reply.delayMs);
        timers.add(t);
      } else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...r) => void queue.push(...r),
    setDefault: (r) => void (fallback = r),
    setResponder: (fn) => void (responder = fn),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
