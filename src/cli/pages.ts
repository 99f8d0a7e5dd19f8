// The article pages behind thin feed items, read by `newsbot ingest` at once (the bot does the
// same through fetch-article jobs): robots.txt and per-host politeness as configured, progress on
// stderr, and quotes re-indexed from each page that gave the full text.
import type { Config } from '../config.ts';
import type { Article } from '../domain/types.ts';
import type { Fetcher } from '../fetch/port.ts';
import { interleaveByHost, politeFetcher } from '../fetch/polite.ts';
import { createRobots } from '../fetch/robots.ts';
import { fetchFullText } from '../ingest/fulltext.ts';
import type { Store } from '../store/ports.ts';
import type { CliIO } from './types.ts';
import { debugLog } from '../debug-log.ts';

export interface PagesSummary {
  /** Pages that gave the article's full text. */
  read: number;
  /** Thin items kept as teasers (paywall, robots.txt, page not found …). */
  teaser: number;
  failed: number;
}

/** Pages read at once across hosts; each host still gets at most FETCH_HOST_CONCURRENCY. */
const OVERALL = 8;

export async function readPages(
  pending: Article[],
  o: { store: Store; fetcher: Fetcher; config: Config; io: CliIO; onPage(a: Article): Promise<void> },
): Promise<PagesSummary> {
  const summary: PagesSummary = { read: 0, teaser: 0, failed: 0 };
  if (!pending.length) return summary;
  const queue = interleaveByHost(pending, (a) => a.url);
  const pages = politeFetcher(o.fetcher, { concurrency: o.config.FETCH_HOST_CONCURRENCY, delayMs: o.config.FETCH_HOST_DELAY_MS });
  const deps = { store: o.store, fetcher: pages, robots: createRobots(pages), now: () => new Date() };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < queue.length) {
      const a = queue[next++]!;
      try {
        // One try: a transient failure keeps the teaser with its reason (a later ingest re-reads
        // the item only if the feed changes it).
        const r = await fetchFullText({ articleId: a.id, feedHash: a.feedHash ?? a.contentHash }, deps, true);
        if (r.status === 'page') {
          summary.read++;
          await o.onPage(r.article);
        } else if (r.status === 'teaser') summary.teaser++;
      } catch (err) {
        debugLog('page %s failed: %s', a.url, err);
        summary.failed++;
      }
      o.io.stderr.write(`[pages ${++done}/${pending.length}] ${a.url}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(OVERALL, pending.length) }, worker));
  return summary;
}

export function pagesLine(p: PagesSummary): string {
  const total = p.read + p.teaser + p.failed;
  if (!total) return '';
  return `; ${p.read} of ${total} article pages read${p.teaser ? `, ${p.teaser} kept as teaser` : ''}${p.failed ? `, ${p.failed} failed` : ''}`;
}
