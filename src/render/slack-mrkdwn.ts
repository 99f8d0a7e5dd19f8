// Slack mrkdwn primitives. All article text is untrusted: escaping `&`, `<` and `>` means the only
// `<...>` control sequences in our output are the links we build here, so article text can never
// form `<!channel>`, `<!here>`, `<@U123>` or `<#C123>`.
import type { Inline } from './document.ts';

/** Escapes the three characters Slack treats as control characters (mrkdwn and plain_text alike). */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A URL safe to put inside `<url|title>`: only http(s), parsed, with the characters that would end
 * or split the link (`|`, `<`, `>`, whitespace) percent-encoded and `&` escaped. Null for anything
 * else (a "url" like `!channel` or `javascript:` must never become a control sequence).
 */
export function slackUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return null;
  const encoded = url.replace(/[|<>\s"]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return encoded.replace(/&/g, '&amp;');
}

/** Link text: escaped (so `>` cannot close the link) and on one line. */
function linkLabel(s: string): string {
  return escapeSlack(s.replace(/\s+/g, ' ').trim()) || 'link';
}

/** A link as `<url|title>`; an unusable URL degrades to the escaped title followed by the escaped URL. */
export function slackLink(title: string, url: string): string {
  const u = slackUrl(url);
  if (!u) return `${escapeSlack(title)} (${escapeSlack(url.slice(0, MAX_URL))})`;
  // Bounded so one link always fits in a section (3000) and is never split.
  if (u.length > MAX_URL) return escapeSlack(title);
  const label = title.length > MAX_LABEL ? title.slice(0, MAX_LABEL - 1).trimEnd() + '…' : title;
  return `<${u}|${linkLabel(label)}>`;
}

const MAX_URL = 2000;
const MAX_LABEL = 150;

/**
 * Wraps text in a mrkdwn marker (`*` bold, `_` italic). Whitespace stays outside the markers,
 * because Slack does not render `*word *`.
 */
export function wrap(marker: string, escaped: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped);
  if (!m || !m[2]) return escaped;
  return `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}

/**
 * One inline as a list of atomic mrkdwn pieces: a link is one piece (never split), text is split
 * into sentences so a long paragraph can be broken at sentence boundaries.
 */
export function inlinePieces(i: Inline): string[] {
  switch (i.t) {
    case 'link':
      return [slackLink(i.text, i.url)];
    case 'text':
      return sentences(i.text).map(escapeSlack);
    case 'bold':
      return sentences(i.text).map((s) => wrap('*', escapeSlack(s)));
    case 'italic':
      return sentences(i.text).map((s) => wrap('_', escapeSlack(s)));
  }
}

/** Splits text after sentence ends, keeping the whitespace with the preceding sentence. */
export function sentences(s: string): string[] {
  const parts = s.match(/[^.!?…\n]*(?:[.!?…]+["'”’)\]]*|\n+|$)\s*/g) ?? [s];
  return parts.filter((p) => p.length > 0);
}

export function inlinesMrkdwn(inlines: Inline[]): string[] {
  return inlines.flatMap(inlinePieces);
}

/** Plain (unformatted) text of inlines, escaped, for the notification fallback. */
export function inlinesPlain(inlines: Inline[]): string {
  return escapeSlack(inlines.map((i) => i.text).join(''));
}
