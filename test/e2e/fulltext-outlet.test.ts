// The article behind a teaser feed, end to end through the real jobs (ingest-source ->
// fetch-article -> process-article) on both queue adapters, against a fictional outlet on loopback.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import type { CommandDeps } from '../../commands/deps.ts';
import { runCommandText } from '../../commands/router.ts';
import { enqueueJob, ingestSource, registerJobs } from '../../jobs/index.ts';
import { createJobDeps } from '../../src/app/job-deps.ts';
import { createBullMqQueue } from '../../src/adapters/bullmq/queue.ts';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import { createInProcessQueue } from '../../src/adapters/inprocess/queue.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { JobQueue } from '../../src/queue/port.ts';
import { renderText } from '../../src/render/text.ts';
import type { Store } from '../../src/store/ports.ts';
import { manager } from '../commands/setup.ts';
import { DISALLOWED, PAYWALLED, PAYWALL_TEXT, STORIES, startOutlet, type Outlet } from '../support/outlet.ts';
import { REDIS_URL, redisAvailable } from '../support/services.ts';
import { waitFor } from '../support/wait-for.ts';
import { createWork } from '../../src/app/work.ts';

const log = createLogger('silent');
const redisOk = await redisAvailable();
const prefixes: string[] = [];
let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});
afterAll(async () => {
  if (!redisOk || !prefixes.length) return;
  const r = new Redis(REDIS_URL);
  for (const p of prefixes) {
    const keys = await r.keys(`${p}:*`);
    if (keys.length) await r.del(...keys);
  }
  await r.quit();
});

async function settle(queue: JobQueue, store: Store): Promise<void> {
  await waitFor(async () => {
    const c = await queue.counts();
    return c.waiting + c.active + c.delayed === 0 && (await store.articles.pending({ limit: 1 })).length === 0;
  }, 20_000, 'jobs settled');
}

async function run(makeQueue: () => JobQueue) {
  const outlet: Outlet = await startOutlet({ delayMs: 40 });
  const store = await openSqliteStore(':memory:');
  const queue = makeQueue();
  const fetcher = createFetcher({ timeoutMs: 5000, maxBytes: 1024 * 1024, allowlist: ['127.0.0.1'] });
  cleanup.push(() => outlet.close(), () => store.close(), () => queue.close(2000), () => fetcher.close());
  const config = loadConfig({ DATA_DIR: '/tmp', FETCH_HOST_DELAY_MS: '10', NEWSBOT_FETCH_ALLOWLIST: '127.0.0.1' });
  registerJobs(queue, createJobDeps({ config, store, fetcher, queue, log, model: null, post: null }));
  const source = await store.sources.add({ url: outlet.feedUrl, kind: 'feed' });
  const tick = async (window: string) => {
    await enqueueJob(queue, ingestSource, { sourceId: source.id, window });
    await waitFor(async () => (await store.sources.get(source.id))?.lastFetchedAt?.toISOString() !== undefined, 20_000, 'feed read');
    await settle(queue, store);
  };
  const commandDeps: CommandDeps = { config, store, model: null, work: createWork(queue), log, now: () => new Date('2025-06-06T12:00:00Z'), onSubscriptionsChanged: async () => {} };
  return { outlet, store, tick, commandDeps, source };
}

const cases: [string, () => JobQueue, boolean][] = [
  ['in-process queue', () => createInProcessQueue({ log }), true],
  [
    'BullMQ queue',
    () => {
      const prefix = `nbft-${randomUUID().slice(0, 8)}`;
      prefixes.push(prefix);
      return createBullMqQueue({ redisUrl: REDIS_URL, prefix, log });
    },
    redisOk,
  ],
];

describe.each(cases)('full text behind a teaser feed (%s)', (_label, makeQueue, enabled) => {
  it.runIf(enabled)('reads the pages politely, keeps walled and disallowed items as teasers, and never asks twice', async () => {
    const { outlet, store, tick, commandDeps, source } = await run(makeQueue);
    await tick('2025-06-06T0900Z');

    // The quote is only on the full page of the first story.
    const reply = await runCommandText(allCommands, 'whosaid Brandvold', manager, commandDeps);
    const shown = reply.kind === 'private' ? reply.text : renderText(reply.doc);
    expect(shown).toContain('We cannot run boats safely on four hours of sleep');

    const stored = await Promise.all([...STORIES, PAYWALLED, DISALLOWED].map(async (s) => (await store.articles.findExisting({ url: `${outlet.url}/${s.slug}`, guid: null, contentHash: '' }))!));
    expect(stored.map((a) => a.textSource)).toEqual(['page', 'page', 'teaser', 'teaser']);
    const [ferry, , walled, disallowed] = stored;
    // The feed's title, date and outlet stay; the clutter does not come along.
    expect(ferry).toMatchObject({ title: STORIES[0]!.title, outlet: 'The Tidewater Ledger', publishedAt: new Date(STORIES[0]!.date) });
    expect(ferry!.text).not.toMatch(/cookies|Share on social|Related stories|newsletter|All rights reserved|Photo:/);
    expect(walled!.textNote).toMatch(/paywall/);
    expect(walled!.text).toBe(PAYWALLED.teaser);
    expect(disallowed!.textNote).toBe('robots.txt disallows this page');

    // The disallowed page is never requested; robots.txt once; no host sees more than 2 at once.
    expect(outlet.hits(`/${DISALLOWED.slug}`)).toBe(0);
    expect(outlet.hits('/robots.txt')).toBe(1);
    expect(outlet.peakInFlight()).toBeLessThanOrEqual(2);

    // Wall text is nowhere: not in any article, quote or teaser count's article.
    const everything = await store.articles.search({ query: 'subscribe subscriber sign reading', limit: 50 });
    expect(everything.filter((h) => h.article.text.includes('Subscribe to continue'))).toEqual([]);
    const quotes = await store.quotes.byPhrase('continue reading');
    expect(quotes).toEqual([]);
    expect(JSON.stringify(stored)).not.toContain(PAYWALL_TEXT);
    expect(await store.sources.teaserCounts()).toEqual({ [source.id]: 2 });

    // A second tick requests the feed again but no page.
    const before = outlet.server.requests.length;
    await tick('2025-06-06T0915Z');
    const again = outlet.server.requests.slice(before).map((r) => r.path.split('?')[0]);
    expect(again).toEqual(['/feed.xml']);
  });
});
