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

/** Kind before anything is fetched: URL paths that look like feeds are feeds, other URLs pages. */
export function guessKind(t: Target): SourceKind {
  if (t.type !== 'url') return 'file';
  return /(\.(xml|rss|atom|rdf)|\/(feed|rss|atom)(\.json)?\/?|feed\.json)$/i.test(new URL(t.url).pathname) ? 'feed' : 'page';
}
