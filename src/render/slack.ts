// Doc -> Slack Block Kit messages within Slack's limits: 50 blocks per message, 3000 characters per
// section text (and per context element), 150 per header, 10 elements per context. Messages split
// only between blocks; a single over-long block is split at sentence (then word) boundaries and a
// link is never cut. Every piece of text is escaped (see slack-mrkdwn.ts), including the plain
// `text` fallback each message carries for notifications and clients that cannot show blocks.
import type { Block, Doc } from './document.ts';
import { escapeSlack, inlinesMrkdwn, sentences, slackLink, wrap } from './slack-mrkdwn.ts';

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: boolean } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' };

export interface SlackMessage {
  /** Notification / fallback text (escaped mrkdwn, links reduced to their labels). */
  text: string;
  blocks: SlackBlock[];
}

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  /** Not a documented hard limit: keeps each message readable and well under Slack's payload caps. */
  messageChars: 12_000,
  fallbackText: 3000,
} as const;

/** A rendered block plus whether it should stay in the same message as the block after it. */
interface Unit {
  block: SlackBlock;
  chars: number;
  keepWithNext: boolean;
}

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/**
 * Packs atomic pieces into chunks of at most `limit` characters. A piece longer than the limit
 * (a very long sentence) is split at word boundaries, and a word longer than that is cut outside
 * any `&amp;`-style entity. Links arrive as single pieces no longer than the limit.
 */
export function pack(pieces: string[], limit: number): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.trim();
    if (t) out.push(t);
    cur = '';
  };
  for (const piece of pieces) {
    if (cur.length + piece.length <= limit) {
      cur += piece;
      continue;
    }
    flush();
    if (piece.length <= limit) {
      cur = piece;
      continue;
    }
    for (const word of piece.split(/(?<=\s)/)) {
      if (cur.length + word.length <= limit) {
        cur += word;
        continue;
      }
      flush();
      let w = word;
      while (w.length > limit) {
        let cut = limit;
        const amp = w.lastIndexOf('&', cut);
        if (amp > cut - 6 && amp > 0) cut = amp; // never cut inside &amp; / &lt; / &gt;
        out.push(w.slice(0, cut));
        w = w.slice(cut);
      }
      cur = w;
    }
  }
  flush();
  return out;
}

function sections(pieces: string[], keepWithNext = false): Unit[] {
  return pack(pieces, SLACK_LIMITS.sectionText).map((t) => ({ block: section(t), chars: t.length, keepWithNext }));
}

function heading(text: string, url: string | undefined, level: 'title' | 'story'): Unit[] {
  const plain = escapeSlack(text.replace(/\s+/g, ' ').trim());
  if (!url && level === 'title' && plain.length <= SLACK_LIMITS.headerText && plain) {
    return [{ block: { type: 'header', text: { type: 'plain_text', text: plain, emoji: true } }, chars: plain.length, keepWithNext: true }];
  }
  const body = url ? `*${slackLink(text, url)}*` : wrap('*', plain);
  return sections([body], true);
}

function quote(b: Extract<Block, { type: 'quote' }>): Unit[] {
  const body = ['“', ...sentences(b.text.replace(/\s+/g, ' ').trim()).map(escapeSlack), '”'];
  const chunks = pack(body, SLACK_LIMITS.sectionText - 1).map((c) => '>' + c);
  const who = [b.speaker ? wrap('*', escapeSlack(b.speaker)) : '', b.attribution?.length ? inlinesMrkdwn(b.attribution).join('') : '']
    .filter(Boolean)
    .join(', ');
  if (who) {
    const line = `\n>— ${who}`;
    const last = chunks.length - 1;
    if (last >= 0 && chunks[last]!.length + line.length <= SLACK_LIMITS.sectionText) chunks[last] += line;
    else chunks.push(...pack(['>— ', who], SLACK_LIMITS.sectionText));
  }
  return chunks.map((t) => ({ block: section(t), chars: t.length, keepWithNext: false }));
}

function context(pieces: string[]): Unit[] {
  const elements = pack(pieces, SLACK_LIMITS.sectionText).map((t) => ({ type: 'mrkdwn' as const, text: t }));
  const units: Unit[] = [];
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.contextElements) {
    const els = elements.slice(i, i + SLACK_LIMITS.contextElements);
    units.push({ block: { type: 'context', elements: els }, chars: els.reduce((n, e) => n + e.text.length, 0), keepWithNext: false });
  }
  return units;
}

function blockUnits(b: Block): Unit[] {
  switch (b.type) {
    case 'heading':
      return heading(b.text, b.url, 'story');
    case 'paragraph':
      return sections(inlinesMrkdwn(b.inlines));
    case 'quote':
      return quote(b);
    case 'list':
      return sections(b.items.flatMap((it, k) => [k ? '\n• ' : '• ', ...inlinesMrkdwn(it)]));
    case 'context':
      return context(inlinesMrkdwn(b.inlines));
    case 'divider':
      return [{ block: { type: 'divider' }, chars: 0, keepWithNext: false }];
  }
}

function blockText(b: SlackBlock): string {
  switch (b.type) {
    case 'header':
    case 'section':
      return b.text.text;
    case 'context':
      return b.elements.map((e) => e.text).join(' ');
    case 'divider':
      return '';
  }
}

/** Fallback text: the message's text with links reduced to labels, cut at a word boundary. */
function fallback(prefix: string, blocks: SlackBlock[]): string {
  const body = blocks
    .map(blockText)
    .filter(Boolean)
    .join('\n')
    .replace(/<[^|<>]*\|([^<>]*)>/g, '$1');
  let t = [prefix, body].filter(Boolean).join('\n');
  if (t.length > SLACK_LIMITS.fallbackText) {
    const cut = t.lastIndexOf(' ', SLACK_LIMITS.fallbackText - 1);
    t = t.slice(0, cut > 0 ? cut : SLACK_LIMITS.fallbackText - 1) + '…';
  }
  return t;
}

/** Renders a Doc as one or more Slack messages, in posting order. Never returns an empty list. */
export function renderSlack(doc: Doc): SlackMessage[] {
  const units = [...heading(doc.title, doc.url, 'title'), ...doc.blocks.flatMap(blockUnits)];
  const groups: Unit[][] = [];
  let cur: Unit[] = [];
  let chars = 0;
  for (const u of units) {
    if (cur.length && (cur.length + 1 > SLACK_LIMITS.blocksPerMessage || chars + u.chars > SLACK_LIMITS.messageChars)) {
      // Carry trailing headings over so a story's heading stays with its body.
      let keep = cur.length;
      while (keep > 0 && cur[keep - 1]!.keepWithNext) keep--;
      if (keep === 0) keep = cur.length;
      groups.push(cur.slice(0, keep));
      cur = cur.slice(keep);
      chars = cur.reduce((n, x) => n + x.chars, 0);
    }
    cur.push(u);
    chars += u.chars;
  }
  if (cur.length) groups.push(cur);
  const title = escapeSlack(doc.title.replace(/\s+/g, ' ').trim());
  return groups.map((g, i) => {
    const blocks = g.map((u) => u.block);
    const prefix = i === 0 ? '' : `${title} (${i + 1}/${groups.length})`;
    return { text: fallback(prefix, blocks) || title || 'newsbot', blocks };
  });
}
