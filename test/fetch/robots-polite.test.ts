import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import type { Fetcher } from '../../src/fetch/port.ts';
import { interleaveByHost, politeFetcher } from '../../src/fetch/polite.ts';
import { createRobots, ROBOTS_TTL_MS } from '../../src/fetch/robots.ts';
import { FetchError } from '../../src/fetch/errors.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

let server: TestServer;
let fetcher: Fetcher;
beforeAll(async () => {
  server = await startTestServer();
  fetcher = createFetcher({ timeoutMs: 3000, maxBytes: 1024 * 1024, allowlist: ['127.0.0.1'] });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('robots.txt', () => {
  it("is obeyed for the bot's own group, fetched once per origin and again after 24 hours", async () => {
    server.serve('/robots.txt', 'User-agent: *\nDisallow: /\n\nUser-agent: newsbot\nDisallow: /private/\nAllow: /private/open-*\n', { 'content-type': 'text/plain' });
    let clock = 1_000_000;
    const robots = createRobots(fetcher, { now: () => clock });
    const count = () => server.requests.filter((r) => r.path === '/robots.txt').length;
    const before = count();
    expect(await robots.check(`${server.url}/news/a`)).toEqual({ allowed: true });
    expect(await robots.check(`${server.url}/private/b`)).toEqual({ allowed: false, reason: 'robots.txt disallows this page' });
    expect(await robots.check(`${server.url}/private/open-day`)).toEqual({ allowed: true });
    expect(count() - before).toBe(1);
    clock += ROBOTS_TTL_MS + 1;
    await robots.check(`${server.url}/news/c`);
    expect(count() - before).toBe(2);
  });

  it('allows everything when missing and nothing when it cannot be read', async () => {
    const missing = await startTestServer();
    const down = await startTestServer();
    down.serve('/robots.txt', 'down', {}, 503);
    try {
      const robots = createRobots(fetcher);
      expect(await robots.check(`${missing.url}/x`)).toEqual({ allowed: true });
      expect(await robots.check(`${down.url}/x`)).toEqual({ allowed: false, reason: 'robots.txt could not be read' });
    } finally {
      await missing.close();
      await down.close();
    }
  });
});

describe('politeFetcher', () => {
  it('keeps at most `concurrency` requests in flight per host and spaces their starts', async () => {
    let inFlight = 0;
    let peak = 0;
    const starts: number[] = [];
    server.route('/slow', async (_req, res) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 60));
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    // Starts are taken where the polite layer hands a request on, not where it arrives (connection
    // set-up shifts arrivals).
    const timed: Fetcher = { fetchUrl: (url, o) => (starts.push(Date.now()), fetcher.fetchUrl(url, o)), close: async () => {} };
    const polite = politeFetcher(timed, { concurrency: 2, delayMs: 25 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => polite.fetchUrl(`${server.url}/slow?i=${i}`)));
    // The server's count can stay under 2 when a loaded machine delays one arrival; never over.
    expect(peak).toBeLessThanOrEqual(2);
    expect(polite.peakInFlight()).toEqual({ [new URL(server.url).host]: 2 });
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20);
  });

  it('honours Retry-After on 429 and 503, then tries again', async () => {
    let calls = 0;
    const at: number[] = [];
    server.route('/busy', (_req, res) => {
      calls++;
      at.push(Date.now());
      if (calls === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
      if (calls === 2) return void res.writeHead(503, { 'retry-after': '0' }).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('finally');
    });
    const polite = politeFetcher(fetcher, { concurrency: 2, delayMs: 0 });
    const r = await polite.fetchUrl(`${server.url}/busy`);
    expect(r).toMatchObject({ status: 'ok', text: 'finally' });
    expect(calls).toBe(3);
    // The second request waited for the server's Retry-After second.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives up with the FetchError when the host asks for longer than it will wait', async () => {
    server.route('/closed', (_req, res) => void res.writeHead(503, { 'retry-after': '3600' }).end());
    const polite = politeFetcher(fetcher, { concurrency: 2, delayMs: 0 });
    const err = await polite.fetchUrl(`${server.url}/closed`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ message: 'HTTP 503', retryAfterMs: 3_600_000 });
  });
});

describe('interleaveByHost', () => {
  it('orders work round-robin over hosts, keeping each host\'s order', () => {
    const urls = ['https://a.example/1', 'https://a.example/2', 'https://a.example/3', 'https://b.example/1', 'https://c.example/1', 'https://c.example/2'];
    expect(interleaveByHost(urls, (u) => u)).toEqual(['https://a.example/1', 'https://b.example/1', 'https://c.example/1', 'https://a.example/2', 'https://c.example/2', 'https://a.example/3']);
  });
});
