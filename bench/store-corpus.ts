// The corpus of the store benchmark profiles: a bot that stores the same number of articles every
// day, so a larger N means a longer history, not a busier day. The 24 h and 7 d windows then hold the
// same articles at every N, and a query whose cost follows what it returns costs the same.
// Quotes come from the synthetic text's own “…,” said <Role> <Name>. sentences.
import type { Article, Quote, Speaker } from '../src/domain/types.ts';
import { generateArticles } from './synthetic.ts';

/** Articles stored per day at every profile: 100,000 over the corpus's default 30 days. */
export const ARTICLES_PER_DAY = 3_334;

export const spanDaysFor = (n: number): number => Math.max(1, n / ARTICLES_PER_DAY);

/** Chronological batches of the corpus of size n (articles dated over spanDaysFor(n) days). */
export function* corpusBatches(n: number, size: number): Generator<Article[]> {
  let batch: Article[] = [];
  for (const a of generateArticles(n, 1, { order: 'chronological', spanDays: spanDaysFor(n) })) {
    batch.push(a);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const SAID = /“([^”]{8,300}),” said [^“”.]*?([A-Z][a-z]+) ([A-Z][a-z'-]+)\./g;

/** The article's direct quotes with a named speaker, and those speakers (alias: the surname). */
export function quotesOf(a: Article): { quotes: Quote[]; speakers: Speaker[] } {
  const quotes: Quote[] = [];
  const speakers = new Map<string, Speaker>();
  for (const m of a.text.matchAll(SAID)) {
    const name = `${m[2]} ${m[3]}`;
    const start = m.index + 1;
    quotes.push({ text: m[1]!, speaker: name, speakerRole: null, cue: 'said', kind: 'direct', start, end: start + m[1]!.length, confidence: 0.9 });
    speakers.set(name, { key: name.toLowerCase(), name, aliases: [m[3]!], role: null });
  }
  return { quotes, speakers: [...speakers.values()] };
}
