// Features of one (quote, candidate speaker) pair for the learned ranker. Every feature is a short
// string; the model's weight for it is learned (scripts/train-quotes.ts). Features describe the
// frame, never particular words of a data set: side and distance, same or adjacent sentence and
// paragraph, the cue verb next to the mention, "according to", colon introductions, "a call from X",
// "X's call for", subject position, kind of mention, name-likeness from the name lexicon and the
// article, and whether the candidate is the previous quote's speaker or the rule reading's pick.
import * as cuesModule from './cues.ts';
import * as lexiconModule from './lexicon.ts';
import type { Candidate, SentenceSpan } from './speaker-candidates.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { CUE_FILLERS, cueLemma, isStrongCue } = cuesModule;
const { firstNameGender, GROUP_WORDS, ORG_WORDS, PERSON_HEADS, SOURCE_HEADS, SPEECH_NOUNS } = lexiconModule;
const { isWord } = tokensModule;

export interface QuoteFrame {
  tokens: Token[];
  sentences: SentenceSpan[];
  /** Quote token and its sentence. */
  q: number;
  si: number;
  partial: boolean;
  openEnded: boolean;
  /** The quote opens its paragraph. */
  opensParagraph: boolean;
  /** Words the article also uses in lowercase ("knowing", "regular"): weak evidence against a name. */
  lowerWords: Set<string>;
  /** Multi-word names seen in the article, lowercased word -> true (surname or first name). */
  knownNameWords: Set<string>;
}

const FREQUENT = new Set(['say', 'tell', 'add', 'write', 'ask', 'note', 'explain', 'argue', 'claim', 'warn', 'call', 'continue', 'report', 'describe']);
const PREPS = new Set(['to', 'with', 'by', 'from', 'for', 'of', 'at', 'on', 'in', 'about', 'against', 'than', 'between', 'like', 'and']);

function cueClass(t: Token | undefined, strongOnly = false): string | null {
  if (!isWord(t) || (t.cap && t.low !== 'says' && t.low !== 'said')) return null;
  const l = cueLemma(t.low);
  if (l === null) return null;
  if (strongOnly && !isStrongCue(t.low)) return null;
  return FREQUENT.has(l) ? l : isStrongCue(t.low) ? 'strong' : 'weak';
}

/** First token after j that is not a filler ("has also said"). */
function skipFillers(tokens: Token[], j: number, hi: number): number {
  let k = j;
  while (k < hi && isWord(tokens[k]) && !tokens[k]!.cap && (CUE_FILLERS.has(tokens[k]!.low) || tokens[k]!.low.endsWith('ly'))) k++;
  return k;
}

const bucket = (d: number): string => (d <= 0 ? '0' : d === 1 ? '1' : d <= 3 ? '2-3' : d <= 6 ? '4-6' : d <= 12 ? '7-12' : d <= 25 ? '13-25' : 'far');

function kindOf(c: Candidate): string {
  const m = c.m;
  if (m.kind === 'pronoun') return `pro-${m.text}`;
  if (m.kind === 'nominal') return 'nominal';
  return m.isOrg ? 'org' : 'name';
}

/** The cue verb right after the mention ("X said", "X has also said") or right before it ("said X"). */
function cueFeatures(f: QuoteFrame, c: Candidate, out: string[]): void {
  const { tokens } = f;
  const s = f.sentences[c.sent]!;
  const after = skipFillers(tokens, c.j, s.b);
  const cueR = cueClass(tokens[after]);
  if (cueR) out.push(`cueR=${cueR}`, after === c.j ? 'cueR-adj' : 'cueR-fill');
  const cueL = c.i > s.a ? cueClass(tokens[c.i - 1]) : null;
  if (cueL) out.push(`cueL=${cueL}`);
  if (tokens[c.j]?.text === ':' || tokens[after]?.text === ':') out.push('colon-after');
}

/** What stands right before the mention: "according to", a preposition, "a call from", "told". */
function leftFeatures(f: QuoteFrame, c: Candidate, out: string[]): void {
  const p1 = f.tokens[c.i - 1];
  const p2 = f.tokens[c.i - 2];
  if (p1?.low === 'to' && p2?.low === 'according') out.push('according');
  else if (isWord(p1) && PREPS.has(p1.low)) out.push(`prep=${p1.low}`);
  if (p1?.low === 'from' && isWord(p2) && SPEECH_NOUNS.has(p2.low)) out.push('speech-from');
  if (isWord(p1) && cueLemma(p1.low) === 'tell') out.push('told-object');
  if (p1?.kind === 'quote' || (p1?.text === ',' && p2?.kind === 'quote')) out.push('quote-before');
}

/** Punctuation and speech nouns around the mention, and its place in the sentence. */
function frameFeatures(f: QuoteFrame, c: Candidate, out: string[]): void {
  const { tokens } = f;
  const s = f.sentences[c.sent]!;
  const n1 = tokens[c.j];
  const possessive = /['’]s?$/.test(tokens[c.j - 1]!.text);
  if (possessive && isWord(n1) && SPEECH_NOUNS.has(n1.low)) out.push('poss-speech');
  else if (possessive && isWord(n1) && !n1.cap) out.push('poss-owner');
  // "the Roe campaign", "Roe aide Ana Ruiz": the name modifies a noun that follows it.
  else if (isWord(n1) && !n1.cap && (PERSON_HEADS.has(n1.low) || SOURCE_HEADS.has(n1.low) || GROUP_WORDS.has(n1.low))) out.push('modifier');
  // ", Ana Ruiz," after a noun phrase: an apposition naming the person just described.
  if (tokens[c.i - 1]?.text === ',' && n1?.text === ',' && isWord(tokens[c.i - 2]) && !tokens[c.i - 2]!.cap) out.push('appositive');
  if (n1?.text === ',') out.push('comma-after');
  if (n1?.kind === 'quote') out.push('quote-after');
  const p1 = tokens[c.i - 1];
  if (c.i === s.a || (c.i === s.a + 1 && !isWord(tokens[s.a]))) out.push('sent-init');
  else if (p1?.text === ',' || p1?.text === ';') out.push('after-comma');
  if (tokens[s.b - 1]?.text === ':' && c.sent < f.si) out.push('colon-intro');
}

/** Features of the words around the mention (the model sums weights, so their order does not matter). */
function contextFeatures(f: QuoteFrame, c: Candidate, out: string[]): void {
  cueFeatures(f, c, out);
  leftFeatures(f, c, out);
  frameFeatures(f, c, out);
}

function positionFeatures(f: QuoteFrame, c: Candidate, out: string[]): void {
  const left = c.j <= f.q;
  const side = left ? 'L' : 'R';
  const rel = c.sent - f.si;
  const sameParagraph = f.sentences[c.sent]!.para === f.sentences[f.si]!.para;
  out.push(`side=${side}`, `rel=${rel}${sameParagraph ? '' : '-para'}`);
  const d = left ? f.q - c.j : c.i - f.q - 1;
  out.push(`dist${side}=${bucket(d)}`);
  // Another quote between the mention and this quote: the mention more likely frames that one.
  const lo = left ? c.j : f.q + 1;
  const hi = left ? f.q : c.i;
  for (let k = lo; k < hi; k++) if (f.tokens[k]!.kind === 'quote') { out.push('quote-between'); break; }
  out.push(`q=${f.partial ? 'partial' : 'direct'}${f.openEnded ? '-open' : ''}`);
  if (f.q === f.sentences[f.si]!.a) out.push('q-opens-sentence');
}

/** A lone capitalised word nobody else in the article carries as a name: often an adverb, gerund or plural ("Shortly", "Knowing", "Bombs"). */
function loneWordFeatures(f: QuoteFrame, c: Candidate, first: string, out: string[]): void {
  out.push(c.i === f.sentences[c.sent]!.a ? 'single-unknown-init' : 'single-unknown');
  const sfx = /ly$/.test(first) ? 'ly' : /ing$/.test(first) ? 'ing' : /ed$/.test(first) ? 'ed' : /[^s]s$/.test(first) ? 's' : null;
  if (sfx) out.push(`sfx-${sfx}`);
}

function nominalFeature(text: string): string {
  if (/^(a|an|one|another)\s/i.test(text)) return 'nominal-indef';
  return /^(the|this|that)\s/i.test(text) ? 'nominal-def' : 'nominal-other';
}

/** How much a name mention looks like a person's name (lexicon, article, shape). */
function nameFeatures(f: QuoteFrame, c: Candidate, out: string[]): void {
  const m = c.m;
  if (m.kind === 'nominal') out.push(nominalFeature(m.text));
  if (m.kind !== 'name') return;
  const words = m.text.replace(/^the\s+/, '').split(/\s+/);
  out.push(`nwords=${Math.min(words.length, 4)}`);
  const first = words[0]!.toLowerCase();
  const last = words[words.length - 1]!.toLowerCase().replace(/['’]s?$/, '');
  const inLexicon = firstNameGender(first) !== undefined;
  if (inLexicon) out.push('first-in-lexicon');
  if (f.lowerWords.has(first)) out.push('first-seen-lower');
  if (words.length === 1 && f.knownNameWords.has(last)) out.push('known-surname');
  else if (words.length === 1 && !inLexicon) loneWordFeatures(f, c, first, out);
  if (words.some((w) => ORG_WORDS.has(w.toLowerCase()))) out.push('org-word');
  if (m.role) out.push('has-role');
  if (m.honorific) out.push('honorific');
  if (/^\p{Lu}+$/u.test(words[0]!) && words[0]!.length > 1) out.push('acronym');
  if (m.text.startsWith('the ')) out.push('the-name');
}

const RANKS = ['rank=0', 'rank=1', 'rank=2'];
const crossings = new Map<string, Map<string, string>>();

/**
 * `${where}|${x}`, one string object per pair: a string made once keeps its hash, so the weight
 * lookups of the many quotes that share a pair do not hash a new string each time. The pairs are
 * few (positions x context features), so the memo stays small.
 */
function crossed(where: string, x: string): string {
  let byX = crossings.get(where);
  if (!byX) crossings.set(where, (byX = new Map()));
  let s = byX.get(x);
  if (s === undefined) byX.set(x, (s = `${where}|${x}`));
  return s;
}

/**
 * Feature strings of candidate `c` for the quote in `f`. `rank` is the candidate's order among
 * those on its side (0 = nearest); `rule` whether the rule reading picked it; `prev` whether it
 * is the previous quote's speaker.
 */
export function candidateFeatures(f: QuoteFrame, c: Candidate, rank: number, rule: boolean, prev: boolean): FeatureSet {
  const base: string[] = [];
  positionFeatures(f, c, base);
  const ctx: string[] = [];
  contextFeatures(f, c, ctx);
  // The same cue means something else beside the quote's own sentence than two sentences away.
  const where = `${c.j <= f.q ? 'L' : 'R'}${Math.max(-2, c.sent - f.si)}${f.q === f.sentences[f.si]!.a ? 'i' : ''}`;
  for (const x of ctx) base.push(x, crossed(where, x));
  if (rule) base.push(crossed(where, 'rule'));
  base.push(crossed(where, RANKS[Math.min(rank, 2)]!));
  nameFeatures(f, c, base);
  base.push(`rank=${Math.min(rank, 3)}`);
  if (rule) base.push('rule');
  if (prev) base.push('prev-speaker');
  const kind = kindOf(c);
  // Each base feature also counts crossed with the coarse kind of mention ("pro|side=L"); the
  // crossed strings are made only for training (featureStrings), scoring looks them up in two steps.
  return { head: ['bias', `kind=${kind}`], base, coarse: kind.startsWith('pro-') ? 'pro' : kind };
}

/**
 * The features of one option: `head` as they are, and each of `base` alone and crossed with
 * `coarse` ("pro|x"); `coarse` is null when `base` is not crossed.
 */
export interface FeatureSet {
  head: string[];
  base: string[];
  coarse: string | null;
}

/** Every feature string of a set, in scoring order. */
export function featureStrings(fs: FeatureSet): string[] {
  const out = [...fs.head];
  for (const x of fs.base) {
    out.push(x);
    if (fs.coarse !== null) out.push(`${fs.coarse}|${x}`);
  }
  return out;
}

/** Features of the "previous speaker goes on" choice, for a quote without a mention of its own. */
export function continuationFeatures(f: QuoteFrame, paragraphsBack: number, hasCueInSentence: boolean, prevContinues: boolean): FeatureSet {
  const out = ['cont', `cont-para=${Math.min(paragraphsBack, 3)}`, `cont-q=${f.partial ? 'partial' : 'direct'}`];
  if (f.opensParagraph) out.push('cont-opens-para');
  if (f.q === f.sentences[f.si]!.a) out.push('cont-opens-sentence');
  if (hasCueInSentence) out.push('cont-cue-in-sentence');
  if (prevContinues) out.push('cont-marked');
  return { head: out, base: [], coarse: null };
}
