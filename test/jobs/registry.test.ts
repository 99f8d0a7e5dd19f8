import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueJob, ingestSource, processArticle, prune, registerJobs } from '../../jobs/index.ts';
import { createInProcessQueue } from '../../src/adapters/inprocess/queue.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { createLogger } from '../../src/log.ts';
import type { JobQueue } from '../../src/queue/port.ts';
import type { Store } from '../../src/store/ports.ts';
import { addArticle, makeJobDeps } from '../support/job-deps.ts';
import { waitFor } from '../support/wait-for.ts';

const log = createLogger('silent');

describe('job registry', () => {
  let store: Store;
  let queue: JobQueue;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    queue = createInProcessQueue({ log, defaults: { backoffMs: 10 } });
  });
  afterEach(async () => {
    await queue.close(1000);
    await store.close();
  });

  it('leaves post-digest to processes that can post to chat', () => {
    const names = registerJobs(queue, makeJobDeps({ store, queue, log, post: null }));
    expect(names).toEqual(['ingest-source', 'fetch-article', 'process-article', 'prune']);
  });

  it('fails a job whose payload does not parse at once, with the reason', async () => {
    registerJobs(queue, makeJobDeps({ store, queue, log, post: null }));
    await queue.enqueue('process-article', { articleId: 42 }, { jobId: 'bad-1' });
    await waitFor(async () => (await queue.failed()).length === 1, 5000, 'failure');
    const [f] = await queue.failed();
    expect(f!.attempts).toBe(1);
    expect(f!.error).toMatch(/^bad process-article payload/);
  });

  it('refuses to enqueue an invalid payload', async () => {
    await expect(enqueueJob(queue, ingestSource, { window: '2026-11-28T09:15Z' })).rejects.toThrow('exactly one of sourceId or target');
  });

  it('gives the same work the same job id', () => {
    const p = { articleId: 'a1', contentHash: 'abc' };
    expect(processArticle.jobId(p)).toBe(processArticle.jobId({ ...p }));
    expect(processArticle.jobId(p)).not.toBe(processArticle.jobId({ ...p, contentHash: 'abd' }));
    expect(ingestSource.jobId({ sourceId: 's1', window: '2026-11-28T09:15Z' })).toBe('ingest-source.s1.2026-11-28T0915Z');
  });

  it('ingests a source and queues process-article for each changed article, which stores its quotes', async () => {
    const articleId = await addArticle(store, 'harbour');
    const source = await store.sources.add({ url: 'https://harbour-courier.example/feed.xml', kind: 'feed' });
    const targets: string[][] = [];
    const deps = {
      ...makeJobDeps({ store, queue, log, post: null }),
      ingest: async (t: string[]) => {
        targets.push(t);
        return { changed: [{ id: articleId, contentHash: 'h1' }], pending: [] };
      },
      extractQuotes: (text: string) => {
        const start = text.indexOf('We will');
        const q = 'We will keep the harbour open,';
        return [{ text: q, speaker: 'Mara Quill', speakerRole: 'harbour master', cue: 'said', kind: 'direct' as const, start, end: start + q.length, confidence: 0.9 }];
      },
      speakersOf: () => [{ key: 'mara quill', name: 'Mara Quill', aliases: ['Quill'], role: 'harbour master' }],
    };
    registerJobs(queue, deps);
    await enqueueJob(queue, ingestSource, { sourceId: source.id, window: '2026-11-28T09:15Z' });
    await waitFor(async () => (await store.quotes.forArticles([articleId])).length === 1, 5000, 'quotes stored');
    expect(targets).toEqual([['https://harbour-courier.example/feed.xml']]);
    expect((await store.quotes.findSpeakers('quill')).map((s) => s.name)).toEqual(['Mara Quill']);
  });

  it('fails process-article permanently for an article that is gone', async () => {
    registerJobs(queue, makeJobDeps({ store, queue, log, post: null }));
    await enqueueJob(queue, processArticle, { articleId: 'nope' });
    await waitFor(async () => (await queue.failed()).length === 1, 5000, 'failure');
    expect((await queue.failed())[0]!.error).toContain('no longer stored');
  });

  it('prunes articles older than the retention period', async () => {
    const old = await addArticle(store, 'harbour', 24 * 40);
    const fresh = await addArticle(store, 'harbour', 1);
    registerJobs(queue, makeJobDeps({ store, queue, log, post: null }));
    await enqueueJob(queue, prune, { day: '2026-11-28' });
    await waitFor(async () => (await store.articles.get(old)) === null, 5000, 'prune');
    expect(await store.articles.get(fresh)).not.toBeNull();
  });
});
