// Finds the cue and the speaker mention of one quote inside its sentence (quotes masked out).
// Order: a cue right after the quote ("…,” said Koirala / “…,” he told MEPs / “…,” Smith, the
// mayor, said), then the nearest cue before it ("Smith warned that …", "according to Smith"),
// partial quotes trying the governing verb before first. Participles without a subject
// ("…, adding") hand over to the next cue further left.
import { cueLemma } from './cues.ts';
import { mentionAfter, mentionBefore, type Mention } from './mentions.ts';
import { isWord, type Token } from './tokens.ts';

export interface Attribution {
  mention: Mention;
  cue: string;
}

const STOP_AFTER = new Set(['.', '!', '?', ';']);
const low = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

function after(tokens: Token[], q: number, b: number): Attribution | null {
  let firstWord = -1;
  for (let k = q + 1; k < b && k <= q + 16; k++) {
    const t = tokens[k]!;
    if (t.kind === 'quote' || STOP_AFTER.has(t.text)) break;
    if (!isWord(t)) continue;
    if (firstWord < 0) firstWord = k;
    if (low(t) === 'according' && low(tokens[k + 1]) === 'to') {
      const m = mentionAfter(tokens, k + 2, b);
      if (m) return { mention: m, cue: 'according to' };
      continue;
    }
    if (cueLemma(t.text) === null) continue;
    const m = k === firstWord ? mentionAfter(tokens, k + 1, b) : mentionBefore(tokens, k, firstWord);
    if (m) return { mention: m, cue: t.text };
    if (k !== firstWord) return null;
  }
  return null;
}

function before(tokens: Token[], q: number, a: number): Attribution | null {
  for (let k = q - 1; k >= a; k--) {
    const t = tokens[k]!;
    if (!isWord(t)) continue;
    if (low(t) === 'according' && low(tokens[k + 1]) === 'to') {
      const m = mentionAfter(tokens, k + 2, q);
      if (m) return { mention: m, cue: 'according to' };
      continue;
    }
    if (cueLemma(t.text) === null) continue;
    const m = mentionBefore(tokens, k, a) ?? (k === a ? mentionAfter(tokens, k + 1, q) : null);
    if (m) return { mention: m, cue: t.text };
  }
  return null;
}

/** Cue and mention for the quote token at `q` in tokens[a, b) (its sentence). */
export function attribute(tokens: Token[], q: number, a: number, b: number, partial: boolean): Attribution | null {
  return partial ? (before(tokens, q, a) ?? after(tokens, q, b)) : (after(tokens, q, b) ?? before(tokens, q, a));
}

/** For a quote opening a paragraph: the previous paragraph's last sentence ends "…, Smith said:". */
export function colonLead(tokens: Token[], a: number, b: number): Attribution | null {
  if (b <= a || tokens[b - 1]!.text !== ':') return null;
  return before(tokens, b - 1, a);
}
