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
}

const DOTTED = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'rev',
  'st', 'jr', 'sr', 'prof', 'pres', 'adm', 'maj', 'cmdr', 'del', 'amb', 'atty', 'sens', 'reps', 'supt', 'insp', 'det', 'fr', 'mt', 'hon']);

const RE = /(\u25A0+)|((?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*)|[^\s]/gu;

/** Tokens of masked[from, to). `quoteAt(offset)` maps a quote run's start to its quote index. */
export function tokenize(masked: string, from: number, to: number, quoteAt: (offset: number) => number): Token[] {
  const out: Token[] = [];
  RE.lastIndex = from;
  for (;;) {
    const m = RE.exec(masked);
    if (!m || m.index >= to) break;
    const s = m.index;
    if (m[1] !== undefined) {
      out.push({ text: m[1], start: s, end: Math.min(s + m[1].length, to), kind: 'quote', quote: quoteAt(s), low: '', cap: false });
    } else if (m[2] !== undefined) {
      let text = m[2];
      let e = Math.min(s + text.length, to);
      let low = text.toLowerCase();
      // Keep the dot of a title or an initial ("Mr.", "J.").
      if (e < to && masked.charCodeAt(e) === 46 && (DOTTED.has(low) || (text.length === 1 && low !== text))) {
        e++;
        RE.lastIndex = e;
        text += '.';
      } else if (low.endsWith('.')) {
        low = low.slice(0, -1);
      }
      out.push({ text, start: s, end: e, kind: 'word', quote: -1, low, cap: low.charCodeAt(0) !== text.charCodeAt(0) });
    } else {
      out.push({ text: m[0], start: s, end: s + 1, kind: 'punct', quote: -1, low: m[0], cap: false });
    }
  }
  return out;
}

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
export const isCap = (t: Token | undefined): boolean => t !== undefined && t.cap;
