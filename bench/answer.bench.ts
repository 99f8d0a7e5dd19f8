// Answer latency at N stored articles: a SQLite store is filled with N synthetic articles over 30
// days, a digest is built for each benchmark topic over the last 24 h, and questions of every kind
// (a figure, a time, a place, a reason, a person, who said, what someone said) are asked in that
// digest's thread, offline, several rounds; then the same questions outside a thread, over the
// default 7-day window. Reports p50/p99 wall and CPU ms of answerQuestion(). Target: an answer in
// a thread p99 <= 300 ms at N = 100,000. Quotes are extracted on the spot (the synthetic corpus
// has no quote index rows), the slowest case a thread meets.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../src/adapters/sqlite/store.ts';
import { answerQuestion } from '../src/digest/answer.ts';
import { buildDigest } from '../src/digest/build.ts';
import type { Digest } from '../src/domain/types.ts';
import { median, percentile } from './stats.ts';
import { generateArticles, SYNTHETIC_END, TOPIC_QUERIES } from './synthetic.ts';
import type { Bench, BenchRow } from './types.ts';

const DAY_MS = 86_400_000;
const BATCH = 1_000;

const QUESTIONS = [
  'How many people were affected?',
  'When was the review announced?',
  'Where will ministers meet?',
  'Why did the talks stall?',
  'Who proposed the changes?',
  'What did the central bank governor say?',
  'Who said households feel prices?',
  'Did the administration reject the draft?',
];

async function timed<T>(f: () => Promise<T>, wall: number[], cpu: number[]): Promise<T> {
  const c0 = process.cpuUsage();
  const s0 = performance.now();
  const r = await f();
  wall.push(performance.now() - s0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return r;
}

const bench: Bench = {
  name: 'answer',
  async run({ n, quick }): Promise<BenchRow[]> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsbot-answer-bench-'));
    const store = await openSqliteStore(path.join(dir, 'bench.db'));
    try {
      let batch = [];
      for (const a of generateArticles(n, 1, { order: 'chronological' })) {
        batch.push(a);
        if (batch.length === BATCH) {
          await store.articles.saveMany(batch);
          batch = [];
        }
      }
      if (batch.length) await store.articles.saveMany(batch);
      const now = SYNTHETIC_END;
      const since = new Date(now.getTime() - DAY_MS);
      const digests: Digest[] = [];
      for (const topic of TOPIC_QUERIES) {
        const d = await buildDigest(store, { topic, since, until: now });
        if (d.stories.length) digests.push(d);
      }
      // Warm-up: the WordNet files are read on first use, once per process.
      await answerQuestion(store, { question: QUESTIONS[0]!, digest: digests[0] ?? null, now });
      const rounds = quick ? 1 : 3;
      const thread = { wall: [] as number[], cpu: [] as number[] };
      const window = { wall: [] as number[], cpu: [] as number[] };
      let found = 0;
      let asked = 0;
      for (let r = 0; r < rounds; r++) {
        for (const digest of digests) {
          for (const question of QUESTIONS) {
            const a = await timed(() => answerQuestion(store, { question, digest, now }), thread.wall, thread.cpu);
            asked++;
            if (a.found) found++;
          }
        }
      }
      for (const question of QUESTIONS) for (let r = 0; r < rounds; r++) await timed(() => answerQuestion(store, { question, now }), window.wall, window.cpu);
      const sources = median(digests.map((d) => new Set(d.stories.flatMap((s) => s.articles.map((a) => a.id))).size));
      const note = `${rounds} rounds x ${digests.length} digests x ${QUESTIONS.length} questions, N = ${n.toLocaleString('en-US')}; median ${sources} sources per digest; ${found}/${asked} answered`;
      return [
        { metric: 'answer in a thread p50', value: +percentile(thread.wall, 50).toFixed(1), unit: 'ms', note },
        { metric: 'answer in a thread p99', value: +percentile(thread.wall, 99).toFixed(1), unit: 'ms', note: 'target <= 300 ms at N = 100,000' },
        { metric: 'answer in a thread CPU p99', value: +percentile(thread.cpu, 99).toFixed(1), unit: 'ms', note: 'process CPU per answer: robust when other work shares the machine' },
        { metric: 'answer over 7 days (no thread) p50', value: +percentile(window.wall, 50).toFixed(1), unit: 'ms', note: `${rounds} rounds x ${QUESTIONS.length} questions, search then rank` },
        { metric: 'answer over 7 days (no thread) p99', value: +percentile(window.wall, 99).toFixed(1), unit: 'ms' },
      ];
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
