// The one way to enqueue a job: payload parsed with zod, id and retry policy from the definition.
import type { z } from 'zod';
import type { JobOptions, JobQueue } from '../src/queue/port.ts';
import type { JobDefinition } from './deps.ts';

/** Enqueues a job; throws a ZodError when the payload is invalid (a programming error upstream). */
export async function enqueueJob<S extends z.ZodType>(
  queue: Pick<JobQueue, 'enqueue'>,
  job: JobDefinition<S>,
  payload: z.input<S>,
  opts: Pick<JobOptions, 'delayMs'> = {},
): Promise<string> {
  const p = job.schema.parse(payload);
  return queue.enqueue(job.name, p, {
    jobId: job.jobId(p),
    ...(job.worker.attempts ? { attempts: job.worker.attempts } : {}),
    ...(job.worker.backoffMs ? { backoffMs: job.worker.backoffMs } : {}),
    ...opts,
  });
}
