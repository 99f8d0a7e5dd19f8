// fetch-article: reads the page behind one thin feed item (src/ingest/fulltext.ts) and, when the
// page gave the article's full text, enqueues process-article for that new text. Enqueued by
// ingest-source after dedup, once per (article, feed version): the job id carries the feed hash,
// so a stored page is never fetched again and an edited item is fetched once more. Transient
// failures retry with backoff; the last attempt keeps the teaser with the reason.
import { z } from 'zod';
import type { JobDefinition } from './deps.ts';
import { idPart } from './ids.ts';
import { enqueueProcessArticle } from './process-article.ts';

const schema = z.object({
  articleId: z.string().min(1).max(200),
  /** Content hash of the feed's version of the item when it was stored (Article.feedHash). */
  feedHash: z.string().min(1).max(128),
});

const ATTEMPTS = 4;

export const fetchArticle: JobDefinition<typeof schema> = {
  name: 'fetch-article',
  schema,
  jobId: (p) => `fetch-article.${idPart(p.articleId)}.${idPart(p.feedHash.slice(0, 16))}`,
  // Politeness per host is the fetcher's (FETCH_HOST_CONCURRENCY); this bounds pages in flight overall.
  worker: { concurrency: 8, attempts: ATTEMPTS, backoffMs: 30_000 },
  async process(p, deps, ctx) {
    const outcome = await deps.fetchFullText(p, ctx.attempt >= ATTEMPTS);
    if (outcome.status === 'page') await enqueueProcessArticle(deps.queue, outcome.article);
    const reason = outcome.status === 'page' ? undefined : outcome.reason;
    ctx.log.info({ articleId: p.articleId, outcome: outcome.status, reason }, 'article page read');
  },
};
