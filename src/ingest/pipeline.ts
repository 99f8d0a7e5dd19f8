// The ingest pipeline: targets (feed URLs, page URLs, files, folders) -> deduplicated articles in
// the store. Each target is a Source whose outcome is recorded (etag/last-modified on success;
// last error, error count and an exponential backoff on failure). One failing target never stops
// the others. Feed items are stored with the content the feed carries; with `fullText`, thin items
// are stored 'pending' and handed to `onPending`, whose caller fetches their pages (fulltext.ts).
import type { Article, FullTextMode, Source, SourceKind } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/ports.ts';
import { canonicalUrl } from './canonical-url.ts';
import { saveDedupedMany, type SaveStatus } from './dedup.ts';
import { extractArticle } from './extract.ts';
import type { Fetcher } from '../fetch/port.ts';
import { looksLikeFeed, parseFeedText, type FeedItem } from './feeds.ts';
import { classifyTarget, guessKind, targetKey, type Target } from './targets.ts';
import { listFolder, readLocalFile } from './text-file.ts';
import { candidateFromItem, hostOf, isStorable, toArticle, type Candidate } from './to-article.ts';
import { isSampleKey, redateSample } from './sample.ts';
import { debugLog } from '../debug-log.ts';

export interface IngestDeps {
  store: Store;
  fetcher: Fetcher;
  log: Logger;
  now: () => Date;
  /** Ignore backoff (`newsbot ingest --force`). */
  force?: boolean;
  /** NEWSBOT_FULLTEXT, overridden by a source's own setting. Absent: feed text only, no pages. */
  fullText?: FullTextMode;
  /** Called for each stored article whose page is to be fetched (new or edited thin items). */
  onPending?(article: Article): Promise<void>;
  /** Size cap for local files (the fetcher has its own). Default 5 MB. */
  maxFileBytes?: number;
  /** Newest items read from one feed (NEWSBOT_MAX_ITEMS_PER_FEED, default 200). */
  maxItemsPerFeed?: number;
  /** Targets processed at once (default 4). Saving is always one at a time. */
  concurrency?: number;
  /** Called as each target finishes (in completion order), with its result. */
  onProgress?(done: number, total: number, target: string, result: SourceResult): void;
  /** Called after an article was stored as new or updated (e.g. to enqueue quote extraction). */
  onArticle?(article: Article, status: 'new' | 'updated'): Promise<void>;
}

export interface SourceResult {
  target: string;
  sourceId: string | null;
  kind: SourceKind | null;
  status: 'ok' | 'not-modified' | 'skipped' | 'failed';
  error?: string;
  new: number;
  updated: number;
  duplicate: number;
  warnings: string[];
}

export interface IngestSummary {
  new: number;
  updated: number;
  duplicate: number;
  /** Targets that failed. */
  failed: number;
  /** Targets skipped because they are backing off. */
  skipped: number;
  sources: SourceResult[];
}

const MINUTE = 60_000;
const MAX_BACKOFF = 6 * 60 * MINUTE;

/** Next retry after the (errorCount+1)-th consecutive failure: 1, 2, 4 … minutes, at most 6 hours. */
export function nextRetryAt(now: Date, errorCount: number): Date {
  return new Date(now.getTime() + Math.min(MAX_BACKOFF, MINUTE * 2 ** Math.min(errorCount, 20)));
}

/**
 * The `max` newest items, newest first (undated items after dated ones, in feed order), so a feed
 * of thousands of items costs the same as one of `max` at every tick.
 */
export function newestFirst(items: FeedItem[], max: number): FeedItem[] {
  const time = (i: FeedItem) => i.published?.getTime() ?? Number.NEGATIVE_INFINITY;
  const sorted = items.every((i) => !i.published) ? items : [...items].sort((a, b) => time(b) - time(a));
  return sorted.slice(0, max);
}

interface Yield {
  kind: SourceKind;
  title: string | null;
  candidates: Candidate[];
  etag?: string | null;
  lastModified?: string | null;
  notModified?: boolean;
  warnings: string[];
}

/** The one article a page gives; its canonical URL is used only when it is on the same site. */
function pageCandidate(page: ReturnType<typeof extractArticle>, url: string): Candidate {
  if (!page.text && !page.title) throw new Error('no article text found on the page');
  const sameSite = page.canonicalUrl && hostOf(page.canonicalUrl) === hostOf(url) && new URL(page.canonicalUrl).pathname.length > 1;
  return {
    url: canonicalUrl(sameSite ? page.canonicalUrl! : url),
    guid: null,
    title: page.title,
    text: page.text,
    byline: page.byline,
    outlet: page.siteName ?? hostOf(url),
    publishedAt: page.publishedAt,
  };
}

export async function ingestTargets(targets: string[], deps: IngestDeps): Promise<IngestSummary> {
  const maxFileBytes = deps.maxFileBytes ?? 5 * 1024 * 1024;
  const maxItems = deps.maxItemsPerFeed ?? 200;
  let saving: Promise<unknown> = Promise.resolve();
  // Dedup looks before it writes, so saves run one at a time even when fetches overlap.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = saving.then(fn, fn);
    saving = next.catch((err) => debugLog('save failed (reported to its caller): %s', err));
    return next;
  };

  async function fromUrl(url: string, source: Source | null): Promise<Yield> {
    const r = await deps.fetcher.fetchUrl(url, { etag: source?.etag, lastModified: source?.lastModified });
    if (r.status === 'not-modified') return { kind: source?.kind ?? 'feed', title: null, candidates: [], notModified: true, etag: source?.etag, lastModified: source?.lastModified, warnings: [] };
    const base = { etag: r.etag, lastModified: r.lastModified, warnings: [...r.warnings] };
    if (looksLikeFeed(r.text, r.contentType)) {
      const feed = parseFeedText(r.text, r.url);
      const outlet = feed.title || hostOf(feed.homePage ?? r.url);
      const mode = deps.fullText ? (source?.fullText ?? deps.fullText) : undefined;
      const candidates = newestFirst(feed.items.filter(isStorable), maxItems).map((it) => candidateFromItem(it, url, outlet, mode));
      return { ...base, kind: 'feed', title: feed.title || null, candidates, warnings: [...base.warnings, ...feed.warnings] };
    }
    const page = extractArticle(r.text, r.url);
    return { ...base, kind: 'page', title: page.siteName, candidates: [pageCandidate(page, r.url)] };
  }

  async function fromPath(t: Target & { type: 'file' | 'folder' }, source: Source | null): Promise<Yield> {
    const mode = deps.fullText ? (source?.fullText ?? deps.fullText) : undefined;
    const files = t.type === 'folder' ? await listFolder(t.path) : [t.path];
    const y: Yield = { kind: 'file', title: null, candidates: [], warnings: [] };
    for (const file of files) {
      try {
        const doc = await readLocalFile(file, maxFileBytes);
        if (doc.kind === 'feed') {
          const feed = parseFeedText(doc.text, doc.url);
          if (t.type === 'file') y.kind = 'feed';
          y.title ??= feed.title || null;
          y.candidates.push(...newestFirst(feed.items.filter(isStorable), maxItems).map((it) => candidateFromItem(it, doc.url, feed.title || 'Local feed', mode)));
          y.warnings.push(...feed.warnings);
        } else if (doc.title || doc.text) {
          const url = doc.sourceUrl ? canonicalUrl(doc.sourceUrl) : doc.url;
          y.candidates.push({ url, guid: null, title: doc.title, text: doc.text, byline: doc.byline, outlet: doc.outlet ?? 'Local files', publishedAt: doc.publishedAt });
        }
      } catch (err) {
        if (t.type === 'file') throw err;
        y.warnings.push(`${file}: ${(err as Error).message}`);
      }
    }
    if (t.type === 'folder' && files.length === 0) y.warnings.push('folder holds no .txt, .md, .html or feed files');
    return y;
  }

  async function one(raw: string): Promise<SourceResult> {
    const result: SourceResult = { target: raw, sourceId: null, kind: null, status: 'ok', new: 0, updated: 0, duplicate: 0, warnings: [] };
    let source: Source | null = null;
    let target: Target | null = null;
    const now = deps.now();
    try {
      target = await classifyTarget(raw);
      const key = targetKey(target);
      source = await deps.store.sources.get(key);
      if (source?.nextRetryAt && source.errorCount > 0 && source.nextRetryAt > now && !deps.force) {
        return { ...result, sourceId: source.id, kind: source.kind, status: 'skipped', error: `backing off until ${source.nextRetryAt.toISOString()} after: ${source.lastError ?? 'errors'}` };
      }
      const y = target.type === 'url' ? await fromUrl(target.url, source) : await fromPath(target, source);
      source ??= await deps.store.sources.add({ url: key, kind: y.kind, title: y.title });
      Object.assign(result, { sourceId: source.id, kind: y.kind, warnings: y.warnings, status: y.notModified ? 'not-modified' : 'ok' });
      const sourceId = source.id;
      const candidates = isSampleKey(key) ? redateSample(y.candidates, now) : y.candidates;
      const batch = candidates.map((c) => toArticle(c, sourceId, deps.now()));
      for (const saved of await serial(() => saveDedupedMany(deps.store, batch))) {
        result[saved.status satisfies SaveStatus]++;
        await announce(saved);
      }
      await deps.store.sources.recordFetch(source.id, { ok: true, etag: y.etag ?? null, lastModified: y.lastModified ?? null, title: y.title, at: now });
    } catch (err) {
      const message = (err as Error).message || String(err);
      Object.assign(result, { status: 'failed', error: message });
      if (target) await recordFailure(raw, target, source, result, message, now);
      deps.log.warn({ target: raw, error: message }, 'ingest target failed');
    }
    return result;
  }

  /** The article is stored either way; a failing callback is logged, not a failed source. */
  async function announce(saved: Awaited<ReturnType<typeof saveDedupedMany>>[number]): Promise<void> {
    if (deps.onPending && saved.article.textSource === 'pending' && (saved.status !== 'duplicate' || saved.refetch)) {
      await deps.onPending(saved.article).catch((err: unknown) => {
        deps.log.error({ articleId: saved.article.id, err }, 'onPending callback failed');
      });
    }
    if (saved.status !== 'duplicate' && deps.onArticle) {
      await deps.onArticle(saved.article, saved.status).catch((err: unknown) => {
        deps.log.error({ articleId: saved.article.id, err }, 'onArticle callback failed');
      });
    }
  }

  async function recordFailure(raw: string, target: Target, known: Source | null, result: SourceResult, message: string, now: Date): Promise<void> {
    try {
      const source = known ?? (await deps.store.sources.add({ url: targetKey(target), kind: guessKind(target) }));
      result.sourceId = source.id;
      result.kind = source.kind;
      await deps.store.sources.recordFetch(source.id, { ok: false, error: message, at: now, nextRetryAt: nextRetryAt(now, source.errorCount) });
    } catch (storeErr) {
      deps.log.error({ target: raw, err: storeErr }, 'could not record the failed fetch');
    }
  }

  const results: SourceResult[] = new Array(targets.length);
  let nextIndex = 0;
  let done = 0;
  const worker = async () => {
    while (nextIndex < targets.length) {
      const i = nextIndex++;
      results[i] = await one(targets[i]!);
      deps.onProgress?.(++done, targets.length, targets[i]!, results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 4, targets.length) }, worker));
  const sum = (k: 'new' | 'updated' | 'duplicate') => results.reduce((n, r) => n + r[k], 0);
  return {
    new: sum('new'),
    updated: sum('updated'),
    duplicate: sum('duplicate'),
    failed: results.filter((r) => r.status === 'failed').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    sources: results,
  };
}
