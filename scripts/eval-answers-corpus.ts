// Loads the answer-evaluation corpus (eval/answers/corpus plus the fictional sample in examples/)
// into a store, with its quotes indexed as the process-article job would, and reads the question set.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article, Digest } from '../src/domain/types.ts';
import { parseTextArticle } from '../src/ingest/text-file.ts';
import { extractQuotes, speakersOf } from '../src/nlp/quotes.ts';
import type { Store } from '../src/store/ports.ts';

/** The moment the questions are asked: a day after the newest corpus article. */
export const EVAL_NOW = new Date('2026-11-29T12:00:00Z');

/** Digest scopes: the articles a digest on each event would hold. */
export const EVENTS: Record<string, string[]> = {
  strike: ['a01', 'a02', 'a03'],
  finance: ['a04', 'a05'],
  landslide: ['a06', 'a07'],
  bank: ['a08'],
  grebes: ['a09'],
  rovers: ['a10'],
  hospital: ['a11'],
  film: ['a12'],
  ferry: ['a13'],
};

export const Question = z.object({
  id: z.string(),
  split: z.enum(['dev', 'test']),
  kind: z.string(),
  /** "window" (the default 7 days), "since:<N>d", or "digest:<event>". */
  scope: z.string(),
  question: z.string(),
  /** Regular expressions the answer must all match; empty when the sources do not answer. */
  expect: z.array(z.string()),
  /** Article ids a right answer may cite. */
  cite: z.array(z.string()),
});
export type Question = z.infer<typeof Question>;

function readFolder(dir: string, idOf: (file: string) => string): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const doc = parseTextArticle(readFileSync(join(dir, f), 'utf8'), `file://${join(dir, f)}`, false);
      const at = doc.publishedAt ?? EVAL_NOW;
      return {
        id: idOf(f),
        url: doc.sourceUrl ?? doc.url,
        guid: null,
        sourceId: null,
        outlet: doc.outlet ?? 'unknown',
        title: doc.title,
        byline: doc.byline,
        publishedAt: at,
        fetchedAt: at,
        text: doc.text,
        contentHash: createHash('sha256').update(doc.title + doc.text).digest('hex'),
      };
    });
}

export function loadCorpus(root: string): Article[] {
  return [
    ...readFolder(join(root, 'eval/answers/corpus'), (f) => f.split('-')[0]!),
    ...readFolder(join(root, 'examples/articles'), (f) => `ex${f.split('-')[0]}`),
  ];
}

export async function seedCorpus(store: Store, articles: Article[]): Promise<void> {
  for (const a of articles) {
    await store.articles.save(a);
    const quotes = extractQuotes(a.text, { title: a.title });
    await store.quotes.replaceForArticle(a.id, quotes, speakersOf(quotes, a.text));
  }
}

export function loadQuestions(path: string): Question[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = Question.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${path}:${i + 1}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}

/** A digest holding the given articles, as a thread under it would see it. */
export function digestOf(articles: Article[], event: string): Digest {
  return {
    id: `eval-${event}`,
    topic: event,
    since: new Date(EVAL_NOW.getTime() - 30 * 86_400_000),
    until: EVAL_NOW,
    stories: [{ key: event, headline: articles[0]?.title ?? event, summary: '', quotes: [], articles, score: 1 }],
    articleCount: articles.length,
    overview: null,
    createdAt: EVAL_NOW,
  };
}
