// Full text behind teaser feeds: 1,000 thin items from a loopback outlet spread over 5 hosts (five
// servers, 200 items each, every page answering after a simulated 20 ms). Measures pages/s through
// the real ingest pipeline + fetchFullText (robots.txt, Readability, walls), politeness off and on,
// and the most requests each host ever had in flight (counted by the servers). Also checks that an
// item needing no page ingests as fast with full text on as the plain feed path.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../src/adapters/http/fetcher.ts';
import { openSqliteStore } from '../src/adapters/sqlite/store.ts';
import type { Article, FullTextMode } from '../src/domain/types.ts';
import type { Fetcher } from '../src/fetch/port.ts';
import { interleaveByHost, politeFetcher } from '../src/fetch/polite.ts';
import { createRobots } from '../src/fetch/robots.ts';
import { fetchFullText } from '../src/ingest/fulltext.ts';
import { ingestTargets } from '../src/ingest/pipeline.ts';
import { createLogger } from '../src/log.ts';
import type { Bench, BenchRow } from './types.ts';

const HOSTS = 5;
const LATENCY_MS = 20;
const WORKERS = 8;

interface Host {
  url: string;
  peak: number;
  close(): Promise<void>;
}

const para = (h: number, i: number, k: number) =>
  `Reporter ${k} on host ${h} wrote that the harbour board met about item ${i} and agreed a new plan for the quay, the locks and the ferries.`;

function page(h: number, i: number): string {
  const body = Array.from({ length: 8 }, (_, k) => `<p>${para(h, i, k)} "We will keep the harbour open," said Mara Quill ${i}.</p>`).join('');
  return `<!doctype html><html><head><title>Story ${i}</title><link rel="canonical" href="/s/${i}"></head><body><nav><a href="/">Home</a></nav><div class="cookie-banner">We use cookies.</div><article><h1>Story ${i}</h1>${body}</article><aside class="related">Related stories</aside></body></html>`;
}

function feed(base: string, h: number, items: number, full: boolean): string {
  const it = Array.from({ length: items }, (_, i) => {
    const body = full ? `<content:encoded><![CDATA[${Array.from({ length: 8 }, (_, k) => `<p>${para(h, i, k)}</p>`).join('')}]]></content:encoded>` : '';
    return `<item><title>Host ${h} story ${i}</title><link>${base}/s/${i}</link><guid>${base}/s/${i}</guid><pubDate>${new Date(Date.UTC(2025, 5, 1, 0, i)).toUTCString()}</pubDate><description>Item ${i} from host ${h}…</description>${body}</item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Host ${h}</title><link>${base}/</link>${it.join('')}</channel></rss>`;
}

async function startHost(h: number, items: number): Promise<Host> {
  let inFlight = 0;
  const state = { peak: 0 };
  let base = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (path === '/feed.xml' || path === '/full.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(base, h, items, path === '/full.xml'));
    const m = /^\/s\/(\d+)$/.exec(path);
    if (!m) return void res.writeHead(404).end();
    state.peak = Math.max(state.peak, ++inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(h, Number(m[1])));
    }, LATENCY_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, get peak() { return state.peak; }, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

async function pagesRun(items: number, pages: (f: Fetcher) => Fetcher): Promise<{ rate: number; peak: number; read: number }> {
  const hosts = await Promise.all(Array.from({ length: HOSTS }, (_, h) => startHost(h, items)));
  const fetcher = createFetcher({ timeoutMs: 30_000, maxBytes: 5 * 1024 * 1024, allowlist: ['127.0.0.1'] });
  const store = await openSqliteStore(':memory:');
  try {
    const found: Article[] = [];
    await ingestTargets(hosts.map((h) => `${h.url}/feed.xml`), { store, fetcher, log: createLogger('silent'), now: () => new Date(), fullText: 'auto', maxItemsPerFeed: items, onPending: async (a) => void found.push(a) });
    // As `newsbot ingest` does: round-robin over hosts so no worker waits behind one host's limit.
    const pending = interleaveByHost(found, (a) => a.url);
    const polite = pages(fetcher);
    const deps = { store, fetcher: polite, robots: createRobots(polite), now: () => new Date() };
    let next = 0;
    let read = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < pending.length) {
          const a = pending[next++]!;
          if ((await fetchFullText({ articleId: a.id, feedHash: a.feedHash! }, deps, true)).status === 'page') read++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    return { rate: pending.length / seconds, peak: Math.max(...hosts.map((h) => h.peak)), read };
  } finally {
    await store.close();
    await fetcher.close();
    await Promise.all(hosts.map((h) => h.close()));
  }
}

async function ingestRate(items: number, fullText: FullTextMode | undefined): Promise<number> {
  const hosts = await Promise.all(Array.from({ length: HOSTS }, (_, h) => startHost(h, items)));
  const fetcher = createFetcher({ timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024, allowlist: ['127.0.0.1'] });
  const store = await openSqliteStore(':memory:');
  try {
    const t0 = performance.now();
    const r = await ingestTargets(hosts.map((h) => `${h.url}/full.xml`), { store, fetcher, log: createLogger('silent'), now: () => new Date(), maxItemsPerFeed: items, ...(fullText ? { fullText, onPending: async () => {} } : {}) });
    return r.new / ((performance.now() - t0) / 1000);
  } finally {
    await store.close();
    await fetcher.close();
    await Promise.all(hosts.map((h) => h.close()));
  }
}

const bench: Bench = {
  name: 'fulltext',
  async run({ quick }): Promise<BenchRow[]> {
    const perHost = quick ? 40 : 200;
    const total = perHost * HOSTS;
    const off = await pagesRun(perHost, (f) => f);
    const on = await pagesRun(perHost, (f) => politeFetcher(f, { concurrency: 2, delayMs: 0 }));
    const slowPerHost = quick ? 4 : 20;
    const defaults = await pagesRun(slowPerHost, (f) => politeFetcher(f, { concurrency: 2, delayMs: 500 }));
    // Interleaved after a warm-up run, best of 3 each: other work on the machine moves single runs.
    await ingestRate(perHost, undefined);
    const plain: number[] = [];
    const auto: number[] = [];
    for (let i = 0; i < 3; i++) {
      plain.push(await ingestRate(perHost, undefined));
      auto.push(await ingestRate(perHost, 'auto'));
    }
    const best = (xs: number[]) => Math.max(...xs);
    const where = `${total} thin items, ${HOSTS} loopback hosts, ${LATENCY_MS} ms per page, ${WORKERS} fetch workers`;
    return [
      { metric: 'pages read, politeness off', value: Math.round(off.rate), unit: 'pages/s', note: `${where}; ${off.read} full pages` },
      { metric: 'peak in flight per host, politeness off', value: off.peak, unit: 'requests', note: 'no per-host limit' },
      { metric: 'pages read, politeness on (2 per host, no gap)', value: Math.round(on.rate), unit: 'pages/s', note: `${where}; ${on.read} full pages` },
      { metric: 'peak in flight per host, politeness on', value: on.peak, unit: 'requests', note: 'FETCH_HOST_CONCURRENCY=2: must be <= 2' },
      { metric: 'pages read, defaults (2 per host, 500 ms gap)', value: +defaults.rate.toFixed(1), unit: 'pages/s', note: `${slowPerHost * HOSTS} items; the gap bounds it at ${(HOSTS * 2).toFixed(0)} pages/s for ${HOSTS} hosts; peak ${defaults.peak} per host` },
      { metric: 'ingest of items needing no page, full text auto', value: Math.round(best(auto)), unit: 'items/s', note: `${total} items with content:encoded; best of 3, interleaved` },
      { metric: 'ingest of the same items, full text off (plain path)', value: Math.round(best(plain)), unit: 'items/s', note: `ratio auto/plain ${(best(auto) / best(plain)).toFixed(2)}` },
    ];
  },
};

export default bench;
