// The JobQueue contract: every adapter (in-process, BullMQ) runs these same behaviours.
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentJobError, type JobQueue } from '../../src/queue/port.ts';
import { sleep, waitFor } from '../support/wait-for.ts';

export function queueContract(label: string, make: () => Promise<JobQueue>, enabled = true): void {
  describe(`JobQueue contract: ${label}`, () => {
    let q: JobQueue | null = null;
    const open = async () => (q = await make());
    afterEach(async () => {
      await q?.close(2000);
      q = null;
    });

    it.runIf(enabled)('runs an enqueued job once with its payload on attempt 1', async () => {
      const queue = await open();
      const seen: { payload: unknown; attempt: number; jobId: string }[] = [];
      queue.work('echo', async (payload, ctx) => void seen.push({ payload, attempt: ctx.attempt, jobId: ctx.jobId }));
      const id = await queue.enqueue('echo', { n: 1 });
      await waitFor(() => seen.length === 1, 5000, 'job run');
      await sleep(100);
      expect(seen).toEqual([{ payload: { n: 1 }, attempt: 1, jobId: id }]);
    });

    it.runIf(enabled)('runs a job enqueued twice under one deterministic id only once', async () => {
      const queue = await open();
      let runs = 0;
      const a = await queue.enqueue('dedup', { x: 1 }, { jobId: 'dedup-1' });
      const b = await queue.enqueue('dedup', { x: 2 }, { jobId: 'dedup-1' });
      queue.work('dedup', async () => void runs++);
      await waitFor(() => runs >= 1, 5000, 'job run');
      await queue.enqueue('dedup', { x: 3 }, { jobId: 'dedup-1' }); // already completed: still deduplicated
      await sleep(300);
      expect(a).toBe(b);
      expect(runs).toBe(1);
    });

    it.runIf(enabled)('retries a failing job with growing delays until it succeeds', async () => {
      const queue = await open();
      const at: number[] = [];
      const attempts: number[] = [];
      queue.work(
        'flaky',
        async (_p, ctx) => {
          at.push(Date.now());
          attempts.push(ctx.attempt);
          if (ctx.attempt < 3) throw new Error('not yet');
        },
        { attempts: 5, backoffMs: 100 },
      );
      await queue.enqueue('flaky', {});
      await waitFor(() => attempts.length === 3, 8000, 'three attempts');
      await sleep(200);
      expect(attempts).toEqual([1, 2, 3]);
      // Exponential: the second gap is about twice the first (100 ms, then 200 ms).
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(90);
      expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(190);
      expect((await queue.failed()).length).toBe(0);
    });

    it.runIf(enabled)('keeps a job that exhausted its attempts as failed with its error, and retry re-runs it', async () => {
      const queue = await open();
      let runs = 0;
      let healthy = false;
      queue.work(
        'broken',
        async () => {
          runs++;
          if (!healthy) throw new Error('upstream said no');
        },
        { attempts: 2, backoffMs: 50 },
      );
      const id = await queue.enqueue('broken', { k: 'v' }, { jobId: 'broken-1' });
      await waitFor(async () => (await queue.failed()).length === 1, 8000, 'failed job');
      const [f] = await queue.failed();
      expect(f).toMatchObject({ id, name: 'broken', payload: { k: 'v' }, error: 'upstream said no', attempts: 2 });
      expect(runs).toBe(2);
      expect((await queue.counts()).failed).toBe(1);
      healthy = true;
      expect(await queue.retry(id)).toBe(1);
      await waitFor(() => runs === 3, 5000, 're-run');
      await waitFor(async () => (await queue.failed()).length === 0, 5000, 'failed list to empty');
      expect(await queue.retry('all')).toBe(0);
    });

    it.runIf(enabled)('fails a job that throws PermanentJobError at once, without retrying', async () => {
      const queue = await open();
      let runs = 0;
      queue.work(
        'bad',
        async () => {
          runs++;
          throw new PermanentJobError('payload is not valid');
        },
        { attempts: 5, backoffMs: 50 },
      );
      await queue.enqueue('bad', {});
      await waitFor(async () => (await queue.failed()).length === 1, 5000, 'failed job');
      await sleep(300);
      expect(runs).toBe(1);
      expect((await queue.failed())[0]!.error).toContain('payload is not valid');
    });

    it.runIf(enabled)('holds a delayed job back until its delay has passed', async () => {
      const queue = await open();
      let ranAt = 0;
      queue.work('later', async () => void (ranAt = Date.now()));
      const t0 = Date.now();
      await queue.enqueue('later', {}, { delayMs: 400 });
      await sleep(150);
      expect(ranAt).toBe(0);
      expect((await queue.counts()).delayed).toBe(1);
      await waitFor(() => ranAt > 0, 5000, 'delayed run');
      expect(ranAt - t0).toBeGreaterThanOrEqual(380);
    });

    it.runIf(enabled)('never runs more jobs of one name at once than its concurrency', async () => {
      const queue = await open();
      let active = 0;
      let peak = 0;
      let done = 0;
      queue.work(
        'slow',
        async () => {
          active++;
          peak = Math.max(peak, active);
          await sleep(150);
          active--;
          done++;
        },
        { concurrency: 2 },
      );
      for (let i = 0; i < 6; i++) await queue.enqueue('slow', { i });
      await waitFor(() => done === 6, 8000, 'six jobs');
      expect(peak).toBe(2);
    });

    it.runIf(enabled)('starts no more jobs per window than the rate limit allows', async () => {
      const queue = await open();
      const starts: number[] = [];
      queue.work('limited', async () => void starts.push(Date.now()), { concurrency: 5, limiter: { max: 2, durationMs: 500 } });
      for (let i = 0; i < 4; i++) await queue.enqueue('limited', { i });
      await waitFor(() => starts.length === 4, 8000, 'four starts');
      starts.sort((a, b) => a - b);
      // Jobs 3 and 4 fall in a later window than jobs 1 and 2.
      expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(400);
    });

    it.runIf(enabled)('close waits for the active job to finish before resolving', async () => {
      const queue = await open();
      let finished = false;
      let started = false;
      queue.work('drain', async () => {
        started = true;
        await sleep(300);
        finished = true;
      });
      await queue.enqueue('drain', {});
      await waitFor(() => started, 5000, 'job start');
      await queue.close(5000);
      q = null;
      expect(finished).toBe(true);
    });
  });
}
