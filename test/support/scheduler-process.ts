// A newsbot process running the real jobs runtime (role 'all') over a shared SQLite file, for the
// two-schedulers test: `node --import tsx test/support/scheduler-process.ts` with DB_PATH,
// POSTS_FILE, DATA_DIR and optionally REDIS_URL + PREFIX. Each post appends one JSON line
// to POSTS_FILE. Prints "ready" when schedules are up; SIGTERM closes and exits 0.
import { appendFileSync } from 'node:fs';
import { createBullMqQueue } from '../../src/adapters/bullmq/queue.ts';
import { createBullMqScheduler } from '../../src/adapters/bullmq/scheduler.ts';
import { createCronScheduler } from '../../src/adapters/cron/scheduler.ts';
import { createInProcessQueue } from '../../src/adapters/inprocess/queue.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startJobRuntime } from '../../src/app/job-runtime.ts';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import { searchDigest } from './job-deps.ts';

const config = loadConfig({
  DATA_DIR: process.env.DATA_DIR,
  REDIS_URL: process.env.REDIS_URL_FOR_JOBS,
  SHUTDOWN_TIMEOUT_MS: '5000',
});
const log = createLogger(process.env.LOG_LEVEL ?? 'silent');
const store = await openSqliteStore(process.env.DB_PATH!);
// Record every claim this process wins, to check no period is won twice.
const claim = store.posts.claim.bind(store.posts);
store.posts.claim = async (subscriptionId, period, owner, staleAfterMs) => {
  const won = await claim(subscriptionId, period, owner, staleAfterMs);
  if (won) appendFileSync(process.env.POSTS_FILE! + '.claims', JSON.stringify({ pid: process.pid, subscriptionId, period }) + '\n');
  return won;
};
let seq = 0;
const runtime = await startJobRuntime({
  config,
  log,
  store,
  model: null,
  fetcher: createFetcher({ timeoutMs: 2000, maxBytes: 1024 * 1024, allowlist: [] }),
  role: 'all',
  // The adapters src/app.ts would pick, with a key prefix of this test's own.
  queue: config.REDIS_URL ? createBullMqQueue({ redisUrl: config.REDIS_URL, prefix: process.env.PREFIX, log }) : createInProcessQueue({ log }),
  openScheduler: async (fire) =>
    config.REDIS_URL ? createBullMqScheduler({ redisUrl: config.REDIS_URL, prefix: process.env.PREFIX, log, fire }) : createCronScheduler({ log, fire }),
  resyncMs: 500,
  post: async (where, doc) => {
    const messageId = `${process.pid}-${++seq}`;
    appendFileSync(process.env.POSTS_FILE!, JSON.stringify({ pid: process.pid, channelId: where.channelId, title: doc.title, messageId }) + '\n');
    return { platform: where.platform, channelId: where.channelId, messageId };
  },
  deps: {
    buildDigest: (q) => searchDigest(store, q),
    digestDoc: (d) => ({ title: `Digest: ${d.topic}`, blocks: [] }),
  },
});

process.on('SIGTERM', () => {
  void (async () => {
    await runtime.close();
    await store.close();
    process.exit(0);
  })();
});
process.stdout.write('ready\n');
