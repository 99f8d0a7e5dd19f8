// FailedJobLog as a folder of small JSON files: one `<key>.json` per failed job, plus a
// `<key>.retry` marker written by `newsbot jobs retry`. One file per job keeps writers from
// different processes out of each other's way (each write is a whole-file rename).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FailedJobLog } from '../../queue/failed-log.ts';
import type { FailedJob } from '../../queue/port.ts';
import { debugLog } from '../../debug-log.ts';

const recordSchema = z.object({
  id: z.string(),
  name: z.string(),
  payload: z.unknown(),
  error: z.string(),
  attempts: z.number(),
  failedAt: z.coerce.date(),
});

/** File-name-safe key of a job id (ids may hold any character). */
const keyOf = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 32);

export function createFailedJobDir(dir: string): FailedJobLog {
  const ready = mkdir(dir, { recursive: true });

  async function names(): Promise<string[]> {
    await ready;
    return readdir(dir);
  }

  async function read(file: string): Promise<FailedJob | null> {
    try {
      const parsed = recordSchema.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
      return parsed.success ? (parsed.data as FailedJob) : null;
    } catch (err) {
      // Half-written or removed meanwhile: not a failed job we can show.
      debugLog('failed-job record %s unreadable: %s', file, err);
      return null;
    }
  }

  async function list(): Promise<FailedJob[]> {
    const out: FailedJob[] = [];
    for (const f of await names()) {
      if (!f.endsWith('.json')) continue;
      const job = await read(f);
      if (job) out.push(job);
    }
    return out.sort((a, b) => a.failedAt.getTime() - b.failedAt.getTime());
  }

  return {
    async record(job) {
      await ready;
      const key = keyOf(job.id);
      const tmp = join(dir, `.${key}.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify(job));
      await rename(tmp, join(dir, `${key}.json`));
    },
    async remove(id) {
      const key = keyOf(id);
      await rm(join(dir, `${key}.json`), { force: true });
      await rm(join(dir, `${key}.retry`), { force: true });
    },
    list,
    async requestRetry(idOrAll) {
      const jobs = (await list()).filter((j) => idOrAll === 'all' || j.id === idOrAll);
      for (const j of jobs) await writeFile(join(dir, `${keyOf(j.id)}.retry`), '');
      return jobs.length;
    },
    async takeRetryRequests() {
      const files = await names();
      const out: FailedJob[] = [];
      for (const f of files) {
        if (!f.endsWith('.retry')) continue;
        const key = f.slice(0, -'.retry'.length);
        const job = await read(`${key}.json`);
        await rm(join(dir, f), { force: true });
        await rm(join(dir, `${key}.json`), { force: true });
        if (job) out.push(job);
      }
      return out;
    },
  };
}
