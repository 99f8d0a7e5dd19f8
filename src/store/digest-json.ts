// Digests are stored as JSON; this brings their Date fields back (JSON has no dates).
import type { Digest } from '../domain/types.ts';

const date = (v: unknown): Date => new Date(typeof v === 'string' || typeof v === 'number' ? v : Number.NaN);

/** Parses a stored digest body, reviving since/until/createdAt and every article/quote publishedAt. */
export function digestFromJson(body: string): Digest {
  const d = JSON.parse(body) as Digest;
  return {
    ...d,
    since: date(d.since),
    until: date(d.until),
    createdAt: date(d.createdAt),
    stories: (d.stories ?? []).map((s) => ({
      ...s,
      articles: (s.articles ?? []).map((a) => ({ ...a, publishedAt: date(a.publishedAt) })),
      quotes: (s.quotes ?? []).map((q) => ({ ...q, publishedAt: date(q.publishedAt) })),
    })),
  };
}

/** Topics compare case- and space-insensitively ("Ukraine " is "ukraine"). */
export const topicKey = (topic: string): string => topic.trim().replace(/\s+/g, ' ').toLowerCase();
