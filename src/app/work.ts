// The Work port over the job queue: each request becomes its job, enqueued the one way jobs are
// (jobs/enqueue.ts), so ids, payload checks and retry policy come from the job definitions.
import { enqueueJob } from '../../jobs/enqueue.ts';
import { ingestSource, ingestWindow } from '../../jobs/ingest-source.ts';
import { postDigest } from '../../jobs/post-digest.ts';
import { prune } from '../../jobs/prune.ts';
import type { JobQueue } from '../queue/port.ts';
import type { Work } from '../queue/work.ts';

export function createWork(queue: Pick<JobQueue, 'enqueue'>): Work {
  return {
    async ingestSource(sourceId, o) {
      const window = ingestWindow(o.at, o.start ? 'start' : undefined);
      await enqueueJob(queue, ingestSource, { sourceId, window }, o.delayMs !== undefined ? { delayMs: o.delayMs } : {});
    },
    async postDigest(subscriptionId, period) {
      await enqueueJob(queue, postDigest, { subscriptionId, period });
    },
    async prune(day) {
      await enqueueJob(queue, prune, { day });
    },
  };
}
