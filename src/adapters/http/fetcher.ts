// The Fetcher port (src/fetch/port.ts) over undici: private-address guard at connect time, manual
// redirects (each hop re-checked), one timeout over the whole exchange, a streamed size cap,
// conditional GET, charset decoding and refusal of binary bodies. Every failure is a FetchError.
import net from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import pkg from '../../../package.json' with { type: 'json' };
import { formatBytes, type FetchOptions, type Fetcher, type FetcherOptions, type FetchResult } from '../../fetch/port.ts';
import { binaryReason } from '../../ingest/binary.ts';
import { decodeBody } from '../../ingest/charset.ts';
import { FetchError } from '../../fetch/errors.ts';
import { createAddressPolicy, guardedLookup } from '../../ingest/ssrf-guard.ts';

export const DEFAULT_USER_AGENT = `newsbot/${pkg.version} (+https://github.com/newsbot)`;
export const MAX_REDIRECTS = 5;

function findFetchError(err: unknown): FetchError | null {
  for (let e = err as { cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e instanceof FetchError) return e;
  }
  return null;
}

function parseTarget(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new FetchError('bad-url', `not a valid URL: ${raw}`, raw);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new FetchError('bad-url', `only http and https URLs can be fetched, not ${u.protocol.replace(/:$/, '')}`, raw);
  }
  return u;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function createFetcher(opts: FetcherOptions): Fetcher {
  const policy = createAddressPolicy(opts.allowlist);
  const agent = new Agent({ connect: { lookup: guardedLookup(policy) as never } });
  const userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;

  async function readCapped(body: AsyncIterable<Uint8Array> & { destroy(): void }, url: string): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > opts.maxBytes) {
        body.destroy();
        throw new FetchError('too-large', `body larger than ${formatBytes(opts.maxBytes)}`, url);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async function exchange(start: string, fo: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
    const seen = new Set<string>();
    let current = parseTarget(start);
    for (let hop = 0; ; hop++) {
      refuseLiteralIp(current);
      seen.add(current.href);
      const res = await request(current, { method: 'GET', headers: requestHeaders(hop === 0 ? fo : {}), signal, dispatcher: agent });
      const header = (name: string) => {
        const v = res.headers[name];
        return (Array.isArray(v) ? v[0] : v) ?? null;
      };
      if ([301, 302, 303, 307, 308].includes(res.statusCode) && header('location')) {
        await res.body.dump();
        if (hop >= MAX_REDIRECTS) throw new FetchError('too-many-redirects', `too many redirects (max ${MAX_REDIRECTS})`, start);
        let next: URL;
        try {
          next = parseTarget(new URL(header('location')!, current).href);
        } catch (err) {
          throw new FetchError('bad-url', `bad redirect: ${(err as Error).message}`, current.href);
        }
        if (seen.has(next.href)) throw new FetchError('redirect-loop', `redirect loop at ${next.href}`, start);
        current = next;
        continue;
      }
      if (res.statusCode === 304) {
        await res.body.dump();
        return { status: 'not-modified', url: current.href };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump();
        const retryAfter = res.statusCode === 429 || res.statusCode === 503 ? parseRetryAfter(header('retry-after'), Date.now()) : null;
        throw new FetchError('http-status', `HTTP ${res.statusCode}`, current.href, retryAfter);
      }
      return readText(res, header, current.href);
    }
  }

  /** Literal IPs never go through the DNS lookup, so they are checked here, before connecting. */
  function refuseLiteralIp(target: URL): void {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!net.isIP(host) || policy.hostAllowed(host)) return;
    const reason = policy.checkAddress(host);
    if (reason) throw new FetchError('refused', reason, target.href);
  }

  /** Conditional-GET validators go on the first hop only. */
  function requestHeaders(fo: FetchOptions): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
    };
    if (fo.etag) headers['if-none-match'] = fo.etag;
    if (fo.lastModified) headers['if-modified-since'] = fo.lastModified;
    return headers;
  }

  async function readText(res: Dispatcher.ResponseData, header: (name: string) => string | null, url: string): Promise<FetchResult> {
    const declared = Number(header('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      res.body.destroy();
      throw new FetchError('too-large', `body larger than ${formatBytes(opts.maxBytes)}`, url);
    }
    const bytes = await readCapped(res.body, url);
    const contentType = header('content-type');
    const binary = binaryReason(bytes, contentType);
    if (binary) throw new FetchError('not-text', binary, url);
    const decoded = decodeBody(bytes, contentType);
    return { status: 'ok', url, contentType, text: decoded.text, etag: header('etag'), lastModified: header('last-modified'), warnings: decoded.warnings };
  }

  return {
    async fetchUrl(url, fo = {}) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
      try {
        return await exchange(url, fo, controller.signal);
      } catch (err) {
        const known = findFetchError(err);
        if (known) throw known;
        if (controller.signal.aborted) throw new FetchError('timeout', `timed out after ${opts.timeoutMs} ms`, url);
        const e = err as NodeJS.ErrnoException;
        const detail = e.code ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ''}` : e.message;
        throw new FetchError('network', `cannot fetch ${url}: ${detail}`, url);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.close(),
  };
}
