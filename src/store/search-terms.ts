// Turns user text into search terms that are safe for any full-text syntax (shared by the store
// adapters, which each format them for their engine): only runs of letters
// and digits survive, so FTS operators (quotes, parentheses, NEAR, *, -, ^, :, AND/OR/NOT) in user
// input become plain words or vanish. A "quoted phrase" stays one phrase.
import { STOPWORDS } from '../nlp/stopwords.ts';

export interface SearchTerms {
  /** Lower-cased single words, matched as stem prefixes ("ukraine" -> ukrain*). */
  words: string[];
  /** Lower-cased word sequences that must appear together, in order. */
  phrases: string[][];
}

/** Caps the work one query can ask for. */
const MAX_TERMS = 24;

// Words longer than this are cut: nothing real is that long, and engines reject huge terms.
const MAX_WORD = 64;
const wordsOf = (s: string): string[] =>
  (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_WORD));

export function parseSearchText(input: string): SearchTerms {
  const text = String(input ?? '').normalize('NFKC').slice(0, 2000);
  const phrases: string[][] = [];
  const loose: string[] = [];
  // Straight and curly double quotes delimit phrases; an unbalanced quote just ends the text.
  const parts = text.split(/["\u201c\u201d]/);
  parts.forEach((part, i) => {
    const ws = wordsOf(part);
    if (i % 2 === 1 && ws.length > 1) phrases.push(ws);
    else loose.push(...ws);
  });
  let words = [...new Set(loose)].filter((w) => w.length > 1 || /\p{N}/u.test(w));
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  if (meaningful.length > 0 || phrases.length > 0) words = meaningful;
  return { words: words.slice(0, MAX_TERMS), phrases: phrases.slice(0, MAX_TERMS) };
}
