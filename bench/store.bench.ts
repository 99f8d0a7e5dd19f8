// Store profiles: `npm run bench -- --only store [--n 1000000] [--store postgres]`.
// Fills a fresh store with N synthetic articles (bench/store-corpus.ts: the same 3,334 articles a day
// at every N, so N is history) through saveMany, then its quotes, and times what users wait for:
// digests over 24 h and 7 d (the whole engine, offline), /whosaid by name and by phrase, and a topic
// search for a word in every article ("the", bounded by the search cap). Reports p50/p99 over
// several rounds, ingest articles/s, and the database size on disk; the runner adds peak RSS.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openSqliteStore } from '../src/adapters/sqlite/store.ts';
import { openPostgresStore } from '../src/adapters/postgres/store.ts';
import { buildDigest } from '../src/digest/build.ts';
import { createLogger } from '../src/log.ts';
import type { Store } from '../src/store/ports.ts';
import { whoSaid } from '../src/whosaid/query.ts';
import { DATABASE_URL, postgresAvailable } from '../test/support/services.ts';
import { ARTICLES_PER_DAY, corpusBatches, quotesOf, spanDaysFor } from './store-corpus.ts';
import { median, percentile } from './stats.ts';
import { generateArticles, SYNTHETIC_END, TOPIC_QUERIES } from './synthetic.ts';
import type { Bench, BenchOptions, BenchRow } from './types.ts';
import { debugLog } from '../src/debug-log.ts';

const BATCH = 1000;
const DAY_MS = 86_400_000;
const SCHEMA = 'newsbot_bench';

interface Opened {
  store: Store;
  size(): Promise<number>;
  done(): Promise<void>;
}

async function openSqlite(): Promise<Opened> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsbot-store-bench-'));
  const file = path.join(dir, 'newsbot.db');
  const store = await openSqliteStore(file);
  const sizeOf = (f: string) => stat(f).then((s) => s.size, () => 0);
  return {
    store,
    size: async () => (await sizeOf(file)) + (await sizeOf(`${file}-wal`)),
    done: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<Opened> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin.query(`CREATE SCHEMA ${SCHEMA}`);
  const u = new URL(DATABASE_URL);
  u.searchParams.set('options', `-c search_path=${SCHEMA}`);
  const store = await openPostgresStore(u.href, createLogger('warn'));
  return {
    store,
    size: async () => {
      await admin.query(`ANALYZE`);
      const { rows } = await admin.query<{ b: string }>(
        `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS b FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
        [SCHEMA],
      );
      return Number(rows[0]!.b);
    },
    done: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch((err) => debugLog('drop schema failed: %s', err));
      await admin.end();
    },
  };
}

/** Stores the corpus: articles by saveMany (timed), then quotes (set-up, timed apart). */
async function fill(store: Store, n: number, concurrent: boolean): Promise<{ rate: number; cpuRate: number; quoteRate: number }> {
  let ms = 0;
  let cpuMs = 0;
  let quoteMs = 0;
  let done = 0;
  for (const batch of corpusBatches(n, BATCH)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await store.articles.saveMany(batch);
    ms += performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpuMs += (c.user + c.system) / 1000;
    const q0 = performance.now();
    // Quotes for every article of the newest 90 days (a default retention) and every 10th before:
    // the quote tables stay large while the set-up of a 1M profile stays within minutes.
    const work = batch.filter((a, i) => done + i >= n - 90 * ARTICLES_PER_DAY || (done + i) % 10 === 0).map((a) => [a.id, quotesOf(a)] as const);
    // PostgreSQL: a few at a time, as many as the pool has connections to spare.
    const step = concurrent ? 8 : 1;
    for (let i = 0; i < work.length; i += step) {
      await Promise.all(work.slice(i, i + step).map(([id, q]) => store.quotes.replaceForArticle(id, q.quotes, q.speakers)));
    }
    quoteMs += performance.now() - q0;
    done += batch.length;
    if (done % 50_000 === 0) process.stderr.write(`  store bench: ${done.toLocaleString('en-US')} articles, ${Math.round(done / (ms / 1000))}/s\n`);
  }
  return { rate: done / (ms / 1000), cpuRate: done / (cpuMs / 1000), quoteRate: done / (quoteMs / 1000) };
}

interface Samples {
  wall: number[];
  /** CPU time of this process: all of the work on SQLite, the client's share on PostgreSQL. */
  cpu: number[];
}

async function timed<T>(rounds: number, inputs: readonly T[], fn: (x: T) => Promise<unknown>): Promise<Samples> {
  for (const x of inputs.slice(0, 2)) await fn(x); // warm-up
  const out: Samples = { wall: [], cpu: [] };
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fn(x);
      out.wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      out.cpu.push((c.user + c.system) / 1000);
    }
  }
  return out;
}

/** Names and phrases from the newest articles (what users ask about), plus phrases nobody said. */
function whoSaidInputs(n: number): { names: string[]; phrases: string[] } {
  const names = new Set<string>();
  const phrases = new Set<string>();
  const start = Math.max(0, n - 2000);
  for (const a of generateArticles(n, 1, { order: 'chronological', spanDays: spanDaysFor(n) })) {
    if (Number(a.id.split('-').at(-1)) < start) continue;
    for (const q of quotesOf(a).quotes) {
      if (names.size < 16) names.add(q.speaker!);
      if (phrases.size < 12) phrases.add(`"${q.text.split(' ').slice(1, 5).join(' ')}"`);
    }
    if (names.size >= 16 && phrases.size >= 12) break;
  }
  return { names: [...names], phrases: [...phrases, '"harbour lanterns at noon"', '"seventeen purple otters"', '"no such words"', '"quietly amended"'] };
}

function latencyRows(label: string, s: Samples, note: string): BenchRow[] {
  return [
    { metric: `${label} p50`, value: +percentile(s.wall, 50).toFixed(1), unit: 'ms', note },
    { metric: `${label} p99`, value: +percentile(s.wall, 99).toFixed(1), unit: 'ms' },
    { metric: `${label} CPU p50 / p99`, value: +percentile(s.cpu, 50).toFixed(1), unit: 'ms', note: `p99 ${percentile(s.cpu, 99).toFixed(1)} ms (CPU time of the bench process)` },
  ];
}

async function profile(o: Opened, { n, quick, store: kind }: BenchOptions): Promise<BenchRow[]> {
  const { store } = o;
  const f = await fill(store, n, kind === 'postgres');
  const rounds = quick ? 2 : 5;
  const until = SYNTHETIC_END;
  const rows: BenchRow[] = [];
  for (const [label, days] of [['24 h', 1], ['7 d', 7]] as const) {
    const since = new Date(until.getTime() - days * DAY_MS);
    const matched: number[] = [];
    const samples = await timed(rounds, TOPIC_QUERIES, async (topic) => matched.push((await buildDigest(store, { topic, since, until })).articleCount));
    rows.push(...latencyRows(`digest ${label}`, samples, `${samples.wall.length} digests, ${TOPIC_QUERIES.length} topics; median ${median(matched)} matches retrieved`));
  }
  const { names, phrases } = whoSaidInputs(n);
  const byName = await timed(rounds, names, (query) => whoSaid(store, { query }));
  rows.push(...latencyRows('/whosaid by name', byName, `${byName.wall.length} queries, ${names.length} full names`));
  const byPhrase = await timed(rounds, phrases, (query) => whoSaid(store, { query }));
  rows.push(...latencyRows('/whosaid by phrase', byPhrase, `${byPhrase.wall.length} queries, ${phrases.length} phrases (4 said by nobody)`));
  let partial = '';
  const broad = await timed(rounds, ['the'], async (query) => {
    const r = await store.articles.search({ query, since: new Date(until.getTime() - 7 * DAY_MS), until, limit: 20 });
    partial = r.partial ? `partial (${r.partial.reason})` : 'complete';
  });
  rows.push(...latencyRows('search "the", 7 d', broad, `matches every article; result ${partial}`));
  rows.push(
    { metric: 'ingest (saveMany, 1,000 per batch)', value: Math.round(f.rate), unit: 'articles/s', note: `N = ${n.toLocaleString('en-US')}, ${ARTICLES_PER_DAY.toLocaleString('en-US')} a day over ${Math.round(spanDaysFor(n))} days` },
    { metric: 'ingest per CPU second of the bench process', value: Math.round(f.cpuRate), unit: 'articles/s', note: kind === 'postgres' ? 'client side only' : 'all of the database work; robust to other load' },
    { metric: 'quote index set-up', value: Math.round(f.quoteRate), unit: 'articles/s', note: 'replaceForArticle per article (set-up, not a target)' },
    { metric: 'database size on disk', value: Math.round((await o.size()) / 1024 ** 2), unit: 'MB', note: kind === 'postgres' ? 'tables, indexes and TOAST' : 'file + WAL' },
  );
  return rows;
}

const bench: Bench = {
  name: 'store',
  async run(opts) {
    if (opts.store === 'postgres' && !(await postgresAvailable())) {
      return [{ metric: 'PostgreSQL', value: Number.NaN, unit: '', note: `skipped: ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')} is not reachable` }];
    }
    const o = opts.store === 'postgres' ? await openPostgres() : await openSqlite();
    try {
      return await profile(o, opts);
    } finally {
      await o.done();
    }
  },
};

export default bench;
