// The production JobDeps: the real ingest pipeline, quote extraction, digest engine and renderer
// over the given store. Built once per process (bot, worker or all-in-one) by the job runtime.
import type { Config } from '../config.ts';
import { buildDigest } from '../digest/build.ts';
import { createFetcher } from '../ingest/fetch.ts';
import { ingestTargets } from '../ingest/pipeline.ts';
import type { TextModel } from '../llm/port.ts';
import { summariseWithModel } from '../llm/summarise-llm.ts';
import type { Logger } from '../log.ts';
import { extractQuotes, speakersOf } from '../nlp/quotes.ts';
import type { JobQueue } from '../queue/port.ts';
import { digestDoc } from '../render/digest-doc.ts';
import type { Store } from '../store/ports.ts';
import { noMetrics, type Metrics } from '../metrics/port.ts';
import { hostname } from 'node:os';
import type { IngestOutcome, JobDeps, PostFn } from '../../jobs/deps.ts';

export function createJobDeps(o: {
  config: Pick<Config, 'RETENTION_DAYS' | 'FETCH_TIMEOUT_MS' | 'FETCH_MAX_BYTES' | 'NEWSBOT_FETCH_ALLOWLIST'>;
  store: Store;
  queue: Pick<JobQueue, 'enqueue'>;
  log: Logger;
  model: TextModel | null;
  /** Chat posting; null in a worker-only process (post-digest then runs on bot processes). */
  post: PostFn | null;
  now?: () => Date;
  /** Counts ingested articles and extracted quotes (Prometheus in the bot; nothing by default). */
  metrics?: Metrics;
}): JobDeps {
  const now = o.now ?? (() => new Date());
  const metrics = o.metrics ?? noMetrics;
  const fetcher = createFetcher({
    timeoutMs: o.config.FETCH_TIMEOUT_MS,
    maxBytes: o.config.FETCH_MAX_BYTES,
    allowlist: o.config.NEWSBOT_FETCH_ALLOWLIST,
  });
  return {
    store: o.store,
    queue: o.queue,
    log: o.log,
    now,
    retentionDays: o.config.RETENTION_DAYS,
    async ingest(targets) {
      const changed: IngestOutcome['changed'] = [];
      const summary = await ingestTargets(targets, {
        store: o.store,
        fetcher,
        log: o.log,
        now,
        onArticle: async (a) => void changed.push({ id: a.id, contentHash: a.contentHash }),
      });
      metrics.articlesIngested('new', summary.new);
      metrics.articlesIngested('updated', summary.updated);
      metrics.articlesIngested('duplicate', summary.duplicate);
      if (summary.failed) metrics.articlesIngested('failed', summary.failed);
      return { changed };
    },
    extractQuotes: (text) => {
      const quotes = extractQuotes(text);
      metrics.quotesExtracted(quotes.length);
      return quotes;
    },
    speakersOf,
    // With a model, each article is summarised once here (cached per content hash + model +
    // prompt version); digests read that cache and never wait on the model themselves.
    ...(o.model ? { warmSummary: async (a) => void (await summariseWithModel(a, { model: o.model, cache: o.store.cache, log: o.log })) } : {}),
    buildDigest: (q) => buildDigest(o.store, { ...q, model: o.model, log: o.log }),
    digestDoc,
    post: o.post,
    owner: `${hostname()}:${process.pid}`,
  };
}
