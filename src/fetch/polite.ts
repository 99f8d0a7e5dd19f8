// Politeness towards each host, wrapped around any Fetcher: at most `concurrency` requests in
// flight per host, at least `delayMs` between the starts of two requests to one host, and a
// 429/503 answer's Retry-After honoured (the host waits that long, and the request is tried again
// with exponential backoff, at most `retries` times; a wait longer than `maxWaitMs` is left to
// the caller's own retry). Limits hold within one process.
import { FetchError } from './errors.ts';
import type { Fetcher } from './port.ts';

export interface PoliteOptions {
  /** FETCH_HOST_CONCURRENCY (default 2). */
  concurrency: number;
  /** FETCH_HOST_DELAY_MS: least gap between request starts to one host. */
  delayMs: number;
  retries?: number;
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface PoliteFetcher extends Fetcher {
  /** Highest number of requests ever in flight to one host, by host (for checks and the bench). */
  peakInFlight(): Record<string, number>;
}

interface HostState {
  active: number;
  peak: number;
  /** Earliest time the next request may start (ms since epoch). */
  nextStart: number;
  queue: (() => void)[];
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function politeFetcher(inner: Fetcher, o: PoliteOptions): PoliteFetcher {
  const hosts = new Map<string, HostState>();
  const sleep = o.sleep ?? realSleep;
  const retries = o.retries ?? 2;
  const maxWaitMs = o.maxWaitMs ?? 60_000;

  const state = (host: string) => {
    let s = hosts.get(host);
    if (!s) hosts.set(host, (s = { active: 0, peak: 0, nextStart: 0, queue: [] }));
    return s;
  };

  async function acquire(s: HostState): Promise<void> {
    if (s.active >= o.concurrency) await new Promise<void>((r) => s.queue.push(r));
    s.active++;
    s.peak = Math.max(s.peak, s.active);
    // Claim a start slot before waiting, so concurrent callers space themselves out.
    const start = Math.max(Date.now(), s.nextStart);
    s.nextStart = start + o.delayMs;
    if (start > Date.now()) await sleep(start - Date.now());
  }

  function release(s: HostState): void {
    s.active--;
    s.queue.shift()?.();
  }

  async function once(url: string, s: HostState, fetchOpts: Parameters<Fetcher['fetchUrl']>[1]) {
    await acquire(s);
    try {
      return await inner.fetchUrl(url, fetchOpts);
    } finally {
      release(s);
    }
  }

  return {
    async fetchUrl(url, fetchOpts) {
      if (!URL.canParse(url)) return inner.fetchUrl(url, fetchOpts);
      const host = new URL(url).host;
      const s = state(host);
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(url, s, fetchOpts);
        } catch (err) {
          if (!(err instanceof FetchError) || err.retryAfterMs === null && !/^HTTP (429|503)$/.test(err.message)) throw err;
          const wait = Math.max(err.retryAfterMs ?? 0, Math.max(o.delayMs, 1000) * 2 ** attempt);
          // The host asked for quiet: nobody in this process asks it again before then.
          s.nextStart = Math.max(s.nextStart, Date.now() + wait);
          if (attempt >= retries || wait > maxWaitMs) throw err;
        }
      }
    },
    close: () => inner.close(),
    peakInFlight: () => Object.fromEntries([...hosts].map(([h, s]) => [h, s.peak])),
  };
}

/**
 * Orders work round-robin across hosts (a1 b1 c1 a2 b2 …), so a pool of workers is not held up
 * behind one host's politeness while the others sit idle.
 */
export function interleaveByHost<T>(items: readonly T[], urlOf: (item: T) => string): T[] {
  const byHost = new Map<string, T[]>();
  for (const item of items) {
    // An unparsable URL gets a queue of its own.
    const host = URL.canParse(urlOf(item)) ? new URL(urlOf(item)).host : '';
    let list = byHost.get(host);
    if (!list) byHost.set(host, (list = []));
    list.push(item);
  }
  const queues = [...byHost.values()];
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
  return out;
}
