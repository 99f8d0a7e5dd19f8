// Doc -> Discord message payloads (embeds), within Discord's limits. Plain JSON shapes: the
// core never imports discord.js; the Discord adapter sends these as they are.
//
// Contract:
// - Every payload carries `allowed_mentions: { parse: [] }`, and article text is escaped, so
//   text can neither ping anyone ("@everyone", "<@123>") nor break formatting or form masked links.
// - A heading starts a new embed (title = heading, linked). Messages are split only between
//   blocks; a single block longer than the room left is split at sentence, then word,
//   boundaries, never inside a link. Quote pieces each keep their "> " marker.
// - Limits (UTF-16 length, which is never below Discord's count): 10 embeds and 6000 characters
//   of embed text per message, 4096 per description, 256 per title. No fields and no content
//   are used, so their limits (25 fields, 1024 per value, 2000 content) cannot be exceeded.
import type { Block, Doc, Inline } from './document.ts';

export const DISCORD_LIMITS = {
  embedsPerMessage: 10,
  charsPerMessage: 6000,
  description: 4096,
  title: 256,
  fields: 25,
  fieldValue: 1024,
  content: 2000,
} as const;

export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
}

export interface DiscordMessagePayload {
  content?: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
}

const COLOR = 0x3b6ea5;

/** Escapes Discord markdown and neutralises mentions in untrusted text. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\*_~`|>[\]()#<:-]/g, '\\$&')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** A URL safe inside `(...)` of a masked link, or null when it is not http(s). */
export function safeUrl(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return u.href.replace(/[()<> ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Atoms of a rendered block: text atoms may be split at sentences/words, links never. */
type Atom = { md: string; link: boolean };

function inlineAtoms(inlines: Inline[]): Atom[] {
  const out: Atom[] = [];
  for (const i of inlines) {
    const t = escapeMarkdown(oneLine(i.text));
    if (!t && i.t !== 'link') continue;
    if (i.t === 'text') out.push({ md: escapeMarkdown(i.text.replace(/[ \t]+/g, ' ')), link: false });
    else if (i.t === 'bold') out.push({ md: `**${t}**`, link: false });
    else if (i.t === 'italic') out.push({ md: `*${t}*`, link: false });
    else {
      const url = safeUrl(i.url);
      out.push(url ? { md: `[${t || escapeMarkdown(url)}](${url})`, link: true } : { md: t, link: false });
    }
  }
  return out;
}

type Unit = { kind: 'heading'; title: string; url?: string } | { kind: 'break' } | { kind: 'text'; atoms: Atom[]; prefix: string };

function blockUnits(b: Block): Unit[] {
  switch (b.type) {
    case 'heading': {
      const url = b.url ? safeUrl(b.url) : null;
      return [{ kind: 'heading', title: oneLine(b.text), ...(url ? { url } : {}) }];
    }
    case 'paragraph':
      return [{ kind: 'text', atoms: inlineAtoms(b.inlines), prefix: '' }];
    case 'quote': {
      const atoms: Atom[] = [{ md: `“${escapeMarkdown(oneLine(b.text))}”`, link: false }];
      if (b.speaker) atoms.push({ md: ` — **${escapeMarkdown(oneLine(b.speaker))}**`, link: false });
      if (b.attribution?.length) atoms.push({ md: ' (', link: false }, ...inlineAtoms(b.attribution), { md: ')', link: false });
      return [{ kind: 'text', atoms, prefix: '> ' }];
    }
    case 'list':
      return b.items.map((it) => ({ kind: 'text', atoms: inlineAtoms(it), prefix: '• ' }));
    case 'context':
      return [{ kind: 'text', atoms: inlineAtoms(b.inlines), prefix: '-# ' }];
    case 'divider':
      return [{ kind: 'break' }];
  }
}

/** Splits text atoms into sentence (then word) tokens; links stay whole. */
function tokens(atoms: Atom[], by: 'sentence' | 'word'): string[] {
  const re = by === 'sentence' ? /[^.!?…]*[.!?…]+["”’)]*\s*|[^.!?…]+$/g : /\S+\s*|\s+/g;
  const out: string[] = [];
  for (const a of atoms) {
    if (a.link) out.push(a.md);
    else out.push(...(a.md.match(re) ?? [a.md]));
  }
  return out;
}

/** Cuts text into pieces of at most `max` characters, each starting with `prefix`. */
function splitLong(atoms: Atom[], prefix: string, max: number): string[] {
  const room = max - prefix.length;
  const pieces: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur.trim()) pieces.push(prefix + cur.trim());
    cur = '';
  };
  const add = (tok: string, level: 'sentence' | 'word') => {
    if (cur.length + tok.length <= room) return void (cur += tok);
    flush();
    if (tok.length <= room) return void (cur = tok);
    if (level === 'sentence') return tokens([{ md: tok, link: false }], 'word').forEach((w) => add(w, 'word'));
    // A single word (or link) longer than the room: cut it, never between "\" and its char.
    for (let i = 0; i < tok.length; ) {
      let end = Math.min(i + room, tok.length);
      if (tok[end - 1] === '\\' && end < tok.length) end--;
      pieces.push(prefix + tok.slice(i, end));
      i = end;
    }
  };
  for (const t of tokens(atoms, 'sentence')) add(t, 'sentence');
  flush();
  return pieces;
}

const embedSize = (e: DiscordEmbed) => (e.title?.length ?? 0) + (e.description?.length ?? 0);

export function renderDiscord(doc: Doc): DiscordMessagePayload[] {
  const messages: DiscordEmbed[][] = [[]];
  let embed: DiscordEmbed | null = null;
  const msg = () => messages.at(-1)!;
  const used = () => msg().reduce((n, e) => n + embedSize(e), 0);

  // `need`: description characters the caller is about to add, so the embed lands in a message
  // that has room for them.
  const newEmbed = (title?: string, url?: string, need = 0) => {
    embed = { color: COLOR };
    if (title) {
      const t = escapeTitle(title);
      embed.title = t;
      if (url) embed.url = url;
    }
    if (msg().length >= DISCORD_LIMITS.embedsPerMessage || used() + embedSize(embed) + need > DISCORD_LIMITS.charsPerMessage) {
      messages.push([]);
    }
    msg().push(embed);
    return embed;
  };
  // Room for more description in the current embed, within both the embed and message limits.
  const room = (e: DiscordEmbed) => {
    const sep = e.description ? 1 : 0;
    return Math.min(DISCORD_LIMITS.description - (e.description?.length ?? 0), DISCORD_LIMITS.charsPerMessage - used()) - sep;
  };
  const append = (line: string) => {
    let e: DiscordEmbed = embed ?? newEmbed();
    if (line.length > room(e)) e = newEmbed(undefined, undefined, line.length);
    e.description = e.description ? `${e.description}\n${line}` : line;
  };

  newEmbed(doc.title, doc.url ? (safeUrl(doc.url) ?? undefined) : undefined);
  for (const block of doc.blocks) {
    for (const u of blockUnits(block)) {
      if (u.kind === 'heading') newEmbed(u.title, u.url, 300); // keep a title with some of its text
      else if (u.kind === 'break') {
        if (embed && (embed as DiscordEmbed).description) newEmbed();
      } else {
        const line = u.prefix + u.atoms.map((a) => a.md).join('').trim();
        if (line === u.prefix.trim() || !line.trim()) continue;
        const fresh = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.charsPerMessage);
        if (line.length <= fresh) append(line);
        else for (const piece of splitLong(u.atoms, u.prefix, fresh)) append(piece);
      }
    }
  }
  return messages
    .map((embeds) => embeds.filter((e) => e.title || e.description))
    .filter((embeds) => embeds.length > 0)
    .map((embeds) => ({ embeds, allowed_mentions: { parse: [] } }));
}

/** Titles are plain text in Discord (no markdown), but mentions are still neutralised. */
function escapeTitle(s: string): string {
  const t = oneLine(s).replace(/@(everyone|here)/gi, '@\u200b$1');
  if (t.length <= DISCORD_LIMITS.title) return t;
  const cut = t.slice(0, DISCORD_LIMITS.title - 1);
  const space = cut.lastIndexOf(' ');
  return (space > 128 ? cut.slice(0, space) : cut) + '…';
}
