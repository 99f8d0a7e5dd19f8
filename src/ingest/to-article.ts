// Turning what a source yielded (feed item, extracted page, local file) into an Article candidate.
import type { Article, FullTextMode, TextSource } from '../domain/types.ts';
import { canonicalUrl } from './canonical-url.ts';
import { contentHash } from './content-hash.ts';
import type { FeedItem } from './feeds.ts';
import { htmlToParagraphs } from './html-text.ts';
import { stripBoilerplateText } from './boilerplate.ts';
import { isThin, wantsPage } from './thin.ts';
import { stripWallText } from './walls.ts';

export interface Candidate {
  url: string;
  guid: string | null;
  title: string;
  text: string;
  byline: string | null;
  outlet: string;
  publishedAt: Date | null;
  /** Feed items: where the text stands on full text (see TextSource) and why a teaser is kept. */
  textSource?: TextSource;
  textNote?: string | null;
}

/**
 * Feed GUIDs are only unique within their feed ("1", "post-7"), so unless one already looks
 * global (a URL, urn: or tag:) it is qualified with the feed URL before it becomes a dedup key.
 */
export function globalGuid(guid: string | null, feedUrl: string): string | null {
  if (!guid) return null;
  return /^(https?:|urn:|tag:)/i.test(guid) ? guid : `${feedUrl}#${guid}`;
}

export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') || url : url;
}

/** A feed item worth storing: one with a title, a link or some text (not only an id or a date). */
export function isStorable(item: FeedItem): boolean {
  return Boolean(item.title || item.link || item.summary || item.contentHtml);
}

/**
 * `fullText`: the source's full-text mode, when pages may be fetched at all (absent: the text is
 * the feed's, whatever it is). A thin item becomes 'pending' (its page is to be fetched) or, under
 * 'never', a 'teaser'.
 */
export function candidateFromItem(item: FeedItem, feedUrl: string, outlet: string, fullText?: FullTextMode): Candidate {
  const guid = globalGuid(item.id, feedUrl);
  // An item without a link still needs a unique URL key: derive one from its GUID or title.
  const url = item.link ? canonicalUrl(item.link) : `${feedUrl}#${encodeURIComponent(item.id ?? item.title)}`;
  const raw = item.contentHtml ? stripBoilerplateText(htmlToParagraphs(item.contentHtml)) : item.summary;
  // "Subscribe to continue reading" in a feed is a wall too: it never becomes article text.
  const text = stripWallText(raw);
  const c: Candidate = { url, guid, title: item.title || item.summary.slice(0, 80), text, byline: item.author ?? null, outlet: item.outlet ?? outlet, publishedAt: item.published };
  if (!fullText) return c;
  const shape = { text, hasFullContent: Boolean(item.hasFullContent), link: item.link };
  if (wantsPage(fullText, shape)) return { ...c, textSource: 'pending' };
  if (fullText === 'never' && isThin(shape)) return { ...c, textSource: 'teaser', textNote: 'full text is off for this source' };
  return c;
}

export function toArticle(c: Candidate, sourceId: string | null, now: Date): Article {
  const hash = contentHash(c.title, c.text);
  return {
    id: '',
    url: c.url,
    guid: c.guid,
    sourceId,
    outlet: c.outlet,
    title: c.title,
    byline: c.byline,
    publishedAt: c.publishedAt && !Number.isNaN(c.publishedAt.getTime()) ? c.publishedAt : now,
    fetchedAt: now,
    text: c.text,
    contentHash: hash,
    ...(c.textSource ? { textSource: c.textSource, textNote: c.textNote ?? null, feedHash: hash } : {}),
  };
}
