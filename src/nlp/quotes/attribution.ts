// Finds the cue and the speaker mention of one quote inside its sentence (quotes masked out).
// Order: a cue right after the quote ("…,” said Koirala / “…,” he told MEPs / “…,” Smith, the
// mayor, said / “…” ― Name), then the nearest cue before it ("Smith warned that …", "according
// to Smith"); partial quotes try the governing verb before first. Participles after a comma
// ("…, adding that") hand over to the next cue further left, then to the sentence subject.
// Weak cues (call, believe, continue…) count only right before a quote, a colon or "that".
import { CUE_FILLERS, cueLemma, isNounPlural, isStrongCue } from './cues.ts';
import { PERSON_HEADS, ROLE_WORDS, SOURCE_HEADS } from './lexicon.ts';
import { mentionAfter } from './mention-after.ts';
import { mentionBefore, type Mention } from './mentions.ts';
import { isWord, type Token } from './tokens.ts';

export interface Attribution {
  mention: Mention;
  cue: string;
}

const STOP_AFTER = new Set(['.', '!', '?', ';']);
const DASHES = new Set(['―', '—', '–']);
/** Words after which a cue word is a noun ("the report", "few questions", "to call"). */
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that',
  'these', 'those', 'of', 'in', 'for', 'to', 'with', 'by', 'few', 'many', 'several', 'some', 'more', 'most', 'other',
  'such', 'any', 'no', 'all', 'recent', 'new', 'public', 'similar', 'earlier', 'previous', 'repeated', 'latest',
  'false', 'first', 'two', 'three', 'whose', 'without', 'on', 'at', 'from', 'about']);
/** Words before an -ing cue that keep it a finite verb ("she is describing", "he was saying"). */
const PROGRESSIVE = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'is', 'was', 'are', 'were', 'been', 'be', 'also', 'now', 'still', 'repeatedly', 'again', 'keeps', 'kept']);

/** Clauses after a quote that start with these belong to someone else ("…,” when Clinton blasted him). */
const SUBORDINATE = new Set(['when', 'because', 'while', 'after', 'before', 'if', 'since', 'although', 'though', 'but', 'and', 'as', 'which', 'who', 'that']);

/** A cue verb at tokens[k]: a cue word not used as a noun ("the report", "Clinton's comments", "States"). */
export function isCueAt(tokens: Token[], k: number, sentenceStart: number, weakOk = false): boolean {
  const t = tokens[k]!;
  if (!isWord(t) || cueLemma(t.low) === null) return false;
  if (t.cap && k !== sentenceStart) return false;
  const p = tokens[k - 1];
  if (p && isWord(p) && (NOUN_BEFORE.has(p.low) || /['’]s$/.test(p.text))) return false;
  // "late-night tweets", "several claims": after a lowercase modifier the -s form is a plural noun.
  // "Republican claims": after a capitalised adjective too.
  if (isNounPlural(t.low) && p?.cap && ROLE_WORDS.has(p.low)) return false;
  if (isNounPlural(t.low) && p && isWord(p) && !p.cap && !CUE_FILLERS.has(p.low) && !/^(he|she|it|who|that|which)$/.test(p.low) && !/ly$/.test(p.low) && !PERSON_HEADS.has(p.low) && !SOURCE_HEADS.has(p.low)) return false;
  // "as The Tribune put it"
  if (cueLemma(t.low) === 'put') return tokens[k + 1]?.low === 'it';
  if (cueLemma(t.low) === 'continue' && !weakOk) {
    // "he continued:" introduces speech; "we must continue to push" does not.
    const n = tokens[k + 1];
    return n === undefined || n.kind === 'quote' || n.text === ':' || n.text === ',' || p?.kind === 'quote' || p?.text === ',';
  }
  if (!weakOk && !isStrongCue(t.low)) {
    // Weak cue: needs the quote, a colon or "that"/"as" within the next few tokens.
    for (let i = k + 1; i <= k + 7 && i < tokens.length; i++) {
      const x = tokens[i]!;
      if (x.kind === 'quote' || x.text === ':' || x.low === 'that' || x.low === 'as') return true;
      if (STOP_AFTER.has(x.text)) return false;
    }
    return false;
  }
  return true;
}

function after(tokens: Token[], q: number, b: number, openEnded: boolean): Attribution | null {
  const first = tokens[q + 1];
  if (first && DASHES.has(first.text)) {
    // “…” ― Name (reader comments, epigraphs)
    const m = mentionAfter(tokens, q + 2, b);
    if (m && m.kind === 'name') return { mention: m, cue: first.text };
  }
  let firstWord = -1;
  for (let k = q + 1; k < b && k <= q + 18; k++) {
    const t = tokens[k]!;
    if (t.text === '(') {
      while (k < b && tokens[k]!.text !== ')') k++;
      continue;
    }
    // "R-Ky.," inside an apposition is not the end of the sentence.
    if (t.kind === 'quote' || (STOP_AFTER.has(t.text) && !(t.text === '.' && tokens[k + 1]?.text === ','))) break;
    if (!isWord(t)) continue;
    if (firstWord < 0) {
      firstWord = k;
      if (SUBORDINATE.has(t.low)) break;
    }
    // After a quote that ended its sentence, only "….” Smith said." right after it.
    if (!openEnded && k > q + 5) break;
    if (t.low === 'according' && tokens[k + 1]?.low === 'to') {
      const m = mentionAfter(tokens, k + 2, b);
      if (m) return { mention: m, cue: 'according to' };
      continue;
    }
    if (!isCueAt(tokens, k, -1, true)) continue;
    const m = k === firstWord ? mentionAfter(tokens, k + 1, b) : mentionBefore(tokens, k, firstWord);
    if (m) return { mention: m, cue: t.text };
    if (k !== firstWord) break;
  }
  // "…” at more than 200 schools, according to the organisers."
  for (let k = q + 1; k < b - 1; k++) {
    if (tokens[k]!.kind === 'quote') break;
    if (tokens[k]!.low === 'according' && tokens[k + 1]!.low === 'to') {
      const m = mentionAfter(tokens, k + 2, b);
      if (m) return { mention: m, cue: 'according to' };
    }
  }
  // "A cashier who “steals” is held accountable, Warren said." — a reporting clause ending the sentence.
  const end = tokens[b - 1]?.text === '.' ? b - 2 : b - 1;
  if (end > q + 1 && isCueAt(tokens, end, -1, true)) {
    const m = mentionBefore(tokens, end, q + 1);
    let s = end - 1;
    while (m && s > q && tokens[s]!.start > m.start) s--;
    if (m && m.kind !== 'nominal' && tokens[s - 1]?.text === ',') return { mention: m, cue: tokens[end]!.text };
  }
  // “…,” Scott Roe, the attorney general of a state that sued, … said — a name right after the quote.
  if (openEnded && firstWord >= 0 && (firstWord === q + 1 || (tokens[q + 1]?.text === ',' && firstWord === q + 2))) {
    const m = mentionAfter(tokens, firstWord, b);
    if (m && m.kind === 'name' && tokens.slice(firstWord, Math.min(b, firstWord + 40)).some((x, i) => isCueAt(tokens, firstWord + i, -1))) {
      return { mention: m, cue: '' };
    }
  }
  return null;
}

function before(tokens: Token[], q: number, a: number): Attribution | null {
  for (let k = q - 1; k >= a; k--) {
    const t = tokens[k]!;
    if (!isWord(t)) continue;
    if (t.low === 'according' && tokens[k + 1]?.low === 'to') {
      const m = mentionAfter(tokens, k + 2, q);
      if (m) return { mention: m, cue: 'according to' };
      continue;
    }
    if (!isCueAt(tokens, k, a)) continue;
    const prev = tokens[k - 1];
    // "…, saying" / "…, adding that": the subject is the main clause's, further left.
    if (/ing$/.test(t.low) && (prev?.text === ',' || prev?.kind === 'word' && !prev.cap && !PROGRESSIVE.has(prev.low))) continue;
    const inverted = k === a || prev?.kind === 'quote' || (prev?.text === ',' && tokens[k - 2]?.kind === 'quote');
    const m = inverted ? (mentionAfter(tokens, k + 1, q) ?? mentionBefore(tokens, k, a)) : mentionBefore(tokens, k, a);
    if (m) return { mention: m, cue: t.text };
  }
  return null;
}

/** Cue and mention for the quote token at `q` in tokens[a, b) (its sentence). */
export function attribute(tokens: Token[], q: number, a: number, b: number, partial: boolean, openEnded: boolean): Attribution | null {
  const found = partial ? (before(tokens, q, a) ?? after(tokens, q, b, openEnded)) : (after(tokens, q, b, openEnded) ?? before(tokens, q, a));
  if (found) return found;
  // A cue somewhere in the sentence but no mention next to it (participles): the sentence subject.
  for (let k = a; k < b; k++) if (k !== q && isCueAt(tokens, k, a)) return sentenceSubject(tokens, q, a);
  return null;
}

/** A nominal that names a speaker by what it is ("one European diplomat", "the presidential office"). */
function speakingNominal(m: Mention): boolean {
  const head = m.text.toLowerCase().split(/\s+/).pop() ?? '';
  return PERSON_HEADS.has(head) || SOURCE_HEADS.has(head);
}

/** The subject that opens the sentence ("Reid has gone after Trump as a “…”"), skipping a leading adverbial. */
export function sentenceSubject(tokens: Token[], q: number, a: number, allowNominal = false): Attribution | null {
  while (a < q && tokens[a]!.kind === 'punct') a++;
  // A leading participle phrase ("Following a meeting, the council …") is not the subject.
  if (tokens[a]?.cap && /(ing|ed)$/.test(tokens[a]!.low) && tokens[a + 1] && !tokens[a + 1]!.cap) {
    let k = a;
    while (k < q && tokens[k]!.text !== ',') k++;
    if (k < q) a = k + 1;
  }
  const direct = mentionAfter(tokens, a, q);
  if (direct && (allowNominal || direct.kind !== 'nominal' || speakingNominal(direct))) return { mention: direct, cue: '' };
  // "With leaders worried about turnout, President Ann Roe is …": try after each of the first commas.
  let commas = 0;
  for (let k = a; k < q && k < a + 30 && commas < 3; k++) {
    if (tokens[k]!.text !== ',') continue;
    commas++;
    const m = mentionAfter(tokens, k + 1, q);
    if (m && (allowNominal || m.kind !== 'nominal')) return { mention: m, cue: '' };
  }
  return null;
}

/** For a quote opening a paragraph: the previous paragraph's last sentence ends "…, Smith said:" (or "Smith made this comment:"). */
export function colonLead(tokens: Token[], a: number, b: number): Attribution | null {
  if (b <= a || tokens[b - 1]!.text !== ':') return null;
  return before(tokens, b - 1, a) ?? sentenceSubject(tokens, b - 1, a);
}

/** For a cue-less quote opening a sentence: the reporting verb of the previous sentence ("…, Schiff said. “…”"). */
export function previousReport(tokens: Token[], a: number, b: number): Attribution | null {
  if (b <= a || tokens.slice(a, b).some((t) => t.kind === 'quote')) return null;
  const last = tokens[b - 1]!.text === '.' ? b - 2 : b - 1;
  if (last <= a || !isCueAt(tokens, last, a, true)) return null;
  const m = mentionBefore(tokens, last, a);
  return m && m.kind !== 'nominal' ? { mention: m, cue: tokens[last]!.text } : null;
}
