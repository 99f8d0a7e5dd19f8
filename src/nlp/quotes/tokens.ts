// Tokeniser for attribution frames. Works on the masked article text (quotes replaced by QUOTE_CHAR),
// so offsets are shared with the article. Words keep internal apostrophes and hyphens; titles,
// initials and dotted acronyms keep their dot ("Mr.", "J.", "U.S.").

export const QUOTE_CHAR = '\u25A0';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  /** Lowercased, without a trailing dot ("mr" for "Mr."). */
  low: string;
  /** Starts with an uppercase letter. */
  cap: boolean;
  /** Index of the quote a 'quote' token stands for; -1 for other tokens (one object shape for all). */
  quote: number;
  /** A line break comes between this token and the one before (names never run across lines). */
  nl: boolean;
  /** Memo of nameToken() (mentions.ts): 0 = not yet known, 1 = no, 2 = yes. Words never change, so it is computed once. */
  nameTok: number;
}

const DOTTED = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'rev',
  'st', 'jr', 'sr', 'prof', 'pres', 'adm', 'maj', 'cmdr', 'del', 'amb', 'atty', 'sens', 'reps', 'supt', 'insp', 'det', 'fr', 'mt', 'hon']);

// What the scanner below matches, as a regular expression (kept as the reference):
//   /(\u25A0+)|((?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*)|[^\s]/gu
// i.e. a run of QUOTE_CHAR, a dotted acronym ("U.S."), a word with inner apostrophes, hyphens or dots,
// or any other single code point. The scanner is hand-written because exec() allocates a match array
// per token and was most of the cost of extraction; it must stay equivalent to the expression.

// Code-point classes, filled lazily for the BMP: 0 = not yet known, 1 = letter, 2 = number, 3 = other.
const LETTER = 1;
const NUMBER = 2;
const OTHER = 3;
const bmpClass = new Uint8Array(0x10000);
const isWS = /\s/;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  bmpClass[c] = /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? NUMBER : OTHER;
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const k = bmpClass[cp]!;
    if (k !== 0) return k;
  }
  const ch = String.fromCodePoint(cp);
  const k = /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? NUMBER : OTHER;
  if (cp < 0x10000) bmpClass[cp] = k;
  return k;
}

/** Whitespace as the regular expression \s defines it. */
function isSpaceAt(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return isWS.test(String.fromCharCode(code));
}

/** The code point at i, reading a surrogate pair as one (like the `u` flag). */
function codePointAt(s: string, i: number): number {
  return s.codePointAt(i) ?? -1;
}

const isLetterOrNumber = (cp: number): boolean => cp >= 0 && classOf(cp) !== OTHER;
const cpLength = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** Length in code units of the letter or number at s[j] (2 for a surrogate pair); 0 when there is none. */
function letterOrNumberAt(s: string, j: number): number {
  const c = s.charCodeAt(j);
  if (c < 128) return bmpClass[c] !== OTHER ? 1 : 0; // ASCII, the usual case: one table lookup
  const cp = codePointAt(s, j);
  return isLetterOrNumber(cp) ? cpLength(cp) : 0;
}

/** End of the word that starts at i: [\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)* (greedy). */
function wordEnd(s: string, i: number): number {
  let j = i;
  for (;;) {
    for (let len = letterOrNumberAt(s, j); len > 0; len = letterOrNumberAt(s, j)) j += len;
    const sep = s.charCodeAt(j);
    // ' ’ - .
    if ((sep === 39 || sep === 0x2019 || sep === 45 || sep === 46) && letterOrNumberAt(s, j + 1) > 0) j++;
    else return j;
  }
}

/** End of a dotted acronym at i, (?:\p{L}\.){2,}, or -1 when there are fewer than two letter-dot pairs. */
function acronymEnd(s: string, i: number): number {
  let j = i;
  let pairs = 0;
  for (;;) {
    const cp = codePointAt(s, j);
    if (cp < 0 || classOf(cp) !== LETTER) break;
    const dot = j + cpLength(cp);
    if (s.charCodeAt(dot) !== 46) break;
    j = dot + 1;
    pairs++;
  }
  return pairs >= 2 ? j : -1;
}

/**
 * Whether s[from, to) is ASCII without capitals, so it is its own lowercase. Most words are, and
 * toLowerCase() is slow on them: they are slices of a two-byte string (the text holds curly quotes),
 * which misses V8's one-byte fast path.
 */
function isLowerAscii(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** s.toLowerCase(), without the call when s is already lowercase ASCII (same result, much cheaper). */
export function lower(s: string): string {
  return isLowerAscii(s, 0, s.length) ? s : s.toLowerCase();
}

/** Tokens of masked[from, to). `quoteAt(offset)` maps a quote run's start to its quote index. */
export function tokenize(masked: string, from: number, to: number, quoteAt: (offset: number) => number): Token[] {
  const out: Token[] = [];
  const n = masked.length;
  let i = from;
  // Like a `u` regex, a start inside a surrogate pair backs up to the pair.
  if (i > 0 && i < n && (masked.charCodeAt(i) & 0xfc00) === 0xdc00 && (masked.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--;
  for (;;) {
    let nl = false;
    while (i < n && isSpaceAt(masked.charCodeAt(i))) {
      if (masked.charCodeAt(i) === 10) nl = true;
      i++;
    }
    if (i >= n || i >= to) break;
    const s = i;
    const c = masked.charCodeAt(s);
    if (c === 0x25a0) {
      let j = s + 1;
      while (j < n && masked.charCodeAt(j) === 0x25a0) j++;
      out.push({ text: masked.slice(s, j), start: s, end: Math.min(j, to), kind: 'quote', quote: quoteAt(s), low: '', cap: false, nl, nameTok: 1 });
      i = j;
      continue;
    }
    const cp = codePointAt(masked, s);
    if (classOf(cp) === OTHER) {
      // One code point; `end` stays s + 1 even for a surrogate pair (as the token always had).
      const len = cpLength(cp);
      const p = masked.slice(s, s + len);
      out.push({ text: p, start: s, end: s + 1, kind: 'punct', quote: -1, low: p, cap: false, nl, nameTok: 1 });
      i = s + len;
      continue;
    }
    const w = wordToken(masked, s, to, nl);
    out.push(w.token);
    i = w.next;
  }
  return out;
}

/** The word token starting at s (a dotted acronym, a word, a possessive plural, a title or initial with its dot). */
function wordToken(masked: string, s: number, to: number, nl: boolean): { token: Token; next: number } {
  const acronym = acronymEnd(masked, s);
  let matchEnd = acronym >= 0 ? acronym : wordEnd(masked, s);
  // A possessive plural keeps its apostrophe ("the consumers' association", "dockers’ union").
  const after = masked.charCodeAt(matchEnd);
  if (acronym < 0 && (after === 39 || after === 0x2019) && /s/i.test(masked[matchEnd - 1] ?? '') && letterOrNumberAt(masked, matchEnd + 1) === 0) matchEnd++;
  let text = masked.slice(s, matchEnd);
  let e = Math.min(matchEnd, to);
  let low = isLowerAscii(masked, s, matchEnd) ? text : text.toLowerCase();
  let next = matchEnd;
  // Keep the dot of a title or an initial ("Mr.", "J.").
  if (e < to && masked.charCodeAt(e) === 46 && (DOTTED.has(low) || (text.length === 1 && low !== text))) {
    e++;
    next = e;
    text += '.';
  } else if (low.endsWith('.')) {
    low = low.slice(0, -1);
  }
  return { token: { text, start: s, end: e, kind: 'word', quote: -1, low, cap: low.charCodeAt(0) !== text.charCodeAt(0), nl, nameTok: 0 }, next };
}

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
export const isCap = (t: Token | undefined): boolean => t !== undefined && t.cap;
