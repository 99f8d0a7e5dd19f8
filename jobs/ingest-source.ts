// ingest-source: fetches one source (or one ad-hoc target) for one ingest window and enqueues
// process-article for every article that is new or changed, and fetch-article for every thin
// item whose page is to be read (after dedup, so a stored page is never asked for again). Idempotent: the ingest pipeline
// deduplicates articles, and process-article ids carry the content hash.
import { z } from 'zod';
import { PermanentJobError } from '../src/queue/port.ts';
import type { JobDefinition } from './deps.ts';
import { idPart, shortHash } from './ids.ts';
import { fetchArticle } from './fetch-article.ts';
import { enqueueProcessArticle } from './process-article.ts';
import { enqueueJob } from './enqueue.ts';

const schema = z
  .object({
    sourceId: z.string().min(1).max(200).optional(),
    /** A URL, file or folder not (yet) stored as a source. */
    target: z.string().min(1).max(4000).optional(),
    /** The ingest tick this run belongs to (ISO minute, UTC), e.g. "2026-11-28T09:15Z". */
    window: z.string().min(1).max(40),
  })
  .refine((p) => Boolean(p.sourceId) !== Boolean(p.target), { message: 'give exactly one of sourceId or target' });

/**
 * The ingest window of a tick: its UTC minute ("2026-11-28T09:15Z"), with a prefix for runs that
 * are not scheduled ticks ("start-…"). One window reads a source once, whichever process asks.
 */
export function ingestWindow(at: Date, prefix?: string): string {
  const minute = `${at.toISOString().slice(0, 16)}Z`;
  return prefix ? `${prefix}-${minute}` : minute;
}

export const ingestSource: JobDefinition<typeof schema> = {
  name: 'ingest-source',
  schema,
  jobId: (p) => `ingest-source.${p.sourceId ? idPart(p.sourceId) : 't' + shortHash(p.target!)}.${idPart(p.window)}`,
  worker: { concurrency: 2, attempts: 3, backoffMs: 5000 },
  async process(p, deps, ctx) {
    let target = p.target ?? null;
    if (p.sourceId) {
      const source = await deps.store.sources.get(p.sourceId);
      if (!source) throw new PermanentJobError(`source ${p.sourceId} was removed`);
      target = source.url;
    }
    const outcome = await deps.ingest([target!], { sourceId: p.sourceId ?? null });
    for (const a of outcome.changed) await enqueueProcessArticle(deps.queue, a);
    for (const a of outcome.pending) await enqueueJob(deps.queue, fetchArticle, { articleId: a.id, feedHash: a.feedHash });
    ctx.log.info({ sourceId: p.sourceId, target, pages: outcome.pending.length, changed: outcome.changed.length }, 'source ingested');
  },
};
