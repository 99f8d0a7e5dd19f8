// The sample corpus in examples/ is fiction written on fixed dates. So that a first digest shows it
// on any day, its articles are re-dated at ingest relative to the ingest clock: every article moves
// by the same amount, keeping their order and spacing, so that the newest is a few hours old (the
// oldest then is about three days old). Real sources are never re-dated.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The sample feed that `newsbot start` reads when NEWSBOT_FEEDS is not set. */
export const SAMPLE_FEED = path.join(EXAMPLES, 'feed.xml');
const SAMPLE_ARTICLES = path.join(EXAMPLES, 'articles');

/** Date of the newest sample article as written (examples/feed.xml; a test keeps them in step). */
export const SAMPLE_NEWEST = new Date('2026-11-28T08:20:00Z');
/** How old the newest sample article is made at ingest. */
export const SAMPLE_NEWEST_AGE_MS = 3 * 3_600_000;

/** Whether a source key (an absolute path or a URL) is the sample corpus, as a feed or as files. */
export function isSampleKey(key: string): boolean {
  const k = path.normalize(key);
  return k === SAMPLE_FEED || k === SAMPLE_ARTICLES || k.startsWith(SAMPLE_ARTICLES + path.sep);
}

/** Moves sample dates so that the newest written date lands SAMPLE_NEWEST_AGE_MS before `now`. */
export function redateSample<T extends { publishedAt: Date | null }>(items: T[], now: Date): T[] {
  const shift = now.getTime() - SAMPLE_NEWEST_AGE_MS - SAMPLE_NEWEST.getTime();
  return items.map((c) => (c.publishedAt ? { ...c, publishedAt: new Date(c.publishedAt.getTime() + shift) } : c));
}
