// Storing one article once. Keys (DESIGN "Dedup"): canonical URL, feed GUID, content hash.
// - no stored article shares a key            -> insert, 'new'
// - one does and its content hash is the same -> 'duplicate' (a re-dated or re-posted item)
// - same URL/GUID but different content       -> replace that row keeping its id, 'updated'
//   (an edited article) — unless the new copy comes from another source and is shorter, which is
//   a thinner copy of the same article (a summary-only feed), kept as 'duplicate'.
import type { Article } from '../domain/types.ts';
import type { Store } from '../store/ports.ts';
import { articleId } from './content-hash.ts';

export type SaveStatus = 'new' | 'updated' | 'duplicate';

export type Saved = { status: SaveStatus; article: Article };

function decide(existing: Article | null, candidate: Article): Saved {
  if (!existing) return { status: 'new', article: { ...candidate, id: articleId(candidate.guid ?? candidate.url) } };
  if (existing.contentHash === candidate.contentHash) return { status: 'duplicate', article: existing };
  const thinnerCopy = existing.sourceId !== candidate.sourceId && candidate.text.length < existing.text.length;
  if (thinnerCopy) return { status: 'duplicate', article: existing };
  return { status: 'updated', article: { ...candidate, id: existing.id } };
}

/** `candidate.id` is ignored: a new article gets an id from its GUID or URL, an update keeps the old id. */
export async function saveDeduped(store: Store, candidate: Article): Promise<Saved> {
  return (await saveDedupedMany(store, [candidate]))[0]!;
}

/**
 * saveDeduped for a whole feed at once: each candidate is compared with the store and with the
 * candidates before it, then every new or updated article is written in one transaction (saveMany).
 * Results are in input order.
 */
export async function saveDedupedMany(store: Store, candidates: Article[]): Promise<Saved[]> {
  const seen = new Map<string, Article>();
  const keysOf = (a: Article) => [`u:${a.url}`, `h:${a.contentHash}`, ...(a.guid ? [`g:${a.guid}`] : [])];
  const out: Saved[] = [];
  for (const candidate of candidates) {
    const inBatch = keysOf(candidate).map((k) => seen.get(k)).find(Boolean) ?? null;
    const existing = inBatch ?? (await store.articles.findExisting({ url: candidate.url, guid: candidate.guid, contentHash: candidate.contentHash }));
    const saved = decide(existing, candidate);
    if (saved.status !== 'duplicate') for (const k of keysOf(saved.article)) seen.set(k, saved.article);
    out.push(saved);
  }
  await store.articles.saveMany(out.filter((s) => s.status !== 'duplicate').map((s) => s.article));
  return out;
}
