// What an ingest target is: an http(s) URL, or an existing local file or folder. Anything else is
// a TargetError with a one-line message (the CLI turns it into exit code 2).
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SourceKind } from '../domain/types.ts';

export type Target = { type: 'url'; url: string } | { type: 'file'; path: string } | { type: 'folder'; path: string };

export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export async function classifyTarget(raw: string): Promise<Target> {
  const input = raw.trim();
  if (!input) throw new TargetError('empty target');
  if (SCHEME.test(input)) {
    let u: URL;
    try {
      u = new URL(input);
    } catch {
      throw new TargetError(`not a valid URL: ${input}`);
    }
    if (u.protocol === 'file:') return classifyPath(decodeURIComponent(u.pathname), input);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TargetError(`unsupported URL scheme ${u.protocol} in ${input} (use http or https)`);
    if (!u.hostname) throw new TargetError(`not a valid URL: ${input}`);
    return { type: 'url', url: u.href };
  }
  return classifyPath(input, input);
}

async function classifyPath(path: string, shown: string): Promise<Target> {
  const abs = resolve(path);
  try {
    const info = await stat(abs);
    if (info.isDirectory()) return { type: 'folder', path: abs };
    if (info.isFile()) return { type: 'file', path: abs };
    throw new TargetError(`not a file or folder: ${shown}`);
  } catch (err) {
    if (err instanceof TargetError) throw err;
    throw new TargetError(`no such file or folder, and not an http(s) URL: ${shown}`);
  }
}

/** The key a target is stored under as a Source: the URL, or the absolute path. */
export function targetKey(t: Target): string {
  return t.type === 'url' ? t.url : t.path;
}

const FEED_SEGMENT = /^(rss|atom|feeds?|rdf)([-_.][\w.-]*)?$/i;
const FEED_FILE = /\.(xml|rss|atom|rdf)$|(^|[-_.])feed\.json$/i;
const FEED_QUERY = /^(rss2?|atom|feed|rdf)$/i;

/**
 * Kind of an http(s) URL before anything is fetched, the one rule for every way a source is added:
 * a feed when a path segment is or starts with rss/atom/feed ("/rss-news/", "/feeds/all",
 * "/rss.php"), the file is .xml/.rss/.atom/.rdf or feed.json ("index.rdf"), or a query value names
 * a feed format ("?format=rss"); a page otherwise. Ingest re-detects from the content either way.
 */
export function guessUrlKind(url: string): 'feed' | 'page' {
  if (!URL.canParse(url)) return 'page';
  const u = new URL(url);
  const segments = u.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (segments.some((s) => FEED_SEGMENT.test(s)) || FEED_FILE.test(segments.at(-1) ?? '')) return 'feed';
  return [...u.searchParams].some(([k, v]) => FEED_QUERY.test(v) || (FEED_QUERY.test(k) && !v)) ? 'feed' : 'page';
}

/** Kind before anything is fetched: see guessUrlKind; local paths are files. */
export function guessKind(t: Target): SourceKind {
  return t.type === 'url' ? guessUrlKind(t.url) : 'file';
}
