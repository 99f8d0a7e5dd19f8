// What answering needs from one article, computed once per article version: its sentences with
// their stems, the stems of the whole article and of its title, and the people it names. Every
// follow-up in a thread asks about the same articles again, so this is cached (keyed by id and
// content hash, so an edited article is read afresh). `prefilter` keeps the articles whose words
// best cover the question, so only their passages are ranked: a digest may hold a hundred sources.
import type { Article } from '../domain/types.ts';
import { isBoilerplate } from './boilerplate.ts';
import { splitSentences } from './sentences.ts';
import { contentStems } from './stem.ts';
import type { QuestionAnalysis } from './answer-question.ts';

export interface Passage {
  article: Article;
  /** Position among the article's sentences (0 = first body sentence). */
  index: number;
  text: string;
  /** Offset of the sentence in the article text. */
  start: number;
  stems: Set<string>;
}

export interface ArticleEntry {
  passages: Passage[];
  /** Stems of the body passages. */
  body: Set<string>;
}

export interface ArticleStems {
  /** Stems of the title. */
  title: Set<string>;
  /** Stems of the title and the whole text (boilerplate included). */
  all: Set<string>;
}

// Stems are needed for every candidate article (the prefilter), passages only for the few kept.
const MAX_CACHED = 2_000;
const cache = new Map<string, ArticleEntry>();
const stemCache = new Map<string, ArticleStems>();
const keyOf = (a: Article): string => `${a.id}\u0000${a.contentHash}`;

export function stemsOf(a: Article): ArticleStems {
  const key = keyOf(a);
  let hit = stemCache.get(key);
  if (!hit) {
    hit = { title: new Set(contentStems(a.title)), all: new Set(contentStems(`${a.title} ${a.text}`)) };
    if (stemCache.size >= MAX_CACHED) stemCache.clear();
    stemCache.set(key, hit);
  }
  return hit;
}

/** A leading dateline ("LORRICK, Norland — ") is not part of what an answer sentence says. */
export const stripDateline = (s: string): string => s.replace(/^[\p{Lu}][\p{Lu} .'’-]+(?:,\s*[\p{L} .'’-]+)?\s+[—–-]\s+(?=\p{Lu})/u, '');

function build(a: Article): ArticleEntry {
  const passages: Passage[] = [];
  for (const s of splitSentences(a.text)) {
    const text = stripDateline(s.text.replace(/\s+/g, ' ').trim());
    if (text.length < 12 || isBoilerplate(text)) continue;
    passages.push({ article: a, index: passages.length, text, start: s.start, stems: new Set(contentStems(text)) });
  }
  const body = new Set<string>();
  for (const p of passages) for (const s of p.stems) body.add(s);
  return { passages, body };
}

export function entryOf(a: Article): ArticleEntry {
  const key = keyOf(a);
  const hit = cache.get(key);
  if (hit && hit.passages[0]?.article === a) return hit;
  // The same article version read again as another object: reuse the work, point at the new object.
  const entry = hit ? { ...hit, passages: hit.passages.map((p) => ({ ...p, article: a })) } : build(a);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, entry);
  return entry;
}

/** Sentences of the articles (leading datelines removed, boilerplate skipped). */
export function passagesOf(articles: Article[]): Passage[][] {
  return articles.map((a) => entryOf(a).passages);
}

/** Articles whose passages are ranked for one question (the rest are very unlikely to hold the answer). */
export const PREFILTER_KEEP = 30;

/**
 * The `keep` articles whose stems cover most of the question's weight (a word rarer among the
 * articles weighs more; WordNet related words count half), in their original order. Cheap: one
 * set lookup per question word and article, on cached stems.
 */
export function prefilter(q: Pick<QuestionAnalysis, 'terms'>, articles: Article[], keep = PREFILTER_KEEP): Article[] {
  if (articles.length <= keep || q.terms.length === 0) return articles;
  const sets = articles.map((a) => stemsOf(a).all);
  const n = sets.length;
  const idf = q.terms.map((t) => {
    let df = 0;
    for (const s of sets) if (t.same.some((x) => s.has(x))) df++;
    return Math.log((n + 1) / (df + 0.5));
  });
  const scored = sets.map((s, i) => {
    let score = 0;
    q.terms.forEach((t, k) => {
      if (t.same.some((x) => s.has(x))) score += idf[k]!;
      else if (t.related.some((x) => s.has(x))) score += idf[k]! / 2;
    });
    return { i, score };
  });
  scored.sort((x, y) => y.score - x.score || x.i - y.i);
  const kept = new Set(scored.slice(0, keep).map((x) => x.i));
  return articles.filter((_, i) => kept.has(i));
}
