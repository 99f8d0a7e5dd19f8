// Feed parsing: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1 through feedsmith,
// normalised to one shape: plain-text title and summary, absolute links (xml:base and the feed URL
// resolved), dates as Date. Broken XML goes through a lenient recovery (feed-recover.ts); an input
// that holds no feed at all throws FeedParseError with a one-line message. Never throws anything else.
import { parseFeed } from 'feedsmith';
import { isCdf, parseCdf } from './feed-cdf.ts';
import { prepareFeedXml } from './feed-prepare.ts';
import { emptyFeedTitle, recoverXml } from './feed-recover.ts';
import { htmlToParagraphs, htmlToPlain } from './html-text.ts';
import { debugLog } from '../debug-log.ts';

export interface FeedItem {
  title: string;
  link: string | null;
  /** GUID / Atom id / JSON Feed id, as written (not made unique across feeds). */
  id: string | null;
  summary: string;
  published: Date | null;
  /** Item body as HTML: the full content when the feed carries it, else the description. */
  contentHtml?: string;
  /** True when the item has full content (content:encoded, Atom content, JSON Feed content_*). */
  hasFullContent?: boolean;
  author?: string;
  /** The outlet named by the item itself (RSS <source>), for aggregated feeds. */
  outlet?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json' | 'cdf';
  title: string;
  /** The feed's home page, when given. */
  homePage: string | null;
  items: FeedItem[];
  warnings: string[];
}

export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
/** First string of a module field that the parser gives as a list (dc:title -> dc.titles). */
const first = (v: unknown): string | null => (Array.isArray(v) ? (v.map(str).find((x) => x) ?? null) : str(v));

function resolve(href: string | null, base: string | null): string | null {
  if (!href) return null;
  if (URL.canParse(href, base ?? undefined)) return new URL(href, base ?? undefined).href;
  return /^[a-z][\w+.-]*:/i.test(href) ? href : null;
}

/** Item and home links: only http(s) (or file: inside a local feed) — never javascript:, data: and the like. */
function link(href: string | null, base: string | null): string | null {
  const url = resolve(href, base);
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  return url.startsWith('file:') && base?.startsWith('file:') ? url : null;
}

export function parseDate(v: unknown): Date | null {
  const s = str(v);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Atom text constructs: type "html"/"xhtml" is markup, "text" (the default) is literal. */
function atomText(v: unknown): string {
  if (typeof v === 'string') return htmlToPlain(v);
  const o = obj(v);
  const value = str(o.value) ?? '';
  return typeof o.type === 'string' && /html/i.test(o.type) ? htmlToPlain(value) : value.replace(/\s+/g, ' ').trim();
}

function summaryFrom(description: string | null, content: string | null): string {
  if (description) return htmlToPlain(description);
  const lead = content ? (htmlToParagraphs(content).split('\n\n')[0] ?? '') : '';
  return lead.length > 500 ? `${lead.slice(0, 500).replace(/\s+\S*$/, '')}…` : lead;
}

function person(list: unknown, fallback?: unknown): string | undefined {
  const names = arr(list).map((p) => str(p.name) ?? str(p.email)).filter((n): n is string => !!n);
  if (!names.length && Array.isArray(fallback)) names.push(...fallback.filter((x): x is string => typeof x === 'string'));
  return names.length ? names.join(', ') : undefined;
}

function normaliseItem(format: ParsedFeed['format'], it: Obj, base: string | null): FeedItem {
  if (format === 'json') return jsonItem(it, base);
  return format === 'atom' ? atomItem(it, base, dublinCore(it)) : rssItem(it, base, dublinCore(it));
}

interface DublinCore {
  title: string | null;
  summary: string | null;
  date: unknown;
  termsDate: Date | null;
  creators: unknown;
}

/** Dublin Core and DC terms stand in when the format's own title, summary or date is missing. */
function dublinCore(it: Obj): DublinCore {
  const dc = obj(it.dc);
  const terms = obj(it.dcterms);
  return {
    title: first(dc.titles) ?? first(dc.title),
    summary: first(dc.descriptions) ?? first(dc.description) ?? first(terms.abstract),
    date: first(dc.dates) ?? first(dc.date),
    termsDate: parseDate(first(terms.issued)) ?? parseDate(first(terms.created)) ?? parseDate(first(terms.modified)),
    creators: dc.creators,
  };
}

function atomItem(it: Obj, base: string | null, dc: DublinCore): FeedItem {
  const itemBase = resolve(str(obj(it.xml).base), base) ?? base;
  const links = arr(it.links);
  const alt = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  const content = obj(it.content);
  const contentHtml = str(content.value) ?? undefined;
  const summaryObj = obj(it.summary);
  return {
    title: atomText(it.title) || htmlToPlain(dc.title),
    link: link(str(alt?.href), itemBase),
    id: str(it.id),
    summary: summaryObj.value ? atomText(it.summary) : summaryFrom(dc.summary, contentHtml ?? null),
    published: parseDate(it.published) ?? parseDate(it.updated) ?? parseDate(dc.date) ?? dc.termsDate,
    contentHtml: content.type === 'text' && contentHtml ? escapeText(contentHtml) : contentHtml,
    hasFullContent: Boolean(contentHtml),
    author: person(it.authors, dc.creators),
  };
}

function jsonItem(it: Obj, base: string | null): FeedItem {
  const contentHtml = str(it.content_html) ?? (str(it.content_text) ? escapeText(str(it.content_text)!) : null);
  return {
    title: htmlToPlain(str(it.title)),
    link: link(str(it.url) ?? str(it.external_url), base),
    id: it.id === undefined || it.id === null ? null : String(it.id),
    summary: summaryFrom(str(it.summary), contentHtml),
    published: parseDate(it.date_published) ?? parseDate(it.date_modified),
    contentHtml: contentHtml ?? undefined,
    hasFullContent: Boolean(contentHtml),
    author: person(it.authors ?? (it.author ? [it.author] : [])),
  };
}

/** RSS 0.9x/1.0/2.0 and RDF items. */
function rssItem(it: Obj, base: string | null, dc: DublinCore): FeedItem {
  const encoded = str(obj(it.content).encoded);
  const guid = obj(it.guid);
  const guidValue = str(guid.value) ?? str(it.guid) ?? str(obj(it.rdf).about);
  const href = str(it.link) ?? (guid.isPermaLink !== false && guidValue && /^https?:/i.test(guidValue) ? guidValue : null);
  return {
    title: htmlToPlain(str(it.title) ?? dc.title),
    link: link(href, resolve(str(obj(it.xml).base), base) ?? base),
    id: guidValue,
    summary: summaryFrom(str(it.description) ?? dc.summary, encoded),
    published: parseDate(it.pubDate) ?? parseDate(dc.date) ?? dc.termsDate,
    contentHtml: encoded ?? str(it.description) ?? undefined,
    hasFullContent: Boolean(encoded),
    author: person(dc.creators ? [] : it.authors, dc.creators),
    outlet: str(obj(it.source).title) ?? undefined,
  };
}

function escapeText(s: string): string {
  return s
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
}

function normalise(format: ParsedFeed['format'], feed: Obj, feedUrl: string | null, warnings: string[]): ParsedFeed {
  const homeLink = format === 'atom' ? str(arr(feed.links).find((l) => !l.rel || l.rel === 'alternate')?.href) : str(feed.link) ?? str(feed.home_page_url);
  // A feed read from a local file has no useful URL of its own: its absolute home link is a better base.
  const fileBase = feedUrl?.startsWith('file:') && homeLink && /^https?:\/\//i.test(homeLink) ? homeLink : feedUrl;
  const base = resolve(str(obj(feed.xml).base), fileBase) ?? fileBase;
  const raw = format === 'atom' ? arr(feed.entries) : arr(feed.items);
  const dcTitle = first(obj(feed.dc).titles) ?? first(obj(feed.dc).title);
  const title = format === 'atom' ? atomText(feed.title) : htmlToPlain(str(feed.title));
  return {
    format,
    title: title || htmlToPlain(dcTitle),
    homePage: link(homeLink, base),
    // Every item, even one with only an id or a date: callers that store articles skip empty ones.
    items: raw.map((it) => normaliseItem(format, it, base)),
    warnings,
  };
}

/**
 * Parses feed text. `feedUrl` is where it came from (an http(s) or file: URL), used to make
 * relative links absolute. Throws FeedParseError when the input is not a readable feed.
 */
export function parseFeedText(text: string, feedUrl: string | null): ParsedFeed {
  const input = text.replace(/^\uFEFF/, '').trimStart();
  if (!input) throw new FeedParseError('empty input: not a feed');
  if (isCdf(input)) {
    try {
      return parseCdf(input, feedUrl);
    } catch (err) {
      throw new FeedParseError(`not a readable CDF channel: ${(err as Error).message}`);
    }
  }
  try {
    const { format, feed } = parseFeed(/^[[{]/.test(input) ? input : prepareFeedXml(input, feedUrl));
    return normalise(format, obj(feed), feedUrl, []);
  } catch (err) {
    if (input.startsWith('{') || input.startsWith('[')) {
      throw new FeedParseError(`not a readable JSON feed: ${(err as Error).message}`);
    }
    const emptyTitle = emptyFeedTitle(input);
    if (emptyTitle !== null) return { format: 'rss', title: htmlToPlain(emptyTitle), homePage: null, items: [], warnings: [] };
    const repaired = recoverXml(input);
    if (repaired) {
      try {
        const { format, feed } = parseFeed(prepareFeedXml(repaired, feedUrl));
        return normalise(format, obj(feed), feedUrl, [`malformed feed, recovered leniently (${(err as Error).message})`]);
      } catch (lenientErr) {
        // Fall through to the error below, which names the first failure.
        debugLog('lenient reparse failed too: %s', lenientErr);
      }
    }
    throw new FeedParseError(`not a readable feed (RSS, Atom, RDF or JSON Feed): ${(err as Error).message}`);
  }
}

/** Sniffs whether a fetched body is a feed rather than a web page. */
export function looksLikeFeed(text: string, contentType: string | null): boolean {
  const ct = (contentType ?? '').toLowerCase();
  if (/(rss|atom|rdf)\+xml|feed\+json/.test(ct)) return true;
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2048);
  if (/^(\{|\[)/.test(head)) return /jsonfeed\.org\/version/i.test(head);
  if (/<html[\s>]|<!doctype html/i.test(head)) return false;
  return /<(rss|feed|rdf:RDF)\b/i.test(head);
}
