// robots.txt, fetched once per origin and cached for 24 hours, read with robots-parser (RFC 9309
// matching: longest rule wins, wildcards, the bot's own group before "*"). A missing robots.txt
// (4xx) allows everything; one that cannot be read (5xx, network) allows nothing for now, as the
// RFC asks, and is tried again after an hour.
import robotsParserModule from 'robots-parser';
import { FetchError } from './errors.ts';
import type { Fetcher } from './port.ts';

/** The product token robots.txt groups are matched against ("User-agent: newsbot"). */
export const BOT_TOKEN = 'newsbot';
export const ROBOTS_TTL_MS = 24 * 3600_000;
const UNREACHABLE_TTL_MS = 3600_000;

export interface RobotsVerdict {
  allowed: boolean;
  /** Why not, for the article's note. */
  reason?: string;
}

export interface Robots {
  check(url: string): Promise<RobotsVerdict>;
}

type Parsed = { isAllowed(url: string, ua?: string): boolean | undefined };
type Rules = Parsed | 'all' | 'none';
// The package is CommonJS (module.exports = function); its typings describe an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Parsed;

export function createRobots(fetcher: Fetcher, o: { now?: () => number; userAgent?: string } = {}): Robots {
  const now = o.now ?? Date.now;
  const ua = o.userAgent ?? BOT_TOKEN;
  const cache = new Map<string, { rules: Rules; until: number }>();
  const loading = new Map<string, Promise<Rules>>();

  async function load(origin: string): Promise<Rules> {
    const url = `${origin}/robots.txt`;
    try {
      const r = await fetcher.fetchUrl(url);
      const rules: Rules = r.status === 'ok' ? robotsParser(url, r.text) : 'all';
      cache.set(origin, { rules, until: now() + ROBOTS_TTL_MS });
      return rules;
    } catch (err) {
      const status = err instanceof FetchError && err.code === 'http-status' ? Number(/HTTP (\d+)/.exec(err.message)?.[1]) : NaN;
      const missing = status >= 400 && status < 500 && status !== 429;
      cache.set(origin, { rules: missing ? 'all' : 'none', until: now() + (missing ? ROBOTS_TTL_MS : UNREACHABLE_TTL_MS) });
      return missing ? 'all' : 'none';
    }
  }

  return {
    async check(url) {
      const origin = new URL(url).origin;
      let entry = cache.get(origin);
      if (!entry || entry.until <= now()) {
        let pending = loading.get(origin);
        if (!pending) {
          pending = load(origin).finally(() => loading.delete(origin));
          loading.set(origin, pending);
        }
        await pending;
        entry = cache.get(origin)!;
      }
      if (entry.rules === 'all') return { allowed: true };
      if (entry.rules === 'none') return { allowed: false, reason: 'robots.txt could not be read' };
      return entry.rules.isAllowed(url, ua) === false ? { allowed: false, reason: 'robots.txt disallows this page' } : { allowed: true };
    },
  };
}
