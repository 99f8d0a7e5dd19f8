import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFailedJobDir } from '../../src/adapters/inprocess/failed-dir.ts';
import { createInProcessQueue } from '../../src/adapters/inprocess/queue.ts';
import { createLogger } from '../../src/log.ts';
import { PermanentJobError } from '../../src/queue/port.ts';
import { queueContract } from '../contract/queue.contract.ts';
import { waitFor } from '../support/wait-for.ts';

const log = createLogger('silent');

queueContract('in-process', async () => createInProcessQueue({ log }));

describe('in-process queue failure log', () => {
  it('records failures where another process can list them, and honours a retry requested from there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-failed-'));
    try {
      const q = createInProcessQueue({ log, failedLog: createFailedJobDir(dir), retryPollMs: 50 });
      let healthy = false;
      let runs = 0;
      q.work('sync', async () => {
        runs++;
        if (!healthy) throw new PermanentJobError('source gone');
      });
      await q.enqueue('sync', { s: 1 }, { jobId: 'sync-a' });
      // A second process (the CLI) sees the failure through its own view of the folder.
      const other = createFailedJobDir(dir);
      await waitFor(async () => (await other.list()).length === 1, 5000, 'recorded failure');
      expect((await other.list())[0]).toMatchObject({ id: 'sync-a', name: 'sync', error: 'source gone', attempts: 1 });
      healthy = true;
      expect(await other.requestRetry('all')).toBe(1);
      await waitFor(() => runs === 2, 5000, 're-run after request');
      await waitFor(async () => (await other.list()).length === 0, 5000, 'failure cleared');
      await q.close(1000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('re-queues at start a failure whose retry was requested while the process was down', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-failed-'));
    try {
      const log1 = createFailedJobDir(dir);
      await log1.record({ id: 'old-1', name: 'sync', payload: { s: 2 }, error: 'boom', attempts: 5, failedAt: new Date() });
      await log1.requestRetry('old-1');
      const q = createInProcessQueue({ log, failedLog: createFailedJobDir(dir) });
      const seen: unknown[] = [];
      q.work('sync', async (p) => void seen.push(p));
      await waitFor(() => seen.length === 1, 5000, 'start-up retry');
      expect(seen).toEqual([{ s: 2 }]);
      await q.close(1000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
