// The production JobDeps: the real ingest pipeline, quote extraction, digest engine and renderer
// over the given store. Built once per process (bot, worker or all-in-one) by the job runtime.
import type { Config } from '../config.ts';
import { buildDigest } from '../digest/build.ts';
import type { Fetcher } from '../fetch/port.ts';
import { politeFetcher } from '../fetch/polite.ts';
import { createRobots } from '../fetch/robots.ts';
import { fetchFullText } from '../ingest/fulltext.ts';
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
  config: Pick<Config, 'RETENTION_DAYS' | 'NEWSBOT_MAX_ITEMS_PER_FEED' | 'NEWSBOT_FULLTEXT' | 'FETCH_HOST_CONCURRENCY' | 'FETCH_HOST_DELAY_MS'>;
  store: Store;
  /** Fetches feeds and pages (src/app.ts openFetcher); the caller owns and closes it. */
  fetcher: Fetcher;
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
  const { fetcher } = o;
  // Article pages (and robots.txt) go through per-host politeness; feeds are one request per tick.
  const pages = politeFetcher(fetcher, { concurrency: o.config.FETCH_HOST_CONCURRENCY, delayMs: o.config.FETCH_HOST_DELAY_MS });
  const robots = createRobots(pages);
  return {
    store: o.store,
    queue: o.queue,
    log: o.log,
    now,
    retentionDays: o.config.RETENTION_DAYS,
    async ingest(targets) {
      const changed: IngestOutcome['changed'] = [];
      const pending: IngestOutcome['pending'] = [];
      const summary = await ingestTargets(targets, {
        store: o.store,
        fetcher,
        log: o.log,
        now,
        maxItemsPerFeed: o.config.NEWSBOT_MAX_ITEMS_PER_FEED,
        fullText: o.config.NEWSBOT_FULLTEXT,
        onArticle: async (a) => void changed.push({ id: a.id, contentHash: a.contentHash }),
        onPending: async (a) => void pending.push({ id: a.id, feedHash: a.feedHash ?? a.contentHash }),
      });
      metrics.articlesIngested('new', summary.new);
      metrics.articlesIngested('updated', summary.updated);
      metrics.articlesIngested('duplicate', summary.duplicate);
      if (summary.failed) metrics.articlesIngested('failed', summary.failed);
      return { changed, pending };
    },
    fetchFullText: (p, lastAttempt) => fetchFullText(p, { store: o.store, fetcher: pages, robots, now }, lastAttempt),
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
