// Fetcher port: one HTTP(S) GET of a user- or feed-supplied URL. The implementation
// (src/adapters/http/fetcher.ts, undici) guards private addresses at connect time, follows few
// redirects (each hop re-checked), bounds the whole exchange by a timeout and the body by a size
// cap, sends conditional GET validators, decodes the charset and refuses binary bodies. Every
// failure is a FetchError (src/fetch/errors.ts) with a one-line message.

export type FetchResult =
  | {
      status: 'ok';
      /** Final URL after redirects. */
      url: string;
      contentType: string | null;
      /** Body decoded to text (src/ingest/charset.ts). */
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

/** A FetchError for HTTP 429/503 carries the server's Retry-After (`retryAfterMs`). */
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
