// Lenient recovery for feeds the strict parser rejects. htmlparser2 (through linkedom's XML mode)
// reads almost anything: unescaped "&", unclosed tags, a body cut off mid-item. Re-serialising its
// tree gives well-formed XML that the feed parser accepts, so a broken feed still yields what it holds.
import { DOMParser } from 'linkedom';
import { debugLog } from '../debug-log.ts';

/** Returns well-formed XML rebuilt from a broken document, or null when nothing feed-like is in it. */
export function recoverXml(text: string): string | null {
  const start = text.search(/<(\?xml|rss|feed|rdf:RDF)\b/i);
  if (start < 0) return null;
  try {
    const doc = new DOMParser().parseFromString(text.slice(start), 'text/xml');
    const xml = String(doc.toString());
    return /<(rss|feed|rdf:RDF)\b/i.test(xml) ? xml : null;
  } catch (err) {
    debugLog('lenient XML recovery failed: %s', err);
    return null;
  }
}

/** An XML feed root with no items at all (the strict parser refuses some of these). */
export function emptyFeedTitle(text: string): string | null {
  if (!/<(rss|feed|rdf:RDF)\b/i.test(text) || /<(item|entry)\b/i.test(text)) return null;
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  return (m?.[1] ?? '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
}
