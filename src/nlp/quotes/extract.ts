// Quote extraction and attribution for one article: marks -> candidates -> cues -> mentions -> coref.
// Deterministic and linear in the article length (one masking pass, one tokenisation, one sentence
// split; per quote, a bounded window of tokens). Offsets are JavaScript string indices into `text`;
// every quote text is text.slice(start, end), verbatim, without its marks.
import type { Quote, Speaker } from '../../domain/types.ts';
import { splitSentences } from '../sentences.ts';
import { speakerKey } from '../speaker-key.ts';
import { classify } from './candidates.ts';
import type { Attribution } from './attribution.ts';
import { ArticleIndex, type Person } from './coref.ts';
import { findQuoteMarks, type MarkSpan } from './marks.ts';
import { ruleReading, type ReadingInput, type RuleReading } from './rule-reading.ts';
import { MentionCache, type SentenceSpan } from './speaker-candidates.ts';
import { cueNear, nounPhraseRole, personOf, quoteOptions, type Previous } from './speaker-choice.ts';
import type { QuoteFrame } from './speaker-features.ts';
import { best, shippedWeights, type Option, type Weights } from './speaker-model.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { QUOTE_CHAR, tokenize } = tokensModule;

export interface ExtractOptions {
  /** The headline. When `text` starts with it, quotes inside it are not reported (headlines paraphrase). */
  title?: string;
  /** Weights of the speaker model; the shipped model when absent (another is given only to evaluate one). */
  model?: Weights;
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

/** Per-quote information that training needs beside the quote itself. */
export interface QuoteTrace {
  quote: Quote;
  options: Option[];
  chosen: number;
}

interface Article {
  tokens: Token[];
  sentences: SentenceSpan[];
  index: ArticleIndex;
  cache: MentionCache;
  lowerWords: Set<string>;
  knownNameWords: Set<string>;
  subjects: Map<number, Attribution | null>;
}

function prepare(text: string, spans: MarkSpan[]): Article {
  const masked = maskText(text, spans.map((s) => ({ open: s.open, stop: stopOf(s) })));
  const spanAt = new Map<number, number>();
  spans.forEach((s, i) => spanAt.set(s.open, i));
  const tokens = tokenize(masked, 0, masked.length, (o) => spanAt.get(o) ?? -1);
  const paraOf = paragraphNumbers(text);
  const sentences: SentenceSpan[] = splitSentences(masked).map((s) => ({
    a: lowerBound(tokens, s.start), b: lowerBound(tokens, s.end), para: paraOf(s.start), end: s.end,
  }));
  const lowerWords = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.cap) lowerWords.add(t.low);
  const index = new ArticleIndex(tokens, lowerWords);
  const knownNameWords = new Set<string>();
  for (const p of index.persons) if (!p.isOrg && p.name.includes(' ')) for (const w of p.name.split(' ')) knownNameWords.add(w.toLowerCase());
  return { tokens, sentences, index, cache: new MentionCache(tokens, sentences, lowerWords, knownNameWords), lowerWords, knownNameWords, subjects: new Map() };
}

interface Chosen {
  person: Person | null;
  role: string | null;
  cue: string | null;
  confidence: number;
}

function decide(inp: ReadingInput, frame: QuoteFrame, options: Option[], rule: RuleReading, prevPerson: Person | null, w: Weights): { chosen: number; out: Chosen } {
  const { index, margin } = best(w, options);
  const confidence = index < 0 ? 0.2 : Math.round(1000 / (1 + Math.exp(-Math.min(margin, 20)))) / 1000;
  const o = options[index];
  if (!o) return { chosen: -1, out: { person: null, role: null, cue: null, confidence } };
  if (!o.cand) return { chosen: index, out: { person: prevPerson, role: prevPerson?.roles[0] ?? null, cue: null, confidence } };
  const c = o.cand;
  const same = rule.att !== null && rule.att.mention.start < c.m.end && c.m.start < rule.att.mention.end;
  const person = (same ? rule.person : null) ?? personOf(inp, c);
  const cue = same ? rule.att!.cue || null : c.sent === frame.si ? cueNear(frame, c) : null;
  return { chosen: index, out: { person, role: c.m.role ?? person?.roles[0] ?? null, cue, confidence } };
}

type Prev = (Previous & { person: Person | null }) | null;

/** One quote span in sentence `si`: its kind, its options and the chosen speaker; null when it is no quote. */
function readQuote(text: string, art: Article, span: MarkSpan, si: number, prev: Prev, w: Weights): { trace: QuoteTrace; prev: Prev } | null {
  const { tokens, sentences } = art;
  const sent = sentences[si];
  const q = lowerBound(tokens, span.open);
  if (!sent || tokens[q]?.kind !== 'quote') return null; // nested inside another span
  const cand = classify(text, span, tokens.slice(sent.a, sent.b), q - sent.a);
  if (!cand) return null;
  const openEnded = /[,?!\u2014\u2013\-…:]$/.test(text.slice(span.start, span.end)) || span.close < 0;
  const partial = cand.kind === 'partial';
  const inp: ReadingInput = { tokens, sentences, index: art.index, q, si, partial, openEnded, subjects: art.subjects };
  const rule = ruleReading(inp);
  const opensParagraph = q === sent.a && (si === 0 || sentences[si - 1]!.para < sent.para);
  const frame: QuoteFrame = { tokens, sentences, q, si, partial, openEnded, opensParagraph, lowerWords: art.lowerWords, knownNameWords: art.knownNameWords };
  const options = quoteOptions(frame, art.cache, rule.att?.mention ?? null, prev);
  const { chosen, out: d } = decide(inp, frame, options, rule, prev?.person ?? null, w);
  const quote: Quote = {
    text: text.slice(span.start, span.end),
    speaker: d.person ? d.person.name : null,
    speakerRole: nounPhraseRole(d.role),
    cue: d.cue,
    kind: cand.kind,
    start: span.start,
    end: span.end,
    confidence: d.confidence,
  };
  const ruleName = rule.person && !rule.person.isOrg ? rule.person.name : null;
  const next = { para: sent.para, continues: span.continues, ruleKey: ruleName ? ruleName.split(' ').pop()!.toLowerCase() : null, person: d.person };
  return { trace: { quote, options, chosen }, prev: next };
}

function analyse(text: string, opts: ExtractOptions = {}): QuoteTrace[] {
  const w = opts.model ?? shippedWeights();
  if (typeof text !== 'string' || text.length === 0) return [];
  const title = opts.title?.trim();
  const bodyStart = title && text.startsWith(title) ? title.length : 0;
  const spans = findQuoteMarks(text, bodyStart).sort((x, y) => x.open - y.open);
  const art = prepare(text, spans);
  const out: QuoteTrace[] = [];
  let prev: Prev = null;
  let si = 0;
  for (const span of spans) {
    while (si < art.sentences.length - 1 && art.sentences[si]!.end <= span.open) si++;
    const r = readQuote(text, art, span, si, prev, w);
    if (!r) continue;
    out.push(r.trace);
    prev = r.prev;
  }
  return out;
}

/** Quotes of `text` with the options and features seen for each (for training the speaker model). */
export function traceQuotes(text: string, opts: ExtractOptions): QuoteTrace[] {
  return analyse(text, opts);
}

/**
 * Paragraph number (0-based) of an offset. A paragraph ends at a line break; blank lines between
 * paragraphs do not count, so "one\n\ntwo" and "one\ntwo" both number "two" as paragraph 1.
 */
function paragraphNumbers(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    breaks.push(j);
    i = j - 1;
  }
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Every quote of a person in the article, in text order. Never throws; bad input gives []. */
export function extractQuotes(text: string, opts?: ExtractOptions): Quote[] {
  return analyse(text, opts).map((t) => t.quote);
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
