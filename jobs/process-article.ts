// process-article: extracts the quotes of one stored article (with their speakers) and warms its
// summary, then marks that text version processed. Idempotent: quotes are replaced wholesale, so a
// re-run leaves the same rows. Articles left pending (a process died with the job still queued in
// memory) are enqueued again by `enqueuePending` when workers start.
import { z } from 'zod';
import { PermanentJobError, type JobQueue } from '../src/queue/port.ts';
import type { Store } from '../src/store/ports.ts';
import type { JobDefinition } from './deps.ts';
import { idPart } from './ids.ts';
import { enqueueJob } from './enqueue.ts';

const schema = z.object({
  articleId: z.string().min(1).max(200),
  /** Content hash at enqueue time: an edited article gets a new job id and is processed again. */
  contentHash: z.string().min(1).max(128).optional(),
});

export const processArticle: JobDefinition<typeof schema> = {
  name: 'process-article',
  schema,
  jobId: (p) => `process-article.${idPart(p.articleId)}.${idPart((p.contentHash ?? 'any').slice(0, 16))}`,
  worker: { concurrency: 4, attempts: 5, backoffMs: 2000 },
  async process(p, deps, ctx) {
    const article = await deps.store.articles.get(p.articleId);
    if (!article) throw new PermanentJobError(`article ${p.articleId} is no longer stored`);
    const quotes = deps.extractQuotes(article.text);
    const speakers = deps.speakersOf(quotes, article.text);
    await deps.store.quotes.replaceForArticle(article.id, quotes, speakers);
    if (deps.warmSummary) await deps.warmSummary(article);
    await deps.store.articles.markProcessed(article.id, article.contentHash);
    ctx.log.debug({ articleId: article.id, quotes: quotes.length, speakers: speakers.length }, 'article processed');
  },
};

/**
 * Enqueues process-article for every pending article (stored or changed, never processed), in
 * pages of `pageSize`. Job ids are deterministic, so articles already queued are not doubled.
 * Returns how many were enqueued.
 */
export async function enqueuePending(
  store: Pick<Store, 'articles'>,
  queue: Pick<JobQueue, 'enqueue'>,
  pageSize = 500,
): Promise<number> {
  let after: string | undefined;
  let n = 0;
  for (;;) {
    const page = await store.articles.pending({ limit: pageSize, ...(after ? { after } : {}) });
    for (const p of page) {
      await enqueueProcessArticle(queue, p);
      n++;
    }
    if (page.length < pageSize) return n;
    after = page.at(-1)!.id;
  }
}

/**
 * The one place process-article is enqueued: for an article that is new or whose text changed
 * (ingest-source, fetch-article) and for articles a crash left pending (enqueuePending).
 */
export async function enqueueProcessArticle(queue: Pick<JobQueue, 'enqueue'>, a: { id: string; contentHash: string }): Promise<string> {
  return enqueueJob(queue, processArticle, { articleId: a.id, contentHash: a.contentHash });
}
