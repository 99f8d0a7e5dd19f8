// Storing one article once. Keys (DESIGN "Dedup"): canonical URL, feed GUID, content hash.
// - no stored article shares a key            -> insert, 'new'
// - one does and its content hash is the same -> 'duplicate' (a re-dated or re-posted item)
// - same URL/GUID but different content       -> replace that row keeping its id, 'updated'
//   (an edited article) — unless the new copy comes from another source and is shorter, which is
//   a thinner copy of the same article (a summary-only feed), kept as 'duplicate'.
// Full text (candidate.feedHash set): a feed item whose feed version is the one already stored is
// a duplicate even when the stored text is its page; an edited thin item over a stored page keeps
// the page text and is marked pending again (`refetch`: its page is to be fetched once more).
import type { Article } from '../domain/types.ts';
import type { Store } from '../store/ports.ts';
import { articleId } from './content-hash.ts';

export type SaveStatus = 'new' | 'updated' | 'duplicate';

export type Saved = { status: SaveStatus; article: Article; refetch?: boolean };

function decide(existing: Article | null, candidate: Article): Saved {
  if (!existing) return { status: 'new', article: { ...candidate, id: articleId(candidate.guid ?? candidate.url) } };
  if (existing.contentHash === candidate.contentHash) return { status: 'duplicate', article: existing };
  if (candidate.feedHash && existing.feedHash === candidate.feedHash) return { status: 'duplicate', article: existing };
  const thinnerCopy = existing.sourceId !== candidate.sourceId && candidate.text.length < existing.text.length;
  if (thinnerCopy) return { status: 'duplicate', article: existing };
  if (candidate.textSource === 'pending' && existing.textSource === 'page') {
    return { status: 'duplicate', article: { ...existing, feedHash: candidate.feedHash ?? null, textSource: 'pending', textNote: null }, refetch: true };
  }
  return { status: 'updated', article: { ...candidate, id: existing.id } };
}

/** `candidate.id` is ignored: a new article gets an id from its GUID or URL, an update keeps the old id. */
export async function saveDeduped(store: Store, candidate: Article): Promise<Saved> {
  return (await saveDedupedMany(store, [candidate]))[0]!;
}

/**
 * saveDeduped for a whole feed at once: each candidate is compared with the store and with the
 * candidates before it, then every new, updated or re-fetched article is written in one
 * transaction (saveMany). Results are in input order.
 */
export async function saveDedupedMany(store: Store, candidates: Article[]): Promise<Saved[]> {
  const seen = new Map<string, Article>();
  const keysOf = (a: Article) => [`u:${a.url}`, `h:${a.contentHash}`, ...(a.guid ? [`g:${a.guid}`] : [])];
  const out: Saved[] = [];
  for (const candidate of candidates) {
    const inBatch = keysOf(candidate).map((k) => seen.get(k)).find(Boolean) ?? null;
    // A page's canonical URL may have replaced the feed link as url; the link is then its guid.
    const existing = inBatch ?? (await store.articles.findExisting({ url: candidate.url, guid: candidate.guid ?? candidate.url, contentHash: candidate.contentHash }));
    const saved = decide(existing, candidate);
    if (saved.status !== 'duplicate') for (const k of keysOf(saved.article)) seen.set(k, saved.article);
    out.push(saved);
  }
  await store.articles.saveMany(out.filter((s) => s.status !== 'duplicate' || s.refetch).map((s) => s.article));
  return out;
}
