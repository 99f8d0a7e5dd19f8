import { afterEach, describe, expect, it } from 'vitest';
import { createPromMetrics } from '../../src/adapters/http/metrics.ts';
import { startOpsServer, type OpsServer } from '../../src/adapters/http/server.ts';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('ops server', () => {
  it('reports healthy when every component answers', async () => {
    const metrics = createPromMetrics();
    server = await startOpsServer({ port: 0, host: '127.0.0.1', registry: metrics.registry, checks: { store: async () => {}, queue: async () => {} } });
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { store: 'ok', queue: 'ok' } });
  });

  it('answers 503 and names the component that is down', async () => {
    const metrics = createPromMetrics();
    server = await startOpsServer({
      port: 0,
      host: '127.0.0.1',
      registry: metrics.registry,
      checks: { store: async () => {}, discord: async () => Promise.reject(new Error('gateway closed')) },
    });
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { checks: Record<string, string> };
    expect(body.checks.discord).toBe('down: gateway closed');
    expect(body.checks.store).toBe('ok');
  });

  it('exposes counters and job states in Prometheus format', async () => {
    const metrics = createPromMetrics(async () => ({ waiting: 3, failed: 1 }));
    metrics.articlesIngested('new', 5);
    metrics.quotesExtracted(7);
    metrics.commandLatency('digest', 'discord', 120);
    metrics.modelTokens('m', 'prompt', 42);
    server = await startOpsServer({ port: 0, host: '127.0.0.1', registry: metrics.registry, checks: {} });
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toContain('newsbot_articles_ingested_total{status="new"} 5');
    expect(text).toContain('newsbot_quotes_extracted_total 7');
    expect(text).toContain('newsbot_command_duration_seconds_count{command="digest",platform="discord"} 1');
    expect(text).toContain('newsbot_model_tokens_total{model="m",kind="prompt"} 42');
    expect(text).toContain('newsbot_jobs{state="waiting"} 3');
  });
});
