// Web page -> article: Mozilla Readability (the Firefox Reader View algorithm) over a linkedom
// document. Dates come from article:published_time / JSON-LD datePublished / <time datetime>,
// read before Readability rewrites the document. Text is paragraphs separated by a blank line,
// with trailing boilerplate removed. Returns null title/text parts rather than throwing.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { stripBoilerplate } from './boilerplate.ts';
import { parseDate } from './feeds.ts';
import { removeClutter } from './clutter.ts';
import { htmlToParagraphs, nodeToParagraphs } from './html-text.ts';
import { isWallText, wallReason } from './walls.ts';

export interface ExtractedPage {
  title: string;
  byline: string | null;
  publishedAt: Date | null;
  /** Paragraphs separated by "\n\n". Empty when the page has no readable text. */
  text: string;
  siteName: string | null;
  /** <link rel="canonical"> (else og:url) made absolute, when present and http(s). */
  canonicalUrl: string | null;
  /** Why the page holds only a teaser behind a paywall or sign-in wall, or null (walls.ts). */
  wall: string | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** datePublished / author from JSON-LD blocks (NewsArticle, Article, or inside @graph). */
function jsonLd(doc: Doc): { datePublished?: string; author?: string; publisher?: string } {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes: unknown[] = Array.isArray(data) ? data : [data];
    for (const n of [...nodes]) {
      const graph = (n as { '@graph'?: unknown })?.['@graph'];
      if (Array.isArray(graph)) nodes.push(...graph);
    }
    for (const n of nodes) {
      const o = n as Record<string, unknown> | null;
      if (!o || typeof o !== 'object' || typeof o.datePublished !== 'string') continue;
      const a = Array.isArray(o.author) ? o.author[0] : o.author;
      const author = typeof a === 'string' ? a : typeof (a as { name?: unknown })?.name === 'string' ? (a as { name: string }).name : undefined;
      const p = (o.publisher as { name?: unknown } | undefined)?.name;
      return { datePublished: o.datePublished, author, publisher: typeof p === 'string' ? p : undefined };
    }
  }
  return {};
}

const EMPTY: ExtractedPage = { title: '', byline: null, publishedAt: null, text: '', siteName: null, canonicalUrl: null, wall: null };

/** Never throws: markup linkedom or Readability cannot handle gives an empty result. */
export function extractArticle(html: string, pageUrl: string | null): ExtractedPage {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  try {
    return extractFrom(page, pageUrl);
  } catch {
    return EMPTY;
  }
}

function extractFrom(html: string, pageUrl: string | null): ExtractedPage {
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const timeEl = document.querySelector('article time[datetime], time[datetime]');
  const publishedAt =
    parseDate(meta(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued')) ??
    parseDate(ld.datePublished) ??
    parseDate(timeEl?.getAttribute('datetime'));
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const ldBlocks = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');
  const bodyText = document.body ? nodeToParagraphs(document.body as unknown as Parameters<typeof nodeToParagraphs>[0]) : '';
  removeClutter(document);
  let canonicalUrl: string | null = null;
  try {
    const c = canonicalHref ? new URL(canonicalHref, pageUrl ?? undefined) : null;
    if (c && (c.protocol === 'http:' || c.protocol === 'https:')) canonicalUrl = c.href;
  } catch {
    canonicalUrl = null;
  }
  const metaTitle = meta(document, 'og:title', 'twitter:title') ?? document.querySelector('title')?.textContent?.trim() ?? null;
  const siteMeta = meta(document, 'og:site_name', 'application-name') ?? ld.publisher ?? null;
  const authorMeta = meta(document, 'author', 'article:author') ?? ld.author ?? null;

  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    parsed = null;
  }
  let text = parsed?.content ? htmlToParagraphs(parsed.content) : '';
  if (!text) {
    // Too short or too odd for Readability: fall back to the body's own paragraphs.
    const { document: again } = parseHTML(html);
    const root = again.querySelector('article') ?? again.querySelector('main') ?? again.body;
    text = root ? nodeToParagraphs(root as unknown as Parameters<typeof nodeToParagraphs>[0]) : '';
  }
  const title = (parsed?.title?.trim() || metaTitle || '').replace(/\s+/g, ' ');
  const byline = parsed?.byline?.replace(/^by\s+/i, '').trim() || authorMeta;
  // Leading lines that repeat the title, byline or dateline are page furniture, not article text.
  const furniture = new Set([title, byline, byline && `By ${byline}`, timeEl?.textContent?.trim()].filter(Boolean).map((s) => s!.toLowerCase()));
  const paragraphs = stripBoilerplate(text.split('\n\n')).filter((p) => !isWallText(p));
  while (paragraphs.length > 1 && paragraphs[0]!.length < 120 && furniture.has(paragraphs[0]!.toLowerCase())) paragraphs.shift();
  return {
    title,
    byline,
    publishedAt: publishedAt ?? parseDate(parsed?.publishedTime),
    text: paragraphs.join('\n\n'),
    siteName: parsed?.siteName?.trim() || siteMeta,
    canonicalUrl,
    wall: wallReason(ldBlocks, bodyText, paragraphs.join('\n\n')),
  };
}
