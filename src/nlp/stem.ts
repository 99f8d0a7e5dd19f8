// Tokenising and Porter stemming shared by ROUGE, the summariser, clustering and answers.
// Tokens are lowercased runs of [a-z0-9]; tokens longer than 3 characters are stemmed, as the
// ROUGE scoring in DESIGN.md section 3 specifies. Stems are memoised (bounded) because news text
// repeats the same words constantly and stemming dominates the summariser's cost.
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.ts';

const MAX_CACHE = 200_000;
const cache = new Map<string, string>();

/** Porter stem of one lowercased token; tokens of 3 characters or fewer are returned as they are. */
export function stem(token: string): string {
  if (token.length <= 3) return token;
  let s = cache.get(token);
  if (s === undefined) {
    s = stemmer(token);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(token, s);
  }
  return s;
}

const WORD = /[a-z0-9]+/g;

/** Lowercased alphanumeric tokens of `text`, unstemmed. Non-ASCII letters act as separators. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Lowercased, split on non-alphanumerics, Porter-stemmed tokens (ROUGE tokenisation). */
export function stemTokens(text: string): string[] {
  const w = words(text);
  for (let i = 0; i < w.length; i++) w[i] = stem(w[i]!);
  return w;
}

/** Stems of the content words of `text` (stopwords and 1-character tokens removed), in order. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}
