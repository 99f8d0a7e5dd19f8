// The job registry: every job definition, how a process starts working them, and the one way
// to enqueue one (enqueue.ts: payload parsed with zod; id and retry policy from the definition).
import { PermanentJobError, type JobQueue, type WorkerOptions } from '../src/queue/port.ts';
import type { JobDefinition, JobDeps } from './deps.ts';
import { fetchArticle } from './fetch-article.ts';
import { ingestSource } from './ingest-source.ts';
import { postDigest } from './post-digest.ts';
import { processArticle } from './process-article.ts';
import { prune } from './prune.ts';

export { fetchArticle, ingestSource, postDigest, processArticle, prune };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const JOBS: JobDefinition<any>[] = [ingestSource, fetchArticle, processArticle, postDigest, prune];

export interface RegisterOptions {
  /** Per-name worker overrides, e.g. { 'post-digest': { limiter: { max: 20, durationMs: 60000 } } }. */
  workers?: Partial<Record<string, WorkerOptions>>;
  /** Only these names (default: all; post-digest only when deps.post is set). */
  only?: string[];
}

/**
 * Starts workers for every job in this process. Payloads are re-validated on receipt; one that
 * does not parse fails permanently (retrying cannot fix it). Returns the names registered.
 */
export function registerJobs(queue: JobQueue, deps: JobDeps, opts: RegisterOptions = {}): string[] {
  const names: string[] = [];
  for (const job of JOBS) {
    if (opts.only && !opts.only.includes(job.name)) continue;
    if (job === postDigest && !deps.post) continue; // no chat connection here: leave it to a bot process
    queue.work(
      job.name,
      async (payload, ctx) => {
        const parsed = job.schema.safeParse(payload);
        if (!parsed.success) throw new PermanentJobError(`bad ${job.name} payload: ${parsed.error.issues.map((i: { message: string }) => i.message).join('; ')}`);
        await job.process(parsed.data, deps, ctx);
      },
      { ...job.worker, ...opts.workers?.[job.name] },
    );
    names.push(job.name);
  }
  return names;
}

export { enqueueJob } from './enqueue.ts';
