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
import { debugLog } from '../debug-log.ts';

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
    } catch (err) {
      debugLog('JSON-LD block is not JSON: %s', err);
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
  } catch (err) {
    debugLog('extraction failed for %s: %s', pageUrl ?? 'a page', err);
    return EMPTY;
  }
}

type ParagraphRoot = Parameters<typeof nodeToParagraphs>[0];

function extractFrom(html: string, pageUrl: string | null): ExtractedPage {
  const { document } = parseHTML(html);
  // Read before removeClutter: dates, links and JSON-LD often sit in what it removes.
  const ld = jsonLd(document);
  const timeEl = document.querySelector('article time[datetime], time[datetime]');
  const publishedAt = metaDate(document, ld, timeEl?.getAttribute('datetime'));
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const ldBlocks = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');
  const bodyText = document.body ? nodeToParagraphs(document.body as unknown as ParagraphRoot) : '';
  removeClutter(document);
  const facts = metaFacts(document, ld);

  const parsed = readable(document);
  const text = (parsed?.content ? htmlToParagraphs(parsed.content) : '') || bodyParagraphs(html);
  const { title, byline, siteName } = credits(parsed, facts);
  const paragraphs = withoutFurniture(text, [title, byline, byline && `By ${byline}`, timeEl?.textContent?.trim()]);
  return {
    title,
    byline,
    publishedAt: publishedAt ?? parseDate(parsed?.publishedTime),
    text: paragraphs.join('\n\n'),
    siteName,
    canonicalUrl: httpUrl(canonicalHref, pageUrl),
    wall: wallReason(ldBlocks, bodyText, paragraphs.join('\n\n')),
  };
}

/** Readability's title, byline and site name, else the page's meta tags. */
function credits(
  parsed: ReturnType<Readability['parse']>,
  facts: ReturnType<typeof metaFacts>,
): Pick<ExtractedPage, 'title' | 'byline' | 'siteName'> {
  return {
    title: (parsed?.title?.trim() || facts.title || '').replace(/\s+/g, ' '),
    byline: parsed?.byline?.replace(/^by\s+/i, '').trim() || facts.author,
    siteName: parsed?.siteName?.trim() || facts.site,
  };
}

function metaFacts(document: Doc, ld: { author?: string; publisher?: string }): { title: string | null; site: string | null; author: string | null } {
  return {
    title: meta(document, 'og:title', 'twitter:title') ?? document.querySelector('title')?.textContent?.trim() ?? null,
    site: meta(document, 'og:site_name', 'application-name') ?? ld.publisher ?? null,
    author: meta(document, 'author', 'article:author') ?? ld.author ?? null,
  };
}

function metaDate(document: Doc, ld: { datePublished?: string }, timeAttr: string | null | undefined): Date | null {
  return (
    parseDate(meta(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued')) ??
    parseDate(ld.datePublished) ??
    parseDate(timeAttr)
  );
}

function readable(document: Doc): ReturnType<Readability['parse']> {
  try {
    return new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch (err) {
    debugLog('readability failed: %s', err);
    return null;
  }
}

/** Too short or too odd for Readability: the body's own paragraphs, from a fresh parse. */
function bodyParagraphs(html: string): string {
  const { document: again } = parseHTML(html);
  const root = again.querySelector('article') ?? again.querySelector('main') ?? again.body;
  return root ? nodeToParagraphs(root as unknown as ParagraphRoot) : '';
}

/** Leading lines that repeat the title, byline or dateline are page furniture, not article text. */
function withoutFurniture(text: string, furnitureLines: (string | null | undefined)[]): string[] {
  const furniture = new Set(furnitureLines.filter(Boolean).map((s) => s!.toLowerCase()));
  const paragraphs = stripBoilerplate(text.split('\n\n')).filter((p) => !isWallText(p));
  while (paragraphs.length > 1 && paragraphs[0]!.length < 120 && furniture.has(paragraphs[0]!.toLowerCase())) paragraphs.shift();
  return paragraphs;
}

/** `href` resolved against `base` when that gives an http(s) URL; otherwise null. */
function httpUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href || !URL.canParse(href, base ?? undefined)) return null;
  const c = new URL(href, base ?? undefined);
  return c.protocol === 'http:' || c.protocol === 'https:' ? c.href : null;
}
