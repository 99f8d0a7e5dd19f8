// Digest latency at N stored articles: a fresh SQLite store is filled with N synthetic articles,
// 3,334 a day (bench/store-corpus.ts: N is history, 30 days at the default N), then buildDigest() runs for
// each benchmark topic over the last 24 h, offline (no model), several rounds. Reports p50/p99 ms
// of the whole engine (retrieve, cluster, rank, summarise, quotes lookup). Target: p99 <= 300 ms at
// N = 100,000. CPU time per digest is reported too (wall time suffers when other processes share
// the cores; the engine is synchronous apart from the store calls). The synthetic corpus has no quote index rows, so the quote lookup returns nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../src/adapters/sqlite/store.ts';
import { buildDigest } from '../src/digest/build.ts';
import { median, percentile } from './stats.ts';
import { corpusBatches } from './store-corpus.ts';
import { SYNTHETIC_END, TOPIC_QUERIES } from './synthetic.ts';
import type { Bench, BenchRow } from './types.ts';

const DAY_MS = 86_400_000;

const bench: Bench = {
  name: 'digest',
  async run({ n, quick }): Promise<BenchRow[]> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsbot-digest-bench-'));
    const store = await openSqliteStore(path.join(dir, 'bench.db'));
    try {
      const t0 = performance.now();
      let done = 0;
      for (const batch of corpusBatches(n, 1000)) {
        await store.articles.saveMany(batch);
        done += batch.length;
        if (done % 50_000 === 0) process.stderr.write(`  digest bench: stored ${done.toLocaleString('en-US')} articles\n`);
      }
      const ingestS = (performance.now() - t0) / 1000;
      const rounds = quick ? 2 : 5;
      const samples: number[] = [];
      const cpuSamples: number[] = [];
      const stories: number[] = [];
      const matched: number[] = [];
      const until = SYNTHETIC_END;
      const since = new Date(until.getTime() - DAY_MS);
      await buildDigest(store, { topic: TOPIC_QUERIES[0]!, since, until }); // warm-up
      for (let r = 0; r < rounds; r++) {
        for (const topic of TOPIC_QUERIES) {
          const c0 = process.cpuUsage();
          const s0 = performance.now();
          const d = await buildDigest(store, { topic, since, until });
          samples.push(performance.now() - s0);
          const c = process.cpuUsage(c0);
          cpuSamples.push((c.user + c.system) / 1000);
          stories.push(d.stories.length);
          matched.push(d.articleCount);
        }
      }
      const note = `${rounds} rounds x ${TOPIC_QUERIES.length} topics, window 24 h, N = ${n.toLocaleString('en-US')}; median ${median(matched)} matches -> ${median(stories)} stories`;
      return [
        { metric: 'digest latency p50 (24 h window)', value: +percentile(samples, 50).toFixed(1), unit: 'ms', note },
        { metric: 'digest latency p99 (24 h window)', value: +percentile(samples, 99).toFixed(1), unit: 'ms', note: 'target <= 300 ms at N = 100,000' },
        { metric: 'digest CPU time p50 (24 h window)', value: +percentile(cpuSamples, 50).toFixed(1), unit: 'ms', note: 'process CPU per digest: robust when other work shares the machine' },
        { metric: 'digest CPU time p99 (24 h window)', value: +percentile(cpuSamples, 99).toFixed(1), unit: 'ms' },
        { metric: 'digest bench setup: articles stored', value: Math.round(n / ingestS), unit: 'articles/s', note: 'saveMany, 1,000 per batch (setup, not the figure)' },
      ];
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
