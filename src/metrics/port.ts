// Operational counters the core reports. The Prometheus adapter implements them; tests and
// one-shot CLI commands use `noMetrics`.
export interface Metrics {
  articlesIngested(status: 'new' | 'updated' | 'duplicate' | 'failed', n?: number): void;
  quotesExtracted(n: number): void;
  commandLatency(command: string, platform: string, ms: number): void;
  modelTokens(model: string, kind: 'prompt' | 'completion', n: number): void;
}

export const noMetrics: Metrics = {
  articlesIngested: () => {},
  quotesExtracted: () => {},
  commandLatency: () => {},
  modelTokens: () => {},
};
