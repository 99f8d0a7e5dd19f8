// Formats parsed search terms (src/store/search-terms.ts) as a to_tsquery expression.
import type { SearchTerms } from '../../store/search-terms.ts';

/**
 * to_tsquery('english', …) text: every word single-quoted as a prefix of its stem ('ukraine':* becomes
 * 'ukrain':* after English stemming), phrases joined with <->, everything ORed. Only letters and
 * digits reach this point, so nothing in user text can act as tsquery syntax.
 * Returns null when nothing searchable is left.
 */
export function toTsQuery(t: SearchTerms): string | null {
  const parts = [
    ...t.phrases.map((p) => `(${p.map((w) => `'${w}'`).join(' <-> ')})`),
    ...t.words.map((w) => (w.length >= 3 ? `'${w}':*` : `'${w}'`)),
  ];
  return parts.length > 0 ? parts.join(' | ') : null;
}
