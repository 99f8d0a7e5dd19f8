// Quotation-mark pairing. News text mixes glyphs freely (“…", ”…”, "…“), so the direction of a
// double mark is read from its context (space before = opening, space after = closing) and the glyph
// only breaks ties. Rules, per line (a newline always ends an open quote):
// - a closing-looking mark outside a quote is a stray and is skipped;
// - a quote still open at the end of its line is a paragraph continuation when the next line opens
//   with a mark (news convention), a whole-paragraph quote when it opened the line, else the opening
//   mark is a stray and scanning resumes just after it (never fails the article);
// - single marks (‘…’ or '…') count only outside double quotes, need a word-initial opener and a
//   closer not followed by a letter, so apostrophes (Moscow’s, don't, leaders’) never pair.
// Linear in the text length except for the resume-after-stray step, bounded by one rescan per mark.

export interface MarkSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or -1 when the quote runs to the end of its line. */
  close: number;
  /** Content without marks and surrounding whitespace: [start, end). */
  start: number;
  end: number;
  /** The quote continues in the next paragraph (which opens with a new mark). */
  continues: boolean;
  single: boolean;
}


const DOUBLE = new Set(['“', '”', '"', '„', '«', '»', '‟', '〝', '〞', '＂']);
const OPEN_GLYPH = new Set(['“', '„', '«', '‟', '〝']);
const CLOSE_GLYPH = new Set(['”', '»', '〞']);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;]/;
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-…'’*]/;

type Dir = 'open' | 'close' | 'either';

function direction(text: string, i: number, lineStart: number, lineEnd: number): Dir {
  const prev = i > lineStart ? text[i - 1] : undefined;
  const next = i + 1 < lineEnd ? text[i + 1] : undefined;
  const openCtx = prev === undefined || BEFORE_OPEN.test(prev);
  const closeCtx = next === undefined || AFTER_CLOSE.test(next) || DOUBLE.has(next);
  if (openCtx && !closeCtx) return 'open';
  if (closeCtx && !openCtx) return 'close';
  const c = text[i]!;
  if (OPEN_GLYPH.has(c) && !(isSpace(next))) return 'open';
  if (CLOSE_GLYPH.has(c)) return openCtx && !isSpace(next) ? 'open' : 'close';
  return 'either';
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

function lineOpensWithMark(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i < text.length && DOUBLE.has(text[i]!);
}

/** Double-quoted spans in text[from, to), line by line. */
export function findQuoteMarks(text: string, from = 0, to = text.length): MarkSpan[] {
  const spans: MarkSpan[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    scanLine(text, lineStart, lineEnd, to, spans);
    lineStart = lineEnd + 1;
  }
  return spans;
}

function scanLine(text: string, ls: number, le: number, to: number, out: MarkSpan[]): void {
  const lineSpans = scanDoubles(text, ls, le, to, ls);
  out.push(...lineSpans);
  out.push(...findSingleMarks(text, ls, le, lineSpans));
}

function scanDoubles(text: string, ls: number, le: number, to: number, realLineStart: number): MarkSpan[] {
  const lineSpans: MarkSpan[] = [];
  let open = -1;
  let lineFirst = realLineStart;
  while (lineFirst < le && /\s/.test(text[lineFirst]!)) lineFirst++;
  // Scan only this line: a global regex on `text` would run on to the end of the text (quadratic).
  const seg = text.slice(ls, le);
  const re = /["“”„«»‟〝〞＂]/g;
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    const i = ls + m.index;
    const c = m[0];
    if (text[i - 1] === '=') continue; // attribute value in leftover markup, not speech
    const d = direction(text, i, realLineStart, le);
    if (open < 0) {
      if (d !== 'close' || i === lineFirst) open = i;
    } else if (d === 'open' && c !== '"' && i > open + 1 && !CLOSE_GLYPH.has(c)) {
      open = i; // the earlier opener never closed: treat it as a stray
    } else {
      const [s, e] = trimSpan(text, open + 1, i);
      if (e > s) lineSpans.push({ open, close: i, start: s, end: e, continues: false, single: false });
      open = -1;
    }
  }
  if (open >= 0) {
    const continues = lineOpensWithMark(text, le + 1) && le < to;
    if (continues || open === lineFirst) {
      const [s, e] = trimSpan(text, open + 1, le);
      if (e > s) lineSpans.push({ open, close: -1, start: s, end: e, continues, single: false });
    } else if (open + 1 < le) {
      // Stray opener: rescan the rest of the line without it.
      lineSpans.push(...scanDoubles(text, open + 1, le, to, realLineStart));
    }
  }
  return lineSpans;
}

const SINGLE_CLOSE = new Set(['’', "'"]);

/** The closing single mark of the quote opened at i, or -1. Apostrophes inside words never close. */
function singleClose(text: string, i: number, le: number): number {
  const limit = Math.min(le, i + 400);
  let close = -1;
  for (let j = i + 2; j < limit; j++) {
    const cj = text[j]!;
    if (DOUBLE.has(cj)) break;
    if (!SINGLE_CLOSE.has(cj)) continue;
    const after = text[j + 1];
    if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue; // apostrophe inside a word
    if (/\s/.test(text[j - 1]!)) continue;
    // "the leaders’ summit": a plural possessive, unless nothing better closes the quote.
    if (text[j - 1] === 's' && after === ' ' && /[a-z]/.test(text[j + 2] ?? '')) {
      if (close < 0) close = j;
      continue;
    }
    return j;
  }
  return close;
}

function findSingleMarks(text: string, ls: number, le: number, doubles: MarkSpan[]): MarkSpan[] {
  const out: MarkSpan[] = [];
  let d = 0;
  const seg = text.slice(ls, le);
  const re = /[‘'‚]/g;
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    let i = ls + m.index;
    while (d < doubles.length && (doubles[d]!.close < 0 ? le : doubles[d]!.close) < i) d++;
    const dq = doubles[d];
    if (dq && i >= dq.open && i <= (dq.close < 0 ? le : dq.close)) {
      re.lastIndex = (dq.close < 0 ? le : dq.close) + 1 - ls;
      continue;
    }
    const prev = i > ls ? text[i - 1]! : ' ';
    const next = text[i + 1];
    if (!BEFORE_OPEN.test(prev) || next === undefined || !/[\p{L}\p{N}…]/u.test(next)) continue;
    const close = singleClose(text, i, le);
    if (close < 0) continue;
    const [s, e] = trimSpan(text, i + 1, close);
    if (e > s) out.push({ open: i, close, start: s, end: e, continues: false, single: true });
    i = close;
    re.lastIndex = i + 1 - ls;
  }
  return out;
}
