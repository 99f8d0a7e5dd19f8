// Channel Definition Format (CDF, 1997): `<CHANNEL HREF>` with `<TITLE>`, `<ABSTRACT>` and
// `<ITEM HREF LASTMOD>` children. Read into the common feed shape: ABSTRACT is the summary,
// HREF the link (resolved against BASE and the document URL), LASTMOD the date (UTC, as CDF writes it).
import { DOMParser } from 'linkedom';
import type { FeedItem, ParsedFeed } from './feeds.ts';

interface El {
  tagName: string;
  children: ArrayLike<El>;
  textContent: string | null;
  getAttribute(n: string): string | null;
}

/** True when the document's root element is a CDF CHANNEL. */
export function isCdf(text: string): boolean {
  return /^(\s*<\?xml[^>]*\?>)?(\s*<!--[\s\S]*?-->)*\s*<channel\b/i.test(text);
}

const kids = (el: El, name: string) => Array.from(el.children).filter((c) => c.tagName.toLowerCase() === name);
const childText = (el: El, name: string) => kids(el, name)[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function attr(el: El, name: string): string | null {
  return el.getAttribute(name) ?? el.getAttribute(name.toLowerCase());
}

function url(href: string | null, base: string | null): string | null {
  if (!href) return null;
  if (!URL.canParse(href, base ?? undefined)) return null;
  const u = new URL(href, base ?? undefined);
  return /^(https?|file):$/.test(u.protocol) ? u.href : null;
}

function cdfDate(v: string | null): Date | null {
  if (!v) return null;
  // LASTMOD is "YYYY-MM-DDThh:mm" in UTC; a bare form without a zone must not read as local time.
  const s = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

export function parseCdf(text: string, docUrl: string | null): ParsedFeed {
  const doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as { documentElement: El | null };
  const root = doc.documentElement;
  if (!root || root.tagName.toLowerCase() !== 'channel') throw new Error('not a CDF channel');
  const base = url(attr(root, 'BASE'), docUrl) ?? url(attr(root, 'HREF'), docUrl) ?? docUrl;
  const items: FeedItem[] = kids(root, 'item').map((it) => {
    const link = url(attr(it, 'HREF'), base);
    return { title: childText(it, 'title'), link, id: link, summary: childText(it, 'abstract'), published: cdfDate(attr(it, 'LASTMOD')) };
  });
  return { format: 'rss', title: childText(root, 'title'), homePage: url(attr(root, 'HREF'), docUrl), items, warnings: [] };
}
