// process-article: extracts the quotes of one stored article (with their speakers) and warms its
// summary. Idempotent: quotes are replaced wholesale, so a re-run leaves the same rows.
import { z } from 'zod';
import { PermanentJobError } from '../src/queue/port.ts';
import type { JobDefinition } from './deps.ts';
import { idPart } from './ids.ts';

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
    ctx.log.debug({ articleId: article.id, quotes: quotes.length, speakers: speakers.length }, 'article processed');
  },
};
