// The article behind a thin feed item: robots.txt first, then the page through the (polite)
// fetcher, Readability extraction, wall detection. The outcome is stored on the article:
//   'page'   its text is the page's (the feed's title, date and outlet are kept), its URL the
//            page's canonical URL when that is on the same site and no other article has it;
//   'teaser' it keeps the feed's teaser, with the reason (robots.txt, paywall, HTTP 404 …).
// Idempotent: only an article still 'pending' for this feed version is fetched, so a stored page
// is never fetched again and an edited feed item (new feed hash) is fetched once more.
import type { Article } from '../domain/types.ts';
import type { Fetcher } from '../fetch/port.ts';
import type { Robots } from '../fetch/robots.ts';
import type { Store } from '../store/ports.ts';
import { canonicalUrl } from './canonical-url.ts';
import { contentHash } from './content-hash.ts';
import { FetchError } from '../fetch/errors.ts';
import { extractArticle } from './extract.ts';
import { hostOf } from './to-article.ts';

export interface FullTextDeps {
  store: Store;
  /** Article pages go through the polite fetcher (src/fetch/polite.ts). */
  fetcher: Fetcher;
  robots: Robots;
  now: () => Date;
}

export type FullTextOutcome =
  | { status: 'page'; article: Article }
  | { status: 'teaser'; article: Article; reason: string }
  | { status: 'skipped'; reason: string };

/** Failures that retrying will not change: the article keeps its teaser at once. */
const FINAL: FetchError['code'][] = ['refused', 'bad-url', 'too-large', 'too-many-redirects', 'redirect-loop', 'not-text'];

function isFinal(err: FetchError): boolean {
  if (FINAL.includes(err.code)) return true;
  const status = err.code === 'http-status' ? Number(/HTTP (\d+)/.exec(err.message)?.[1]) : NaN;
  return status >= 400 && status < 500 && status !== 429 && status !== 408;
}

/**
 * Fetches the page of one pending article. `lastAttempt`: a transient failure keeps the teaser
 * (with the reason) instead of throwing, so no article stays pending for ever.
 * Throws FetchError for a transient failure otherwise (the caller retries with backoff).
 */
export async function fetchFullText(p: { articleId: string; feedHash: string }, deps: FullTextDeps, lastAttempt = false): Promise<FullTextOutcome> {
  const a = await deps.store.articles.get(p.articleId);
  if (!a) return { status: 'skipped', reason: 'article no longer stored' };
  if (a.textSource !== 'pending' || a.feedHash !== p.feedHash) return { status: 'skipped', reason: 'not pending for this feed version' };
  const keep = async (reason: string): Promise<FullTextOutcome> => {
    const article: Article = { ...a, textSource: 'teaser', textNote: reason };
    await deps.store.articles.save(article);
    return { status: 'teaser', article, reason };
  };

  const robots = await deps.robots.check(a.url);
  if (!robots.allowed) return keep(robots.reason ?? 'robots.txt disallows this page');
  let r;
  try {
    r = await deps.fetcher.fetchUrl(a.url);
  } catch (err) {
    if (err instanceof FetchError && (isFinal(err) || lastAttempt)) return keep(`page not read: ${err.message}`);
    throw err;
  }
  if (r.status !== 'ok') return keep('page not read: not modified');
  const page = extractArticle(r.text, r.url);
  if (page.wall) return keep(page.wall);
  // A page that adds nothing to the teaser is a teaser page (a stub, or a wall we did not name).
  if (page.text.length < a.text.length + 80) return keep('the page holds no more than the teaser');

  const url = await pageUrl(a, page.canonicalUrl ?? r.url, deps.store);
  const title = a.title || page.title;
  const article: Article = {
    ...a,
    url,
    // The feed's link stays a dedup key when the canonical URL replaces it.
    guid: a.guid ?? (url !== a.url ? a.url : null),
    title,
    byline: a.byline ?? page.byline,
    text: page.text,
    contentHash: contentHash(title, page.text),
    fetchedAt: deps.now(),
    textSource: 'page',
    textNote: null,
  };
  await deps.store.articles.save(article);
  return { status: 'page', article };
}

/** The page's canonical URL when it is on the article's site and not another article's already. */
async function pageUrl(a: Article, canonical: string, store: Store): Promise<string> {
  const c = canonicalUrl(canonical);
  if (c === a.url || hostOf(c) !== hostOf(a.url) || new URL(c).pathname.length <= 1) return a.url;
  const other = await store.articles.findExisting({ url: c, guid: null, contentHash: '' });
  return other && other.id !== a.id ? a.url : c;
}
