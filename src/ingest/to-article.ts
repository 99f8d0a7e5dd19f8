// Turning what a source yielded (feed item, extracted page, local file) into an Article candidate.
import type { Article } from '../domain/types.ts';
import { canonicalUrl } from './canonical-url.ts';
import { contentHash } from './content-hash.ts';
import type { FeedItem } from './feeds.ts';
import { htmlToParagraphs } from './html-text.ts';
import { stripBoilerplateText } from './boilerplate.ts';

export interface Candidate {
  url: string;
  guid: string | null;
  title: string;
  text: string;
  byline: string | null;
  outlet: string;
  publishedAt: Date | null;
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
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

export function candidateFromItem(item: FeedItem, feedUrl: string, outlet: string): Candidate {
  const guid = globalGuid(item.id, feedUrl);
  // An item without a link still needs a unique URL key: derive one from its GUID or title.
  const url = item.link ? canonicalUrl(item.link) : `${feedUrl}#${encodeURIComponent(item.id ?? item.title)}`;
  const text = item.contentHtml ? stripBoilerplateText(htmlToParagraphs(item.contentHtml)) : item.summary;
  return { url, guid, title: item.title || item.summary.slice(0, 80), text, byline: item.author ?? null, outlet: item.outlet ?? outlet, publishedAt: item.published };
}

export function toArticle(c: Candidate, sourceId: string | null, now: Date): Article {
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
    contentHash: contentHash(c.title, c.text),
  };
}
