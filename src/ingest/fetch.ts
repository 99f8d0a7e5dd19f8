// HTTP(S) fetcher for user-supplied URLs: private-address guard at connect time, manual redirects
// (each hop re-checked), one timeout over the whole exchange, a streamed size cap, conditional GET
// and charset decoding. Every failure is a FetchError with a one-line message.
import net from 'node:net';
import { Agent, request } from 'undici';
import pkg from '../../package.json' with { type: 'json' };
import { decodeBody } from './charset.ts';
import { FetchError } from './errors.ts';
import { createAddressPolicy, guardedLookup } from './ssrf-guard.ts';

export const DEFAULT_USER_AGENT = `newsbot/${pkg.version} (+https://github.com/newsbot)`;
export const MAX_REDIRECTS = 5;

export type FetchResult =
  | {
      status: 'ok';
      /** Final URL after redirects. */
      url: string;
      contentType: string | null;
      /** Body decoded to text (see charset.ts). */
      text: string;
      etag: string | null;
      lastModified: string | null;
      /** Non-fatal oddities, e.g. an unknown charset label. */
      warnings: string[];
    }
  | { status: 'not-modified'; url: string };

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
}

export interface Fetcher {
  /** Resolves with the result, rejects only with FetchError. */
  fetchUrl(url: string, opts?: FetchOptions): Promise<FetchResult>;
  close(): Promise<void>;
}

export interface FetcherOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Hosts, IPs or CIDRs the private-address guard lets through (NEWSBOT_FETCH_ALLOWLIST). */
  allowlist: readonly string[];
  userAgent?: string;
}

export function formatBytes(n: number): string {
  const mb = 1024 * 1024;
  if (n >= mb && n % mb === 0) return `${n / mb} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

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
      // Literal IPs never go through the DNS lookup, so they are checked here, before connecting.
      const host = current.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(host) && !policy.hostAllowed(host)) {
        const reason = policy.checkAddress(host);
        if (reason) throw new FetchError('refused', reason, current.href);
      }
      seen.add(current.href);
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
      };
      if (hop === 0 && fo.etag) headers['if-none-match'] = fo.etag;
      if (hop === 0 && fo.lastModified) headers['if-modified-since'] = fo.lastModified;
      const res = await request(current, { method: 'GET', headers, signal, dispatcher: agent });
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
        throw new FetchError('http-status', `HTTP ${res.statusCode}`, current.href);
      }
      const declared = Number(header('content-length'));
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        res.body.destroy();
        throw new FetchError('too-large', `body larger than ${formatBytes(opts.maxBytes)}`, current.href);
      }
      const bytes = await readCapped(res.body, current.href);
      const contentType = header('content-type');
      const decoded = decodeBody(bytes, contentType);
      return {
        status: 'ok',
        url: current.href,
        contentType,
        text: decoded.text,
        etag: header('etag'),
        lastModified: header('last-modified'),
        warnings: decoded.warnings,
      };
    }
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
