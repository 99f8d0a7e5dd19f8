// Store benchmark: ingest N synthetic articles into a fresh store through the ArticleStore port
// (findExisting + save per article, as the ingest pipeline does), then time topic searches
// (LIMIT 20) over all time, the last 7 days and the last 24 hours. Runs on SQLite always and on
// PostgreSQL when the test database answers; PostgreSQL figures sit beside SQLite's.
//
// The port has no batch insert: save() is one row per call (on SQLite one autocommit transaction
// each), so the ingest rate measured here is the rate the real pipeline gets. Articles are offered
// in batches (generated before the clock starts); on PostgreSQL a batch's calls run concurrently.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openSqliteStore } from '../src/adapters/sqlite/store.ts';
import type { Article } from '../src/domain/types.ts';
import { createLogger, type Logger } from '../src/log.ts';
import type { Store } from '../src/store/ports.ts';
import { DATABASE_URL, postgresAvailable } from '../test/support/services.ts';
import { percentile } from './stats.ts';
import { generateArticles, SYNTHETIC_END, TOPIC_QUERIES } from './synthetic.ts';
import type { Bench, BenchRow } from './types.ts';

const BATCH = 500;
const DAY_MS = 86_400_000;

interface Figures {
  rate: number;
  batchRates: number[];
  /** CPU time of this process per article (ms): less skewed by other work on the machine than wall time. */
  cpuPerArticle: number;
  windows: { label: string; samples: number[]; cpu: number[]; hits: number }[];
}

/** CPU time (user + system) of this process in ms since `from` (a process.cpuUsage() value). */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function batchesOf(n: number, size: number): Generator<Article[]> {
  const gen = generateArticles(n, 1, { order: 'chronological' });
  return (function* () {
    let batch: Article[] = [];
    for (const a of gen) {
      batch.push(a);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  })();
}

async function ingest(store: Store, n: number, label: string): Promise<{ rate: number; batchRates: number[]; cpuPerArticle: number }> {
  let ms = 0;
  let cpu = 0;
  let done = 0;
  const batchRates: number[] = [];
  let nextReport = 10_000;
  for (const batch of batchesOf(n, BATCH)) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await Promise.all(
      batch.map(async (a) => {
        const existing = await store.articles.findExisting({ url: a.url, guid: a.guid, contentHash: a.contentHash });
        if (!existing) await store.articles.save(a);
      }),
    );
    const dt = performance.now() - t0;
    cpu += cpuMs(c0);
    ms += dt;
    done += batch.length;
    batchRates.push(batch.length / (dt / 1000));
    if (done >= nextReport) {
      process.stderr.write(`  ${label}: ${done.toLocaleString('en-US')} articles, ${Math.round(done / (ms / 1000))}/s\n`);
      nextReport += 10_000;
    }
  }
  return { rate: done / (ms / 1000), batchRates, cpuPerArticle: cpu / done };
}

async function queryLatencies(store: Store, rounds: number): Promise<Figures['windows']> {
  const windows = [
    { label: 'all time', since: undefined, until: undefined },
    { label: 'last 7 days', since: new Date(SYNTHETIC_END.getTime() - 7 * DAY_MS), until: SYNTHETIC_END },
    { label: 'last 24 h', since: new Date(SYNTHETIC_END.getTime() - DAY_MS), until: SYNTHETIC_END },
  ];
  const out: Figures['windows'] = [];
  for (const w of windows) {
    const samples: number[] = [];
    const cpu: number[] = [];
    let hits = 0;
    for (const query of TOPIC_QUERIES) await store.articles.search({ query, since: w.since, until: w.until, limit: 20 }); // warm-up
    for (let r = 0; r < rounds; r++) {
      for (const query of TOPIC_QUERIES) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const res = await store.articles.search({ query, since: w.since, until: w.until, limit: 20 });
        samples.push(performance.now() - t0);
        cpu.push(cpuMs(c0));
        hits += res.length;
      }
    }
    out.push({ label: w.label, samples, cpu, hits: hits / samples.length });
  }
  return out;
}

async function measure(store: Store, n: number, quick: boolean, label: string): Promise<Figures> {
  const { rate, batchRates, cpuPerArticle } = await ingest(store, n, label);
  const windows = await queryLatencies(store, quick ? 2 : 10);
  return { rate, batchRates, cpuPerArticle, windows };
}

function rows(db: string, f: Figures, inProcess: boolean): BenchRow[] {
  const where = inProcess ? 'all of the database work' : 'client side only; the server is not counted';
  const out: BenchRow[] = [
    { metric: `${db} ingest (findExisting + save per article)`, value: f.rate, unit: 'articles/s', note: `median batch of ${BATCH}: ${Math.round(percentile(f.batchRates, 50))}/s` },
    { metric: `${db} ingest CPU time per article`, value: f.cpuPerArticle, unit: 'ms', note: `this process (${where})` },
  ];
  for (const w of f.windows) {
    const note = `${w.samples.length} searches, ${TOPIC_QUERIES.length} topics, ${w.hits.toFixed(1)} hits each`;
    out.push({ metric: `${db} topic query p50, ${w.label}`, value: percentile(w.samples, 50), unit: 'ms', note });
    out.push({ metric: `${db} topic query p99, ${w.label}`, value: percentile(w.samples, 99), unit: 'ms' });
    if (inProcess) out.push({ metric: `${db} topic query CPU p50, ${w.label}`, value: percentile(w.cpu, 50), unit: 'ms', note: 'CPU time of this process per search' });
  }
  return out;
}

async function sqlite(n: number, quick: boolean): Promise<{ rows: BenchRow[]; figures: Figures }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsbot-bench-'));
  const file = path.join(dir, 'newsbot.db');
  const store = await openSqliteStore(file);
  try {
    const figures = await measure(store, n, quick, 'SQLite');
    const size = (await stat(file)).size + (await stat(`${file}-wal`).then((s) => s.size, () => 0));
    return { figures, rows: [...rows('SQLite', figures, true), { metric: 'SQLite database size', value: size / 1024 ** 2, unit: 'MB' }] };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

type OpenPostgres = (url: string, log: Logger) => Promise<Store>;

/** The PostgreSQL adapter is loaded at run time so a broken or missing adapter only skips its rows. */
async function loadPostgres(): Promise<OpenPostgres | string> {
  const modulePath = '../src/adapters/postgres/store.ts';
  try {
    const mod = (await import(modulePath)) as { openPostgresStore?: unknown };
    return typeof mod.openPostgresStore === 'function' ? (mod.openPostgresStore as OpenPostgres) : 'src/adapters/postgres/store.ts has no openPostgresStore';
  } catch (e) {
    return `PostgreSQL adapter not loadable: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

/** A fresh store: the adapter migrates into a throwaway schema first on search_path, dropped afterwards. */
const SCHEMA = 'newsbot_bench';

async function withSchema<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    const u = new URL(DATABASE_URL);
    u.searchParams.set('options', `-c search_path=${SCHEMA}`);
    return await fn(u.href);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

async function postgres(n: number, quick: boolean): Promise<{ rows: BenchRow[]; figures: Figures | null }> {
  const skipped = (why: string) => ({ figures: null, rows: [{ metric: 'PostgreSQL', value: Number.NaN, unit: '', note: `skipped: ${why}` }] });
  if (!(await postgresAvailable())) return skipped(`${DATABASE_URL.replace(/\/\/[^@]*@/, '//')} is not reachable`);
  const open = await loadPostgres();
  if (typeof open === 'string') return skipped(open);
  return withSchema(async (url) => {
    const store = await open(url, createLogger('warn'));
    try {
      const figures = await measure(store, n, quick, 'PostgreSQL');
      return { figures, rows: rows('PostgreSQL', figures, false) };
    } finally {
      await store.close();
    }
  });
}

const bench: Bench = {
  name: 'store',
  async run({ n, quick }) {
    const lite = await sqlite(n, quick);
    let pg: Awaited<ReturnType<typeof postgres>>;
    try {
      pg = await postgres(n, quick);
    } catch (e) {
      pg = { figures: null, rows: [{ metric: 'PostgreSQL', value: Number.NaN, unit: '', note: `failed: ${e instanceof Error ? e.message : String(e)}` }] };
    }
    const ratios: BenchRow[] = [];
    if (pg.figures) {
      ratios.push({ metric: 'ingest rate, PostgreSQL / SQLite', value: pg.figures.rate / lite.figures.rate, unit: 'x' });
      pg.figures.windows.forEach((w, i) => {
        const base = lite.figures.windows[i]!;
        ratios.push({ metric: `query p50 ${w.label}, PostgreSQL / SQLite`, value: percentile(w.samples, 50) / percentile(base.samples, 50), unit: 'x' });
      });
    }
    return [...lite.rows, ...pg.rows, ...ratios];
  },
};

export default bench;
