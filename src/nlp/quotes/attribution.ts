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
const DASHES = new Set(['―', '—', '–', '-']);
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'of', 'in', 'for', 'to', 'with', 'by']);
const low = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

/** A cue verb: a lowercase cue word not used as a noun ("the report", "Clinton's comments", "States"). */
export function isCueAt(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (!isWord(t) || !/^\p{Ll}/u.test(t.text) || cueLemma(t.text) === null) return false;
  const p = tokens[k - 1];
  if (p && isWord(p) && (NOUN_BEFORE.has(low(p)) || /['’]s$/.test(p.text))) return false;
  return true;
}

function after(tokens: Token[], q: number, b: number, openEnded: boolean): Attribution | null {
  let firstWord = -1;
  const dash = tokens[q + 1];
  if (dash && DASHES.has(dash.text) && dash.text !== '-') {
    // “…” ― Name (reader comments, epigraphs)
    const m = mentionAfter(tokens, q + 2, b);
    if (m && m.kind === 'name') return { mention: m, cue: dash.text };
  }
  for (let k = q + 1; k < b && k <= q + 16; k++) {
    const t = tokens[k]!;
    if (t.text === '(') {
      while (k < b && tokens[k]!.text !== ')') k++;
      continue;
    }
    if (t.kind === 'quote' || STOP_AFTER.has(t.text)) break;
    if (!isWord(t)) continue;
    // After a quote that ended its sentence, only "….” Smith said." right after it.
    if (!openEnded && k > q + 4) break;
    if (firstWord < 0) firstWord = k;
    if (low(t) === 'according' && low(tokens[k + 1]) === 'to') {
      const m = mentionAfter(tokens, k + 2, b);
      if (m) return { mention: m, cue: 'according to' };
      continue;
    }
    if (!isCueAt(tokens, k)) continue;
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
    if (!isCueAt(tokens, k)) continue;
    const prev = tokens[k - 1];
    // "…, saying" / "…, adding that": the subject is the main clause's, further left.
    const participle = /ing$/.test(t.text) && prev?.text === ',';
    const m = participle ? null : (mentionBefore(tokens, k, a) ?? (k === a || prev?.kind === 'quote' || (prev?.text === ',' && tokens[k - 2]?.kind === 'quote') ? mentionAfter(tokens, k + 1, q) : null));
    if (m) return { mention: m, cue: t.text };
  }
  return null;
}

/** Cue and mention for the quote token at `q` in tokens[a, b) (its sentence). */
export function attribute(tokens: Token[], q: number, a: number, b: number, partial: boolean, openEnded: boolean): Attribution | null {
  return partial ? (before(tokens, q, a) ?? after(tokens, q, b, openEnded)) : (after(tokens, q, b, openEnded) ?? before(tokens, q, a));
}

/** Fallback without a usable cue: the subject that opens the sentence ("Reid has gone after Trump as a “…”"). */
export function sentenceSubject(tokens: Token[], q: number, a: number): Attribution | null {
  let i = a;
  // Skip a leading adverbial ("In recent weeks, …").
  for (let k = a; k < q && k < a + 8; k++) if (tokens[k]!.text === ',') { i = k + 1; break; }
  for (const start of i === a ? [a] : [i, a]) {
    if (start >= q) continue;
    const m = mentionAfter(tokens, start, q);
    if (m && m.kind !== 'nominal') return { mention: m, cue: '' };
  }
  return null;
}

/** For a quote opening a paragraph: the previous paragraph's last sentence ends "…, Smith said:". */
export function colonLead(tokens: Token[], a: number, b: number): Attribution | null {
  if (b <= a || tokens[b - 1]!.text !== ':') return null;
  return before(tokens, b - 1, a);
}
