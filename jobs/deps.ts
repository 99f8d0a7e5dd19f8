// What jobs may use, and the shape of one job definition. Built once in src/app.ts (see
// docs/scaling-out.md "Wiring") and passed to registerJobs(). The pipeline functions arrive as
// plain arguments so a worker process wires exactly the implementations the bot uses.
import type { z } from 'zod';
import type { Article, ChannelRef, Digest, MessageRef, Quote, Speaker } from '../src/domain/types.ts';
import type { FullTextOutcome } from '../src/ingest/fulltext.ts';
import type { Logger } from '../src/log.ts';
import type { JobContext, JobQueue, WorkerOptions } from '../src/queue/port.ts';
import type { Doc } from '../src/render/document.ts';
import type { Store } from '../src/store/ports.ts';

/** Posts a document to a chat channel; implemented by the chat adapters (ChatAdapter.post). */
export type PostFn = (where: ChannelRef, doc: Doc, opts?: { startThread?: string }) => Promise<MessageRef>;

/** Outcome of ingesting one target: the articles that are new or whose content changed. */
export interface IngestOutcome {
  changed: Pick<Article, 'id' | 'contentHash'>[];
  /** Thin items whose page is to be fetched (fetch-article), with their feed version. */
  pending: { id: string; feedHash: string }[];
}

export interface JobDeps {
  store: Store;
  queue: Pick<JobQueue, 'enqueue'>;
  log: Logger;
  now: () => Date;
  /** RETENTION_DAYS: articles published longer ago than this are pruned. */
  retentionDays: number;
  /** Ingests feed/page/file targets into the store (src/ingest/pipeline.ts ingestTargets). */
  ingest: (targets: string[], opts: { sourceId: string | null }) => Promise<IngestOutcome>;
  /** Reads the page of a pending thin item (src/ingest/fulltext.ts); `lastAttempt` keeps the teaser on failure. */
  fetchFullText: (p: { articleId: string; feedHash: string }, lastAttempt: boolean) => Promise<FullTextOutcome>;
  /** Quote extraction and speaker merge (src/nlp/). Pure functions of the article text. */
  extractQuotes: (text: string) => Quote[];
  speakersOf: (quotes: Quote[], text: string) => Speaker[];
  /** Optional: computes (and caches) the article summary ahead of the first digest. */
  warmSummary?: (article: Article) => Promise<void>;
  /** Builds a digest of `topic` over [since, until), marking stories new/updated against `previous`. */
  buildDigest: (q: { topic: string; since: Date; until: Date; maxStories: number; previous: Digest | null }) => Promise<Digest>;
  /** Neutral document of a digest (src/render). */
  digestDoc: (d: Digest) => Doc;
  /** Posts to chat; absent in a process with no chat connection (post-digest then fails and retries). */
  post: PostFn | null;
  /** Identity of this process for post claims (host:pid). */
  owner: string;
}

export interface JobDefinition<S extends z.ZodType> {
  name: string;
  schema: S;
  /** Deterministic id: the same logical work always gets the same id (dedup across processes). */
  jobId(payload: z.infer<S>): string;
  /** Worker defaults (concurrency, attempts, backoff, rate limit); registerJobs may override. */
  worker: WorkerOptions;
  /** Idempotent: running twice has the effect of running once. Throws PermanentJobError for what retrying cannot fix. */
  process(payload: z.infer<S>, deps: JobDeps, ctx: JobContext): Promise<void>;
}
