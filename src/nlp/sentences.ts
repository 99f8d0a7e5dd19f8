// Sentence splitter shared by quote extraction and summarising.
// Contract: returns sentences in order with `start`/`end` as JavaScript string indices into `text`
// (end exclusive), trimmed of surrounding whitespace, so `text.slice(start, end) === sentence.text`.
// Paragraph breaks (a blank line) always end a sentence. Inside a paired quotation no split happens,
// so a multi-sentence quote stays one sentence with its cue ("…We will win,” she said.). A stray,
// unclosed mark does not suppress splitting (pairing is done per paragraph). Never splits on
// abbreviations ("Mr.", "Sen.", "U.S."), initials ("J. R. Smith"), decimals or before a lowercase word.

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// Lower-cased, without the dot. Titles and other words that are almost never sentence-final.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'gen', 'col', 'lt',
  'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rev', 'fr', 'st', 'jr', 'sr', 'messrs', 'mme', 'mlle', 'hon',
  'pres', 'supt', 'insp', 'det', 'cpl', 'pvt', 'amb', 'atty', 'lieut', 'brig', 'cdr', 'del', 'ald', 'sgt', 'gens',
  'inc', 'corp', 'ltd', 'co', 'bros', 'vs', 'v', 'no', 'nos', 'vol', 'pp', 'p', 'fig', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mt', 'ft', 'ave', 'blvd', 'rd', 'dept', 'univ', 'est', 'e.g', 'i.e', 'cf', 'al', 'ca',
]);

const OPEN_DOUBLE = new Set(['“', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const TRAILING_CLOSERS = new Set(['”', '"', '’', "'", '»', ')', ']']);

/** Ranges [open, close] of paired double quotation marks in text[from, to). Unpaired marks are ignored. */
export function pairedQuoteRanges(text: string, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  let open = -1;
  // Scan only this range (a global regex on `text` would run on to the end of the text when the range
  // holds no mark, making the whole split quadratic).
  const seg = text.slice(from, to);
  const re = /["“”„«»]/g;
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    const i = from + m.index;
    const c = m[0];
    if (OPEN_DOUBLE.has(c) || (c === '"' && open < 0 && opensStraight(text, i))) {
      // „ … “ (German style) closes with “, so a “ inside an open „ closes it.
      if (c === '“' && open >= 0 && text[open] === '„') {
        ranges.push([open, i]);
        open = -1;
      } else open = i;
    } else if (CLOSE_DOUBLE.has(c) || c === '"') {
      if (open >= 0) ranges.push([open, i]);
      open = -1;
    }
  }
  return ranges;
}

/** A straight double quote opens when it follows the start, whitespace or an opening bracket/dash. */
export function opensStraight(text: string, i: number): boolean {
  const prev = i > 0 ? text[i - 1]! : ' ';
  return /[\s([{\u2014\u2013/-]/.test(prev);
}

/** [A-Za-z.] by char code (this runs for every full stop). */
const isAsciiLetterOrDot = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;

function isAbbreviation(text: string, dot: number, paraStart: number): boolean {
  let s = dot;
  while (s > paraStart && isAsciiLetterOrDot(text.charCodeAt(s - 1))) s--;
  const word = text.slice(s, dot);
  if (word.length === 0) return false;
  // Initials and dotted acronyms: "J.", "U.S.", "D.C."
  if (/^[A-Z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true;
  // `word` is ASCII, so its lowercase is the same with or without the call; most words are lowercase
  // already, and toLowerCase() is slow on slices of a two-byte text.
  return ABBREVIATIONS.has(/[A-Z]/.test(word) ? word.toLowerCase() : word);
}

function startsSentence(c: string | undefined): boolean {
  if (c === undefined) return false;
  // U+25A0 stands for a masked quotation (see src/nlp/quotes/tokens.ts).
  return /[\p{Lu}\p{N}“"‘'«„([\u25A0]/u.test(c);
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  const paraRe = /\n[ \t]*\n\s*/g;
  let paraStart = 0;
  for (;;) {
    const m = paraRe.exec(text);
    const paraEnd = m ? m.index : text.length;
    splitParagraph(text, paraStart, paraEnd, push);
    if (!m) break;
    paraStart = m.index + m[0].length;
  }
  return out;
}

/**
 * Whether offset i lies in [open, close) of one of `ranges` (sorted and disjoint, as pairedQuoteRanges
 * returns them). A binary search instead of a per-paragraph flag array: allocating a typed array for
 * every paragraph was a visible share of the cost of splitting.
 */
function inRanges(ranges: [number, number][], i: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![0] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && i < ranges[lo - 1]![1];
}

function splitParagraph(text: string, from: number, to: number, push: (s: number, e: number) => void): void {
  const ranges = pairedQuoteRanges(text, from, to);
  let start = from;
  const seg = text.slice(from, to);
  const re = /[.!?…]/g;
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    const i = from + m.index;
    const c = m[0];
    let j = i + 1;
    while (j < to && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    // Inside a quotation only the terminator right before its closing mark can end a sentence.
    if (inRanges(ranges, i) && (j >= to || inRanges(ranges, j) || !TRAILING_CLOSERS.has(text[j]!))) continue;
    while (j < to && TRAILING_CLOSERS.has(text[j]!)) j++;
    if (j < to && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < to && /\s/.test(text[k]!)) k++;
    if (k < to && !startsSentence(text[k])) continue;
    if (c === '.' && j === i + 1 && isAbbreviation(text, i, from)) continue;
    push(start, j);
    start = j;
    re.lastIndex = j - from;
  }
  push(start, to);
}
