// Thin feed items: ones that carry a teaser rather than the article. An item is thin when it has
// no full content (RSS content:encoded, Atom content, JSON Feed content_html/content_text) and its
// text is shorter than THIN_CHARS, or when its text ends in "…", "Read more" or "Continue
// reading" (a cut teaser, whatever its length or element).
import type { FullTextMode } from '../domain/types.ts';

/** Below this many characters of text, an item without full content is a teaser. */
export const THIN_CHARS = 600;

const CUT_ENDING = /(\u2026|\.\.\.|\[(\u2026|\.\.\.)\]|\b(read|see) (the )?(more|full (story|article))|\bcontinue reading\b.{0,80}|\bmore\s*(»|›|→|>>))\W*$/i;

export function endsCut(text: string): boolean {
  return CUT_ENDING.test(text.trim());
}

export function isThin(item: { text: string; hasFullContent: boolean }, thinChars = THIN_CHARS): boolean {
  if (endsCut(item.text)) return true;
  return !item.hasFullContent && item.text.trim().length < thinChars;
}

/** Whether this item's page is to be fetched under the source's full-text mode. */
export function wantsPage(mode: FullTextMode, item: { text: string; hasFullContent: boolean; link: string | null }, thinChars = THIN_CHARS): boolean {
  if (mode === 'never' || !item.link || !/^https?:\/\//i.test(item.link)) return false;
  return mode === 'always' || isThin(item, thinChars);
}
