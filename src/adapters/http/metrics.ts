// Prometheus metrics on prom-client: a private registry per process (no global state), so
// tests can create several apps side by side.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from '../../metrics/port.ts';
import { debugLog } from '../../debug-log.ts';

export interface PromMetrics extends Metrics {
  registry: Registry;
}

export function createPromMetrics(jobCounts?: () => Promise<Record<string, number>>): PromMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'newsbot_' });
  const articles = new Counter({
    name: 'newsbot_articles_ingested_total',
    help: 'Articles seen by ingest, by outcome',
    labelNames: ['status'],
    registers: [registry],
  });
  const quotes = new Counter({ name: 'newsbot_quotes_extracted_total', help: 'Quotes extracted', registers: [registry] });
  const latency = new Histogram({
    name: 'newsbot_command_duration_seconds',
    help: 'Time from receiving a chat command to its reply',
    labelNames: ['command', 'platform'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'newsbot_model_tokens_total',
    help: 'Tokens used by the language model',
    labelNames: ['model', 'kind'],
    registers: [registry],
  });
  if (jobCounts) {
    new Gauge({
      name: 'newsbot_jobs',
      help: 'Jobs by state',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const counts = await jobCounts().catch((err) => { debugLog('job counts unavailable for metrics: %s', err); return {} as Record<string, number>; });
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }
  return {
    registry,
    articlesIngested: (status, n = 1) => articles.inc({ status }, n),
    quotesExtracted: (n) => quotes.inc(n),
    commandLatency: (command, platform, ms) => latency.observe({ command, platform }, ms / 1000),
    modelTokens: (model, kind, n) => tokens.inc({ model, kind }, n),
  };
}
