// Finds the cue and the speaker mention of one quote inside its sentence (quotes masked out).
// Order: a cue right after the quote ("…,” said Oduya / “…,” he told MEPs / “…,” Smith, the
// mayor, said / “…” ― Name), then the nearest cue before it ("Smith warned that …", "according
// to Smith"); partial quotes try the governing verb before first. Participles after a comma
// ("…, adding that") hand over to the next cue further left, then to the sentence subject.
// Weak cues (call, believe, continue…) count only right before a quote, a colon or "that".
import * as cueAtModule from './cue-at.ts';
import * as lexiconModule from './lexicon.ts';
import * as mentionAfterModule from './mention-after.ts';
import * as mentionsModule from './mentions.ts';
import type { Mention } from './mentions.ts';
import * as nonSpeakersModule from './non-speakers.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { isCueAt, STOP_AFTER } = cueAtModule;
const { PERSON_HEADS, SOURCE_HEADS } = lexiconModule;
const { mentionAfter } = mentionAfterModule;
const { mentionBefore } = mentionsModule;
const { datelineEnd } = nonSpeakersModule;
const { isWord } = tokensModule;

export interface Attribution {
  mention: Mention;
  cue: string;
}

const DASHES = new Set(['―', '—', '–']);
/** Words before an -ing cue that keep it a finite verb ("she is describing", "he was saying"). */
const PROGRESSIVE = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'is', 'was', 'are', 'were', 'been', 'be', 'also', 'now', 'still', 'repeatedly', 'again', 'keeps', 'kept']);

/** Clauses after a quote that start with these belong to someone else ("…,” when Roe interrupted him). */
const SUBORDINATE = new Set(['when', 'because', 'while', 'after', 'before', 'if', 'since', 'although', 'though', 'but', 'and', 'as', 'which', 'who', 'that']);

/** “…” ― Name (reader comments, epigraphs). */
function dashCredit(tokens: Token[], q: number, b: number): Attribution | null {
  const first = tokens[q + 1];
  if (!first || !DASHES.has(first.text)) return null;
  const m = mentionAfter(tokens, q + 2, b);
  return m && m.kind === 'name' ? { mention: m, cue: first.text } : null;
}

/** A quote, or the end of the sentence ("D-Val.," inside an apposition is not its end). */
const endsFrame = (tokens: Token[], k: number): boolean =>
  tokens[k]!.kind === 'quote' || (STOP_AFTER.has(tokens[k]!.text) && !(tokens[k]!.text === '.' && tokens[k + 1]?.text === ','));

/** One word of the frame after a quote: an "according to", a cue with its mention, 'stop', or nothing. */
function cueStep(tokens: Token[], k: number, b: number, firstWord: number): Attribution | 'stop' | null {
  const t = tokens[k]!;
  if (t.low === 'according' && tokens[k + 1]?.low === 'to') {
    const m = mentionAfter(tokens, k + 2, b);
    return m ? { mention: m, cue: 'according to' } : null;
  }
  if (!isCueAt(tokens, k, -1, true)) return null;
  const m = k === firstWord ? mentionAfter(tokens, k + 1, b) : mentionBefore(tokens, k, firstWord);
  if (m) return { mention: m, cue: t.text };
  return k !== firstWord ? 'stop' : null;
}

/** The cue right after the quote ("…,” said Oduya / “…,” he told MEPs); also the first word after it. */
function cueAfterQuote(tokens: Token[], q: number, b: number, openEnded: boolean): { att: Attribution | null; firstWord: number } {
  let firstWord = -1;
  for (let k = q + 1; k < b && k <= q + 18; k++) {
    const t = tokens[k]!;
    if (t.text === '(') {
      while (k < b && tokens[k]!.text !== ')') k++;
      continue;
    }
    if (endsFrame(tokens, k)) break;
    if (!isWord(t)) continue;
    if (firstWord < 0) {
      firstWord = k;
      if (SUBORDINATE.has(t.low)) break;
    }
    // After a quote that ended its sentence, only "….” Smith said." right after it.
    if (!openEnded && k > q + 5) break;
    const step = cueStep(tokens, k, b, firstWord);
    if (step === 'stop') break;
    if (step) return { att: step, firstWord };
  }
  return { att: null, firstWord };
}

/** "…” at more than 200 schools, according to the organisers." */
function laterAccordingTo(tokens: Token[], q: number, b: number): Attribution | null {
  for (let k = q + 1; k < b - 1; k++) {
    if (tokens[k]!.kind === 'quote') break;
    if (tokens[k]!.low !== 'according' || tokens[k + 1]!.low !== 'to') continue;
    const m = mentionAfter(tokens, k + 2, b);
    if (m) return { mention: m, cue: 'according to' };
  }
  return null;
}

/** "A ferry that runs “late” is fined, Roe said.": a reporting clause ending the sentence. */
function closingReport(tokens: Token[], q: number, b: number): Attribution | null {
  const end = tokens[b - 1]?.text === '.' ? b - 2 : b - 1;
  if (end <= q + 1 || !isCueAt(tokens, end, -1, true)) return null;
  const m = mentionBefore(tokens, end, q + 1);
  if (!m || m.kind === 'nominal') return null;
  let s = end - 1;
  while (s > q && tokens[s]!.start > m.start) s--;
  return tokens[s - 1]?.text === ',' ? { mention: m, cue: tokens[end]!.text } : null;
}

/** “…,” Scott Roe, the attorney general of a state that sued, … said: a name right after the quote. */
function nameRightAfter(tokens: Token[], q: number, b: number, firstWord: number): Attribution | null {
  if (firstWord < 0 || !(firstWord === q + 1 || (tokens[q + 1]?.text === ',' && firstWord === q + 2))) return null;
  const m = mentionAfter(tokens, firstWord, b);
  if (!m || m.kind !== 'name') return null;
  const cued = tokens.slice(firstWord, Math.min(b, firstWord + 40)).some((_, i) => isCueAt(tokens, firstWord + i, -1));
  return cued ? { mention: m, cue: '' } : null;
}

function after(tokens: Token[], q: number, b: number, openEnded: boolean): Attribution | null {
  const dash = dashCredit(tokens, q, b);
  if (dash) return dash;
  const { att, firstWord } = cueAfterQuote(tokens, q, b, openEnded);
  const found = att ?? laterAccordingTo(tokens, q, b) ?? closingReport(tokens, q, b);
  return found ?? (openEnded ? nameRightAfter(tokens, q, b, firstWord) : null);
}

/** "…, saying" / "…, adding that": a participle whose subject is the main clause's, further left. */
function participle(t: Token, prev: Token | undefined): boolean {
  if (!/ing$/.test(t.low)) return false;
  return prev?.text === ',' || (prev?.kind === 'word' && !prev.cap && !PROGRESSIVE.has(prev.low));
}

/** The cue at k, before the quote at q, with its mention ("Smith warned that …", "said Smith: …"). */
function cueBefore(tokens: Token[], k: number, q: number, a: number): Attribution | null {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  if (participle(t, prev)) return null;
  const inverted = k === a || prev?.kind === 'quote' || (prev?.text === ',' && tokens[k - 2]?.kind === 'quote');
  const m = inverted ? (mentionAfter(tokens, k + 1, q) ?? mentionBefore(tokens, k, a)) : mentionBefore(tokens, k, a);
  return m ? { mention: m, cue: t.text } : null;
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
    const found = cueBefore(tokens, k, q, a);
    if (found) return found;
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

/** Start of the subject: after leading punctuation and a participle phrase ("Following a meeting, the council …"). */
function subjectStart(tokens: Token[], q: number, a: number): number {
  const dateline = datelineEnd(tokens, a, q);
  if (dateline >= 0) a = dateline + 1;
  while (a < q && tokens[a]!.kind === 'punct') a++;
  const t = tokens[a];
  if (!t?.cap || !/(ing|ed)$/.test(t.low) || !tokens[a + 1] || tokens[a + 1]!.cap) return a;
  let k = a;
  while (k < q && tokens[k]!.text !== ',') k++;
  return k < q ? k + 1 : a;
}

/** The subject that opens the sentence ("Roe has long described Marin as a “…”"), skipping a leading adverbial. */
export function sentenceSubject(tokens: Token[], q: number, a: number, allowNominal = false): Attribution | null {
  a = subjectStart(tokens, q, a);
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
