// Turning one cluster of articles into a Story: headline, short summary, key quotes, sources.
import { createHash } from 'node:crypto';
import type { Article, QuoteHit, Story } from '../domain/types.ts';
import { summarise } from '../nlp/summarise.ts';

export type StoryArticle = Story['articles'][number];

/**
 * Stable story key: derived from the earliest member article (then its id), so the key survives
 * new articles joining the story later.
 */
export function storyKey(articles: Pick<Article, 'id' | 'publishedAt'>[]): string {
  const first = [...articles].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id.localeCompare(b.id))[0];
  return createHash('sha1').update(first?.id ?? '').digest('hex').slice(0, 16);
}

/** Up to `max` quotes for a story: named speakers first, then confidence, one per speaker, no repeats. */
export function pickQuotes(quotes: QuoteHit[], max = 2): QuoteHit[] {
  const good = quotes.filter((q) => q.text.trim().length >= 20 && q.text.length <= 400);
  good.sort(
    (a, b) =>
      Number(b.speaker !== null) - Number(a.speaker !== null) ||
      b.confidence - a.confidence ||
      Number(b.kind === 'direct') - Number(a.kind === 'direct') ||
      b.publishedAt.getTime() - a.publishedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  const out: QuoteHit[] = [];
  const speakers = new Set<string>();
  const texts = new Set<string>();
  for (const q of good) {
    const t = q.text.toLowerCase().replace(/\W+/g, ' ').trim();
    const who = q.speakerKey ?? q.speaker ?? '';
    if (texts.has(t) || (who && speakers.has(who))) continue;
    out.push(q);
    texts.add(t);
    if (who) speakers.add(who);
    if (out.length >= max) break;
  }
  return out;
}

/** Centralities this close count as a tie, and the earlier report leads. */
const CENTRAL_TIE = 0.05;

/**
 * The member that reports the event: the most central one (see nlp/cluster.ts centrality), the
 * earliest among near ties, so neither a late reaction piece nor the newest rewrite leads.
 * `central` is parallel to `members`.
 */
export function leadMember<T extends { article: Article }>(members: T[], central: number[]): T {
  const best = Math.max(...central);
  const near = members.filter((_, i) => central[i]! >= best - CENTRAL_TIE);
  return near.sort((a, b) => a.article.publishedAt.getTime() - b.article.publishedAt.getTime() || a.article.id.localeCompare(b.article.id))[0]!;
}

/** A one-to-two sentence summary of the representative article (extractive, deterministic). */
export function storySummary(a: Article): string {
  const s = summarise(a.text, { title: a.title, maxSentences: 2 });
  // A long first sentence is enough on its own in chat.
  const first = s[0] ?? '';
  if (s.length > 1 && first.length > 220) return first;
  return s.join(' ');
}

export function sourceOf(a: Article): StoryArticle {
  // A thin item kept as its teaser (paywall, robots.txt …) is marked so digests can say so.
  return { id: a.id, url: a.url, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt, ...(a.textSource === 'teaser' ? { teaser: true } : {}) };
}
