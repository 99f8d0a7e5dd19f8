// Bounds on one topic search, shared by the store adapters so both stop at the same point.
// A query that matches a large share of the corpus ("the", "news") must cost a bounded amount,
// never a multi-second scan that blocks other users: the adapters rank at most SEARCH_MATCH_CAP
// of the newest matches per time bucket (week on SQLite, the whole window on PostgreSQL) and stop
// reading further buckets once SEARCH_BUDGET_MS has passed. Either bound marks the result `partial`.

/** Most candidate matches ranked per bucket (the newest ones). */
export const SEARCH_MATCH_CAP = 4000;
/** Time after which no further bucket is read (ms); the bucket being read always finishes. */
export const SEARCH_BUDGET_MS = 250;

/** A short, user-facing sentence for a partial result, or null when the result is complete. */
export function partialNote(p: { reason: 'time' | 'cap'; searchedFrom: Date } | undefined): string | null {
  if (!p) return null;
  const from = p.searchedFrom.toISOString().slice(0, 16).replace('T', ' ');
  return p.reason === 'cap'
    ? `That topic matches a very large share of the articles: only the newest ${SEARCH_MATCH_CAP.toLocaleString('en-US')} matches per week were ranked. Try a more specific topic.`
    : `That search took too long and covers articles from ${from} UTC on. Try a more specific topic or a shorter window.`;
}
