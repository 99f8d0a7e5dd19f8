// Rewrites a feed's XML into the shapes the strict parser reads, before it parses:
// - RSS elements written with a prefix and no default namespace (`<rss:item>`) lose the prefix;
// - Atom 0.3 text constructs in `mode="base64"` are decoded, `mode="escaped"` is marked as HTML;
// - link URLs are made absolute against xml:base (on the feed, the entry and the link itself)
//   and the document URL, since the parser keeps only some of those bases.
// Each step runs only when its trigger is in the text, so an ordinary feed costs a few searches.
import { DOMParser } from 'linkedom';
import { debugLog } from '../debug-log.ts';

const RSS_NAMESPACES = [
  'http://purl.org/rss/1.0/',
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://my.netscape.com/rdf/simple/0.9/',
];

function unprefixRss(xml: string): string {
  let out = xml;
  for (const m of xml.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    const [, prefix, uri] = m;
    if (!RSS_NAMESPACES.includes(uri!)) continue;
    const re = new RegExp(`<(/?)${prefix!.replace(/[.-]/g, '\\$&')}:`, 'g');
    out = out.replace(re, '<$1');
  }
  // A default namespace for RSS 2.0 is not one the parser knows; RSS 2.0 has none.
  return out.replace(/(<rss\b[^>]*?)\s+xmlns\s*=\s*["']http:\/\/backend\.userland\.com\/rss2?["']/, '$1');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function atom03Modes(xml: string): string {
  return xml.replace(/<([\w:]+)(\s[^>]*?)\bmode\s*=\s*["'](base64|escaped)["']([^>]*)>([\s\S]*?)<\/\1>/g, (_all, name: string, pre: string, mode: string, post: string, body: string) => {
    const attrs = `${pre}${post}`.replace(/\stype\s*=\s*["'][^"']*["']/, '');
    const isHtml = /type\s*=\s*["'][^"']*html/i.test(`${pre}${post}`) || mode === 'escaped';
    const content = mode === 'base64' ? escapeXml(Buffer.from(body.replace(/<!\[CDATA\[|\]\]>/g, '').trim(), 'base64').toString('utf8')) : body;
    return `<${name}${attrs.replace(/\s+$/, '')} type="${isHtml ? 'html' : 'text'}">${content}</${name}>`;
  });
}

function resolveUrl(href: string, base: string | null): string {
  return URL.canParse(href.trim(), base ?? undefined) ? new URL(href.trim(), base ?? undefined).href : href;
}

interface El {
  tagName: string;
  children: ArrayLike<El>;
  textContent: string | null;
  getAttribute(n: string): string | null;
  setAttribute(n: string, v: string): void;
}

function resolveBases(xml: string, docUrl: string | null): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const walk = (el: El, base: string | null) => {
    const own = el.getAttribute('xml:base');
    const here = own ? resolveUrl(own, base) : base;
    const local = el.tagName.replace(/^.*:/, '').toLowerCase();
    if (local === 'link') {
      const href = el.getAttribute('href');
      if (href) el.setAttribute('href', resolveUrl(href, here));
      else if (el.children.length === 0 && el.textContent?.trim()) el.textContent = resolveUrl(el.textContent, here);
    }
    for (let i = 0; i < el.children.length; i++) walk(el.children[i]!, here);
  };
  const root = (doc as unknown as { documentElement: El | null }).documentElement;
  if (!root) return xml;
  walk(root, docUrl);
  const decl = /^\s*<\?xml[^>]*\?>/.exec(xml)?.[0] ?? '';
  return decl + String(doc.toString()).replace(/^\s*<\?xml[^>]*\?>/, '');
}

/** Returns the text to hand to the strict parser (unchanged when no step applies). */
export function prepareFeedXml(xml: string, docUrl: string | null): string {
  let out = xml;
  if (/xmlns:[\w.-]+\s*=\s*["']http:\/\/(purl\.org\/rss|backend\.userland|blogs\.law|my\.netscape)/.test(out) || /<rss\b[^>]*xmlns\s*=/.test(out)) out = unprefixRss(out);
  if (/\bmode\s*=\s*["'](base64|escaped)["']/.test(out)) out = atom03Modes(out);
  if (/xml:base\s*=/.test(out)) {
    try {
      out = resolveBases(out, docUrl);
    } catch (err) {
      // Leave the text as it was: the parser still resolves against the bases it reads.
      debugLog('xml:base not resolved: %s', err);
    }
  }
  return out;
}
