// Formats parsed search terms (src/store/search-terms.ts) as a FTS5 MATCH expression.
import type { SearchTerms } from '../../store/search-terms.ts';

/**
 * FTS5 MATCH expression: every term double-quoted (so it is a string, never an operator), words as
 * prefixes of their Porter stem (the porter tokenizer stems the quoted prefix), all ORed.
 * Returns null when nothing searchable is left.
 */
export function toFts5Query(t: SearchTerms): string | null {
  const parts = [
    ...t.phrases.map((p) => `"${p.join(' ')}"`),
    // Prefix only from 3 letters on: "eu*" or "un*" would match far too much.
    ...t.words.map((w) => (w.length >= 3 ? `"${w}"*` : `"${w}"`)),
  ];
  return parts.length > 0 ? parts.join(' OR ') : null;
}
