import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFailedJobDir } from '../../src/adapters/inprocess/failed-dir.ts';
import { runCliCaptured } from '../support/cli.ts';

async function cli(args: string[], env: Record<string, string>) {
  const r = await runCliCaptured(args, { env });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('newsbot jobs (embedded mode)', () => {
  it('lists failed jobs recorded by the running process and marks them for retry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-cli-jobs-'));
    try {
      const env = { DATA_DIR: dir };
      expect((await cli(['jobs', 'failed'], env)).out).toBe('no failed jobs\nno failed chat posts\nno failed scheduled posts\n');
      await createFailedJobDir(join(dir, 'failed-jobs')).record({
        id: 'ingest-source.s1.2026-11-28T0915Z', name: 'ingest-source', payload: { sourceId: 's1' }, error: 'feed answered 503', attempts: 3, failedAt: new Date('2026-11-28T09:20:00Z'),
      });
      const listed = await cli(['jobs', 'failed'], env);
      expect(listed.out).toContain('ingest-source.s1.2026-11-28T0915Z  ingest-source  failed 2026-11-28T09:20:00Z after 3 attempts');
      expect(listed.out).toContain('error: feed answered 503');
      const json = JSON.parse((await cli(['jobs', 'failed', '--json'], env)).out);
      expect(json.jobs[0]).toMatchObject({ id: 'ingest-source.s1.2026-11-28T0915Z', attempts: 3, failedAt: '2026-11-28T09:20:00.000Z' });
      const retried = await cli(['jobs', 'retry', 'all'], env);
      expect(retried.code).toBe(0);
      expect(retried.out).toMatch(/^1 job\(s\) marked for retry/);
      expect(await createFailedJobDir(join(dir, 'failed-jobs')).takeRetryRequests()).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers bad usage with one line and exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-cli-jobs-'));
    try {
      const r = await cli(['jobs', 'retry'], { DATA_DIR: dir });
      expect(r.code).toBe(2);
      expect(r.err).toBe('newsbot jobs: jobs retry needs one job id (from `newsbot jobs failed`) or all\n');
      expect((await cli(['jobs', 'retry', 'nope'], { DATA_DIR: dir })).err).toMatch(/no failed job nope/);
      expect((await cli(['jobs', 'frobnicate'], { DATA_DIR: dir })).code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
