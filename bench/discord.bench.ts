// Discord acknowledgement latency: time from INTERACTION_CREATE sent by the fake gateway to the
// deferral received by the fake REST, through the real discord.js client and adapter, p50/p99,
// idle and while the same process ingests (store writes) and extracts quotes and summarises
// synthetic articles in the background. Discord's deadline is 3 s.
import { createConversation } from '../src/conversation/conversation.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { digest } from '../commands/digest.ts';
import { sources } from '../commands/sources.ts';
import type { CommandDeps } from '../commands/deps.ts';
import { createDiscordAdapter } from '../src/adapters/discord/adapter.ts';
import { openSqliteStore } from '../src/adapters/sqlite/store.ts';
import { loadConfig } from '../src/config.ts';
import { extractQuotes } from '../src/nlp/quotes.ts';
import { summarise } from '../src/nlp/summarise.ts';
import { startFakeDiscord, type FakeDiscord } from '../test/support/fake-discord.ts';
import { percentile } from './stats.ts';
import { syntheticArticle } from './synthetic.ts';
import type { Bench, BenchRow } from './types.ts';
import { createWork } from '../src/app/work.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(fake: FakeDiscord, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const sent = performance.now();
    const { id, token } = fake.interaction('digest', { topic: k % 2 ? 'harbour strike' : 'election' });
    const r = await fake.waitFor((q) => q.path === `/interactions/${id}/${token}/callback`, 30_000);
    out.push(r.at - sent);
    await sleep(5);
  }
  return out;
}

const bench: Bench = {
  name: 'discord',
  async run({ quick }) {
    const n = quick ? 50 : 200;
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-discord-'));
    const fake = await startFakeDiscord();
    const store = await openSqliteStore(join(dir, 'newsbot.db'));
    const log = pino({ level: 'silent' });
    const deps: CommandDeps = {
      config: loadConfig({ DATA_DIR: dir }),
      store,
      model: null,
      work: createWork({ enqueue: async () => 'bench' }),
      log,
      now: () => new Date('2026-11-28T12:00:00Z'),
      onSubscriptionsChanged: async () => {},
    };
    const adapter = createDiscordAdapter({ token: 'bench', apiUrl: fake.apiUrl, conversation: createConversation({ commands: [digest, sources], deps }), cache: store.cache, log });
    let processed = 0;
    let stop = false;
    try {
      // Some stored articles so /digest does real retrieval and clustering.
      for (let i = 0; i < 500; i++) await store.articles.save(syntheticArticle(i, 7));
      await adapter.start();
      await measure(fake, 10); // warm-up
      const idle = await measure(fake, n);

      // Background work as a worker would do it in-process: one article at a time, yielding
      // between articles (as queue jobs do), never between the steps of one article.
      const background = (async () => {
        for (let i = 1000; !stop; i++) {
          const a = syntheticArticle(i, 7);
          await store.articles.save(a);
          extractQuotes(a.text);
          summarise(a.text);
          processed++;
          await new Promise((r) => setImmediate(r));
        }
      })();
      const started = performance.now();
      const busy = await measure(fake, n);
      const seconds = (performance.now() - started) / 1000;
      stop = true;
      await background;
      const rows: BenchRow[] = [
        { metric: 'defer latency idle p50', value: percentile(idle, 50), unit: 'ms', note: `${n} interactions` },
        { metric: 'defer latency idle p99', value: percentile(idle, 99), unit: 'ms' },
        { metric: 'defer latency busy p50', value: percentile(busy, 50), unit: 'ms', note: 'ingest + quotes + summarise in the same process' },
        { metric: 'defer latency busy p99', value: percentile(busy, 99), unit: 'ms' },
        { metric: 'defer latency busy max', value: Math.max(...busy), unit: 'ms', note: 'Discord deadline 3000 ms' },
        { metric: 'busy p99 / idle p99', value: percentile(busy, 99) / percentile(idle, 99), unit: 'x' },
        { metric: 'background articles processed', value: processed / seconds, unit: 'articles/s', note: 'while measuring' },
      ];
      return rows;
    } finally {
      stop = true;
      await adapter.stop();
      await fake.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
