// Content identity of an article: sha256 hex over the normalised title and text. Normalising
// (Unicode NFKC, lower case, typographic quotes and dashes folded, whitespace collapsed) makes a
// feed that only re-dates or re-wraps an item hash the same; any change of words changes it.
import { createHash } from 'node:crypto';

export function normaliseForHash(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

export function contentHash(title: string, text: string): string {
  return createHash('sha256').update(`${normaliseForHash(title)}\n${normaliseForHash(text)}`).digest('hex');
}

/** Stable article id: 16 hex chars of sha1 over the dedup key (GUID or canonical URL). */
export function articleId(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}
