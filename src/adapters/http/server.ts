// Operator endpoints: GET /healthz (store, queue and chat connections) and GET /metrics.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export type HealthCheck = () => Promise<void>;

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the server; `checks` maps a component name to a probe that throws when it is down. */
export async function startOpsServer(opts: {
  port: number;
  host?: string;
  registry: Registry;
  checks: Record<string, HealthCheck>;
}): Promise<OpsServer> {
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (req.url === '/healthz') {
      const results: Record<string, string> = {};
      await Promise.all(
        Object.entries(opts.checks).map(async ([name, check]) => {
          try {
            await withTimeout(check(), 2000);
            results[name] = 'ok';
          } catch (err) {
            results[name] = `down: ${(err as Error).message}`;
          }
        }),
      );
      const ok = Object.values(results).every((r) => r === 'ok');
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'degraded', checks: results }));
      return;
    }
    if (req.url === '/metrics') {
      const body = await opts.registry.metrics();
      res.writeHead(200, { 'content-type': opts.registry.contentType });
      res.end(body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e as Error)),
    );
  });
}
