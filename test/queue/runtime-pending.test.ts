// A process that stored articles and died before processing them (the in-process queue keeps
// waiting jobs in memory only) loses nothing: the next worker to start queues them again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/adapters/inprocess/queue.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startJobRuntime, type JobRuntime } from '../../src/app/job-runtime.ts';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import type { Store } from '../../src/store/ports.ts';
import { waitFor } from '../support/wait-for.ts';

const log = createLogger('silent');
const TEXT =
  '“The night ferry will run again from Monday,” said Orla Penhallow, the harbour master of Kestrel Bay.\n\n' +
  'Crews had waited three weeks for the spare part.';

let dir = '';
let store: Store | null = null;
let runtime: JobRuntime | null = null;
afterEach(async () => {
  await runtime?.close();
  await store?.close();
  runtime = null;
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The jobs runtime of a worker process (no model, in-process queue) over `s`, configured by `env`. */
const startWorker = (s: Store, env: Record<string, string>) =>
  startJobRuntime({
    config: loadConfig({ DATA_DIR: dir, ...env }),
    log,
    store: s,
    model: null,
    fetcher: createFetcher({ timeoutMs: 2000, maxBytes: 1024 * 1024, allowlist: [] }),
    role: 'worker',
    queue: createInProcessQueue({ log }),
    post: null,
    openScheduler: () => Promise.reject(new Error('a worker runs no schedules')),
  });

describe('jobs runtime start', () => {
  it('processes articles a previous process stored but never processed, and only those', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-pending-'));
    const dbPath = join(dir, 'newsbot.db');
    // The process that died: it stored two articles and processed one of them.
    const before = await openSqliteStore(dbPath);
    const base = { guid: null, sourceId: null, outlet: 'Kestrel Courier', byline: null, publishedAt: new Date(), fetchedAt: new Date(), text: TEXT };
    await before.articles.save({ ...base, id: 'a-lost', url: 'https://courier.example/lost', title: 'Night ferry returns', contentHash: 'h-lost' });
    await before.articles.save({ ...base, id: 'a-done', url: 'https://courier.example/done', title: 'Ferry part arrives', contentHash: 'h-done' });
    await before.articles.markProcessed('a-done', 'h-done');
    await before.close();

    store = await openSqliteStore(dbPath);
    const s = store;
    runtime = await startWorker(s, {});
    await waitFor(async () => (await s.articles.pending({ limit: 10 })).length === 0, 10_000, 'pending articles processed');
    const quotes = await s.quotes.forArticles(['a-lost', 'a-done']);
    expect(quotes.map((q) => [q.articleId, q.speaker])).toEqual([['a-lost', 'Orla Penhallow']]);
  });

  it('processes articles at full speed offline, whatever MODEL_RATE_PER_MINUTE says', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-pending-'));
    store = await openSqliteStore(join(dir, 'newsbot.db'));
    const s = store;
    for (let i = 0; i < 6; i++) {
      await s.articles.save({ id: `a${i}`, url: `https://courier.example/${i}`, guid: null, sourceId: null, outlet: 'Kestrel Courier', byline: null, title: `Ferry note ${i}`, publishedAt: new Date(), fetchedAt: new Date(), text: TEXT, contentHash: `h${i}` });
    }
    runtime = await startWorker(s, { MODEL_RATE_PER_MINUTE: '2' });
    // Offline there is no model to protect: all six are processed, not two a minute.
    await waitFor(async () => (await s.articles.pending({ limit: 10 })).length === 0, 10_000, 'all six processed');
    expect(await s.quotes.forArticles(['a0', 'a1', 'a2', 'a3', 'a4', 'a5'])).toHaveLength(6);
  });
});
