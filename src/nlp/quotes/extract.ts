// Quote extraction and attribution for one article: marks -> candidates -> cues -> mentions -> coref.
// Deterministic and linear in the article length (one masking pass, one tokenisation, one sentence
// split; per quote, a bounded window of tokens). Offsets are JavaScript string indices into `text`;
// every quote text is text.slice(start, end), verbatim, without its marks.
import type { Quote, Speaker } from '../../domain/types.ts';
import { splitSentences } from '../sentences.ts';
import { speakerKey } from '../speaker-key.ts';
import { attribute, colonLead, previousReport, sentenceSubject, type Attribution } from './attribution.ts';
import { classify } from './candidates.ts';
import { ArticleIndex, type Person } from './coref.ts';
import { findQuoteMarks, type MarkSpan } from './marks.ts';
import { QUOTE_CHAR, tokenize, type Token } from './tokens.ts';

export interface ExtractOptions {
  /** The headline. When `text` starts with it, quotes inside it are not reported (headlines paraphrase). */
  title?: string;
}

interface Analysis {
  quotes: Quote[];
  index: ArticleIndex;
}

function maskText(text: string, spans: { open: number; stop: number }[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.open < at) continue;
    out += text.slice(at, s.open) + QUOTE_CHAR.repeat(s.stop - s.open);
    at = s.stop;
  }
  return out + text.slice(at);
}

const stopOf = (s: MarkSpan): number => (s.close < 0 ? s.end : s.close + 1);

function lowerBound(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function analyse(text: string, opts: ExtractOptions = {}): Analysis {
  if (typeof text !== 'string' || text.length === 0) return { quotes: [], index: new ArticleIndex([]) };
  let bodyStart = 0;
  const title = opts.title?.trim();
  if (title && text.startsWith(title)) bodyStart = title.length;
  const spans = findQuoteMarks(text, bodyStart).sort((x, y) => x.open - y.open);
  const masked = maskText(text, spans.map((s) => ({ open: s.open, stop: stopOf(s) })));
  const spanAt = new Map<number, number>();
  spans.forEach((s, i) => spanAt.set(s.open, i));
  const tokens = tokenize(masked, 0, masked.length, (o) => spanAt.get(o) ?? -1);
  const index = new ArticleIndex(tokens);
  const sentences = splitSentences(masked);
  const lineOf = lineNumbers(text);

  const quotes: Quote[] = [];
  let prev: { span: MarkSpan; person: Person | null } | null = null;
  let si = 0;
  for (const span of spans) {
    while (si < sentences.length - 1 && sentences[si]!.end <= span.open) si++;
    const sent = sentences[si];
    const a = sent ? lowerBound(tokens, sent.start) : 0;
    const b = sent ? lowerBound(tokens, sent.end) : tokens.length;
    const q = lowerBound(tokens, span.open);
    if (tokens[q]?.kind !== 'quote') continue; // nested inside another span
    const cand = classify(text, span, tokens.slice(a, b), q - a);
    if (!cand) continue;
    const openEnded = /[,?!\u2014\u2013\-…:]$/.test(text.slice(span.start, span.end)) || span.close < 0;
    let att: Attribution | null = attribute(tokens, q, a, b, cand.kind === 'partial', openEnded);
    let confidence = 0.9;
    let person: Person | null;
    if (!att && q === a && si > 0) {
      const ps = sentences[si - 1]!;
      const pa = lowerBound(tokens, ps.start);
      const pb = lowerBound(tokens, ps.end);
      att = colonLead(tokens, pa, pb) ?? (lineOf(ps.start) === lineOf(span.open) ? previousReport(tokens, pa, pb) : null);
    }
    // "…rolling out a new message: “It's about me.”" — a colon hands the quote to the sentence subject.
    if (!att && q > a && tokens[q - 1]!.text === ':') att = sentenceSubject(tokens, q, a, true);
    if (att) {
      const ps = si > 0 ? sentences[si - 1]! : null;
      const prevSent: [number, number] | null =
        ps && lineOf(ps.start) === lineOf(span.open) ? [lowerBound(tokens, ps.start), lowerBound(tokens, ps.end)] : null;
      person = resolveMention(index, tokens, att, q, a, prevSent);
      if (att.mention.kind !== 'name') confidence = person ? 0.75 : 0.4;
    } else if (prev && q === a && (prev.span.continues || lineOf(span.open) - lineOf(prev.span.open) <= 2)) {
      // No cue: the previous speaker keeps talking (news continuation convention).
      person = prev.person;
      confidence = person ? 0.6 : 0.2;
    } else {
      att = sentenceSubject(tokens, q, a);
      person = att ? index.resolve(att.mention, att.mention.start) : null;
      confidence = person ? 0.5 : 0.2;
    }
    quotes.push({
      text: text.slice(span.start, span.end),
      speaker: person ? person.name : null,
      speakerRole: att?.mention.role ?? person?.roles[0] ?? null,
      cue: att?.cue || null,
      kind: cand.kind,
      start: span.start,
      end: span.end,
      confidence,
    });
    prev = { span, person };
  }
  return { quotes, index };
}

/**
 * Resolves a mention to a person. A pronoun prefers the subject of its own sentence ("Clinton says
 * she …") over the most recent name; an unresolvable nominal ("a statement") falls back to the subject.
 */
function resolveMention(
  index: ArticleIndex,
  tokens: Token[],
  att: Attribution,
  q: number,
  a: number,
  prevSent: [number, number] | null,
): Person | null {
  const m = att.mention;
  if (m.kind === 'pronoun') {
    const subj = sentenceSubject(tokens, q, a);
    if (subj && subj.mention.kind === 'name' && subj.mention.start < m.start) {
      const p = index.resolve(subj.mention, subj.mention.start);
      if (p && index.compatible(p, m.text)) return p;
    }
    // Otherwise the subject of the sentence before, in the same paragraph ("Adeyemi, who joined
    // Rovers, said … “…,” he said."): a subject carries over, a name in a side clause does not.
    if (!subj && prevSent) {
      const ps = sentenceSubject(tokens, prevSent[1], prevSent[0]);
      if (ps && ps.mention.kind === 'name') {
        const p = index.resolve(ps.mention, ps.mention.start);
        if (p && index.compatible(p, m.text)) return p;
      }
    }
    return index.resolve(m, m.start);
  }
  const p = index.resolve(m, m.start);
  if (p || m.kind !== 'nominal') return p;
  const subj = sentenceSubject(tokens, q, a);
  return subj && subj.mention.kind === 'name' ? index.resolve(subj.mention, subj.mention.start) : null;
}

/** Line number (0-based) of an offset, via one precomputed table of newline positions. */
function lineNumbers(text: string): (offset: number) => number {
  const nl: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) nl.push(i);
  return (offset) => {
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nl[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Every quote of a person in the article, in text order. Never throws; bad input gives []. */
export function extractQuotes(text: string, opts?: ExtractOptions): Quote[] {
  return analyse(text, opts).quotes;
}

/** The distinct speakers of `quotes` with the aliases used for them in `text`. */
export function speakersOf(quotes: Quote[], text: string): Speaker[] {
  const masked = maskText(text, [...quotes].sort((x, y) => x.start - y.start).map((q) => ({ open: q.start, stop: q.end })));
  const index = new ArticleIndex(tokenize(masked, 0, masked.length, () => -1));
  const out = new Map<string, Speaker>();
  for (const q of quotes) {
    // Unnamed sources ("the ruling", "a spokesman") stay on their quotes but are not indexed as people.
    if (!q.speaker || !/^(the\s+)?[\p{Lu}\p{N}]/u.test(q.speaker)) continue;
    const key = speakerKey(q.speaker);
    if (!key) continue;
    const person = index.persons.find((p) => p.name === q.speaker);
    const s = out.get(key) ?? { key, name: q.speaker, aliases: [], role: null };
    for (const a of person?.aliases ?? [q.speaker]) if (!s.aliases.includes(a)) s.aliases.push(a);
    s.role ??= q.speakerRole ?? person?.roles[0] ?? null;
    out.set(key, s);
  }
  return [...out.values()];
}
