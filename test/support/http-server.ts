// A small HTTP server on 127.0.0.1 (random port) for tests: register routes as plain handlers,
// read how many connections and requests it saw. Close it in afterAll/afterEach.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:40123". */
  url: string;
  port: number;
  /** Routes by path (query string ignored); unknown paths answer 404. */
  route(path: string, handler: Handler): void;
  /** Convenience: a fixed body with headers. */
  serve(path: string, body: string | Uint8Array, headers?: Record<string, string>, status?: number): void;
  connections: number;
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const state = { connections: 0, requests: [] as TestServer['requests'] };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    state.requests.push({ path: req.url ?? '/', headers: req.headers });
    const h = routes.get(path);
    if (!h) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(h(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    route: (path, handler) => routes.set(path, handler),
    serve(path, body, headers = {}, status = 200) {
      routes.set(path, (_req, res) => {
        res.writeHead(status, headers).end(body);
      });
    },
    get connections() {
      return state.connections;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
