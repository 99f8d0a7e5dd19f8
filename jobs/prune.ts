// prune: deletes articles (and their quotes) published more than RETENTION_DAYS ago.
// Idempotent by nature; one job id per UTC day.
import { z } from 'zod';
import type { JobDefinition } from './deps.ts';

const schema = z.object({
  /** UTC day the run belongs to, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

const DAY_MS = 86_400_000;

export const prune: JobDefinition<typeof schema> = {
  name: 'prune',
  schema,
  jobId: (p) => `prune.${p.day}`,
  worker: { concurrency: 1, attempts: 3, backoffMs: 60_000 },
  async process(_p, deps, ctx) {
    const before = new Date(deps.now().getTime() - deps.retentionDays * DAY_MS);
    const removed = await deps.store.articles.pruneBefore(before);
    ctx.log.info({ removed, before: before.toISOString() }, 'old articles pruned');
  },
};
