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

/** `candidate.id` is ignored: a new article gets an id from its GUID or URL, an update keeps the old id. */
export async function saveDeduped(store: Store, candidate: Article): Promise<{ status: SaveStatus; article: Article }> {
  const existing = await store.articles.findExisting({ url: candidate.url, guid: candidate.guid, contentHash: candidate.contentHash });
  if (!existing) {
    const article = { ...candidate, id: articleId(candidate.guid ?? candidate.url) };
    await store.articles.save(article);
    return { status: 'new', article };
  }
  if (existing.contentHash === candidate.contentHash) return { status: 'duplicate', article: existing };
  const thinnerCopy = existing.sourceId !== candidate.sourceId && candidate.text.length < existing.text.length;
  if (thinnerCopy) return { status: 'duplicate', article: existing };
  const article = { ...candidate, id: existing.id };
  await store.articles.save(article);
  return { status: 'updated', article };
}
