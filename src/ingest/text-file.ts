// Local files and folders as ingest targets.
//
// Text format (.txt, .md): optional header lines first ("Outlet: …", "Date: …", "By: …",
// "URL: …", case-insensitive, one per line), then the title on the first non-empty line, then
// paragraphs separated by blank lines. Lines inside a paragraph are joined with a space. Markdown
// headings, emphasis and links are reduced to their text. Trailing boilerplate is removed.
// .html/.htm files go through article extraction; .xml/.rss/.atom/.json (or any file whose content
// is a feed) are parsed as feeds by the caller.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripBoilerplate } from './boilerplate.ts';
import { binaryReason } from './binary.ts';
import { decodeBody } from './charset.ts';
import { extractArticle } from './extract.ts';
import { looksLikeFeed, parseDate } from './feeds.ts';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.text'];
export const HTML_EXTENSIONS = ['.html', '.htm'];
export const FEED_EXTENSIONS = ['.xml', '.rss', '.atom', '.rdf', '.json'];
const ALL = new Set([...TEXT_EXTENSIONS, ...HTML_EXTENSIONS, ...FEED_EXTENSIONS]);

export interface LocalArticle {
  kind: 'article';
  /** file:// URL of the file. */
  url: string;
  title: string;
  text: string;
  byline: string | null;
  outlet: string | null;
  publishedAt: Date | null;
  /** A URL given in the header, used as the article URL when present. */
  sourceUrl: string | null;
}

export type LocalDoc = LocalArticle | { kind: 'feed'; url: string; text: string };

export class LocalFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalFileError';
  }
}

/** A header line of the text format ("Outlet: …", "Date: …"). */
export const HEADER = /^(outlet|source|publication|date|published|by|author|byline|url|link)\s*:\s*(.+)$/i;

function stripMarkdown(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|[.,;:!?]|$)/g, '$1$2');
}

/** Parses the text format described above. `mtime` is the fallback date. */
export function parseTextArticle(content: string, url: string, markdown: boolean): LocalArticle {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const header = new Map<string, string>();
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  for (let m; i < lines.length && (m = HEADER.exec(lines[i]!.trim())); i++) header.set(m[1]!.toLowerCase(), m[2]!.trim());
  while (i < lines.length && !lines[i]!.trim()) i++;
  const clean = (l: string) => (markdown ? stripMarkdown(l) : l).trim();
  const title = clean(lines[i] ?? '');
  const body = lines.slice(i + 1).join('\n');
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map(clean).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim())
    .filter((p) => p && !(markdown && /^(-{3,}|\*{3,})$/.test(p)));
  const get = (...keys: string[]) => keys.map((k) => header.get(k)).find(Boolean) ?? null;
  const link = get('url', 'link');
  return {
    kind: 'article',
    url,
    title,
    text: stripBoilerplate(paragraphs).join('\n\n'),
    byline: get('by', 'author', 'byline')?.replace(/^by\s+/i, '') ?? null,
    outlet: get('outlet', 'source', 'publication'),
    publishedAt: parseDate(get('date', 'published')),
    sourceUrl: link && /^https?:\/\//i.test(link) ? link : null,
  };
}

/** Reads one local file. Throws LocalFileError with a one-line message. */
export async function readLocalFile(path: string, maxBytes: number): Promise<LocalDoc> {
  const abs = resolve(path);
  const url = pathToFileURL(abs).href;
  let info;
  try {
    info = await stat(abs);
  } catch {
    throw new LocalFileError(`no such file: ${path}`);
  }
  if (!info.isFile()) throw new LocalFileError(`not a regular file: ${path}`);
  if (info.size > maxBytes) throw new LocalFileError(`file larger than ${Math.round(maxBytes / 1024)} KB: ${path}`);
  const ext = extname(abs).toLowerCase();
  const bytes = await readFile(abs);
  const binary = binaryReason(bytes, null);
  if (binary) throw new LocalFileError(`${binary}, not stored: ${path}`);
  const { text } = decodeBody(bytes, null);
  if (FEED_EXTENSIONS.includes(ext) || looksLikeFeed(text, null)) return { kind: 'feed', url, text };
  if (HTML_EXTENSIONS.includes(ext) || /^\s*(<!doctype html|<html[\s>])/i.test(text)) {
    const page = extractArticle(text, url);
    return {
      kind: 'article',
      url,
      title: page.title,
      text: page.text,
      byline: page.byline,
      outlet: page.siteName,
      publishedAt: page.publishedAt ?? info.mtime,
      sourceUrl: page.canonicalUrl,
    };
  }
  const article = parseTextArticle(text, url, ext === '.md' || ext === '.markdown');
  return { ...article, publishedAt: article.publishedAt ?? info.mtime };
}

/** Files of a folder that ingest understands, recursively (3 levels), sorted, hidden ones skipped. */
export async function listFolder(dir: string, depth = 3): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory() && depth > 1) out.push(...(await listFolder(full, depth - 1)));
    else if (e.isFile() && ALL.has(extname(e.name).toLowerCase()) && !/^readme\b/i.test(basename(e.name))) out.push(full);
  }
  return out;
}
