// Candidate speaker mentions around a quote: every name (with its title), pronoun and nominal
// description ("a senior official", "the ministry") in the quote's paragraph, near its sentence,
// and in the last sentences of the paragraph before when the quote opens its paragraph. The
// ranker (speaker-model.ts) picks one; this module only finds them. Mentions of one sentence are
// found once per article (several quotes share a sentence), so the cost stays linear.
import * as cuesModule from './cues.ts';
import * as lexiconModule from './lexicon.ts';
import * as mentionAfterModule from './mention-after.ts';
import * as mentionsModule from './mentions.ts';
import type { Mention } from './mentions.ts';
import * as nonSpeakersModule from './non-speakers.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { cueLemma } = cuesModule;
const { DATE_WORDS, DETERMINER_WORDS, DOCUMENT_HEADS, FIELD_OR_PLACE_WORDS, firstNameGender, GROUP_WORDS, ORG_WORDS, PERSON_HEADS, SOURCE_HEADS, TITLE_FUNCTION_WORDS, UNNAMED_HEADS } = lexiconModule;
const { mentionAfter } = mentionAfterModule;
const { nameToken, pronounOf } = mentionsModule;
const { datelineEnd, placeOrGroupWord } = nonSpeakersModule;
const { isWord } = tokensModule;

export interface SentenceSpan {
  /** Token range [a, b). */
  a: number;
  b: number;
  /** Paragraph number (0-based). */
  para: number;
  /** Character offset where the sentence ends. */
  end: number;
}

export interface Candidate {
  m: Mention;
  /** Token range [i, j) of the mention. */
  i: number;
  j: number;
  /** Index of its sentence. */
  sent: number;
}

function lowerBound(tokens: Token[], offset: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a mention could start at token k (cheap test before the mention parser runs). */
function mayStart(tokens: Token[], k: number, b: number): boolean {
  const t = tokens[k]!;
  if (!isWord(t)) return false;
  if (pronounOf(t) !== null || GROUP_WORDS.has(t.low)) return true;
  if (DETERMINER_WORDS.has(t.low)) return headAhead(tokens, k, b);
  const prev = tokens[k - 1];
  return nameToken(t) && !(nameToken(prev) && !prev!.nl && !t.nl);
}

const HEADS = new Set([...PERSON_HEADS, ...SOURCE_HEADS, ...GROUP_WORDS, ...UNNAMED_HEADS, ...DOCUMENT_HEADS]);

/**
 * Whether a mention opening with the determiner at k can speak: a capitalised word or a noun that
 * can speak comes before the phrase ends. Most determiners open phrases that cannot ("the end of
 * the year"), and this test spares them the mention parser.
 */
function headAhead(tokens: Token[], k: number, b: number): boolean {
  for (let x = k + 1; x < b && x <= k + 12; x++) {
    const t = tokens[x]!;
    if (t.kind !== 'word') return t.text === ',' && nameToken(tokens[x + 1]);
    if (t.cap || HEADS.has(t.low)) return true;
  }
  return false;
}

/** A nominal is kept only when its head can speak (a person, a group or a source). */
function speaks(m: Mention): boolean {
  if (m.kind !== 'nominal') return true;
  const head = m.text.toLowerCase().split(/\s+/).pop() ?? '';
  return PERSON_HEADS.has(head) || SOURCE_HEADS.has(head) || GROUP_WORDS.has(head) || UNNAMED_HEADS.has(head) || DOCUMENT_HEADS.has(head);
}

function groupMention(t: Token): Mention {
  return { kind: 'nominal', text: t.text, role: t.text, honorific: null, isOrg: false, start: t.start, end: t.end };
}

/**
 * A lone capitalised word opening a sentence that the article never uses as a name and that reads
 * as an adverb, gerund, adjective or common noun ("Shortly", "Knowing", "Regular", "Bombs"): not a
 * mention. Words the article also writes in lowercase count as common words.
 */
function commonOpener(tokens: Token[], k: number, s: SentenceSpan, m: Mention, lowerWords: Set<string>, known: Set<string>): boolean {
  if (m.kind !== 'name' || m.honorific || m.role || m.text.includes(' ')) return false;
  const t = tokens[k]!;
  if (k !== s.a && !(k === s.a + 1 && !isWord(tokens[s.a]))) return false;
  if (known.has(t.low) || firstNameGender(t.low) !== undefined) return false;
  return lowerWords.has(t.low) || /(ly|ing|ed)$/.test(t.low);
}

/** A sentence-opening common word read as the first word of a multi-word name: the name starts after it. */
function fusedOpener(tokens: Token[], k: number, s: SentenceSpan, m: Mention, lowerWords: Set<string>, known: Set<string>): boolean {
  const t = tokens[k]!;
  if (k !== s.a || m.kind !== 'name' || m.honorific || !m.text.includes(' ') || !m.text.startsWith(t.text)) return false;
  if (known.has(t.low) || firstNameGender(t.low) !== undefined) return false;
  return lowerWords.has(t.low) || /(ly|ing|ed|en)$/.test(t.low);
}

const CREDIT_WORDS = new Set(['photo', 'photograph', 'credit', 'image', 'courtesy', 'illustration', 'video', 'source', 'file']);

/** A photo credit or agency line ("© Ana Ruiz/Getty", "Photo: Ana Ruiz"): never a speaker. */
function credit(tokens: Token[], i: number, j: number): boolean {
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  if (p1?.text === '©' || p1?.text === '/' || tokens[j]?.text === '/') return true;
  return (p1?.text === ':' && p2 !== undefined && CREDIT_WORDS.has(p2.low)) || (p1 !== undefined && CREDIT_WORDS.has(p1.low) && p1.cap);
}

/**
 * Capitalised runs that are not people: a date or holiday ("Christmas Day"), a field of study or a
 * place ("Indigenous Studies", "the South Shore"), a work's title ("Got Me Fired"). A run opening
 * with a known first name stays a name ("Kristen Day", "Jim Hall").
 */
function notAPerson(m: Mention): boolean {
  if (m.kind !== 'name' || m.honorific) return false;
  const words = m.text.replace(/^the\s+/, '').toLowerCase().split(/\s+/).map((w) => w.replace(/['’]s?$/, ''));
  if (firstNameGender(words[0]!) !== undefined && words.length > 1) return false;
  const last = words[words.length - 1]!;
  if (DATE_WORDS.has(last) && (words.length > 1 || HOLIDAYS.has(last))) return true;
  if (FIELD_OR_PLACE_WORDS.has(last) && !words.some((w) => ORG_WORDS.has(w))) return true;
  if (placeOrGroupWord(words, m.text)) return true;
  return words.slice(1).some((w) => TITLE_FUNCTION_WORDS.has(w));
}

const HOLIDAYS = new Set(['christmas', 'easter', 'thanksgiving', 'ramadan', 'eid', 'hanukkah', 'diwali', 'passover', 'halloween']);

/** The listener of "told": "she told Harbour Radio" names who heard, not who spoke. */
const toldObject = (tokens: Token[], i: number): boolean => isWord(tokens[i - 1]) && cueLemma(tokens[i - 1]!.low) === 'tell';

/** Mentions of one sentence, left to right, not overlapping. */
export function sentenceMentions(tokens: Token[], s: SentenceSpan, sent: number, lowerWords: Set<string>, known: Set<string>, opensParagraph = false): Candidate[] {
  const out: Candidate[] = [];
  const dateline = opensParagraph ? datelineEnd(tokens, s.a, s.b) : -1;
  for (let k = Math.max(s.a, dateline + 1); k < s.b; k++) {
    const t = tokens[k]!;
    if (!mayStart(tokens, k, s.b)) continue;
    let m = mentionAfter(tokens, k, s.b);
    if (!m && GROUP_WORDS.has(t.low)) m = groupMention(t);
    // "Given Roe's record", "Marking the day, Roe": a sentence-opening common word fused with a name.
    if (m && fusedOpener(tokens, k, s, m, lowerWords, known)) continue;
    if (!m || m.start < t.start || !speaks(m)) continue;
    // A cue word read as a name ("Says") or an empty nominal is no mention.
    if (m.kind === 'name' && (cueLemma(m.text) !== null || commonOpener(tokens, k, s, m, lowerWords, known))) continue;
    const j = Math.max(lowerBound(tokens, m.end, k + 1, s.b), k + 1);
    if (!credit(tokens, k, j) && !notAPerson(m) && !toldObject(tokens, k)) out.push({ m, i: k, j, sent });
    k = j - 1;
  }
  return out;
}

/** Per-article cache of sentence mentions. */
export class MentionCache {
  private readonly cache = new Map<number, Candidate[]>();
  constructor(
    private readonly tokens: Token[],
    private readonly sentences: SentenceSpan[],
    private readonly lowerWords: Set<string>,
    private readonly known: Set<string>,
  ) {}

  of(sent: number): Candidate[] {
    let c = this.cache.get(sent);
    if (!c) {
      const s = this.sentences[sent]!;
      const opens = sent === 0 || this.sentences[sent - 1]!.para !== s.para;
      c = sentenceMentions(this.tokens, s, sent, this.lowerWords, this.known, opens);
      this.cache.set(sent, c);
    }
    return c;
  }
}

/**
 * Sentences searched for the speaker of a quote in sentence `si`: up to three before and one after
 * in the same paragraph; when the quote opens its paragraph, also the last two sentences of the
 * paragraph before (a quote-only paragraph continues the previous speaker's).
 */
export function windowSentences(sentences: SentenceSpan[], si: number, opensParagraph: boolean): number[] {
  const para = sentences[si]!.para;
  const out: number[] = [];
  let k = si - 1;
  for (; k >= 0 && k >= si - 3 && sentences[k]!.para === para; k--) out.unshift(k);
  if (opensParagraph) {
    for (let n = 0; k >= 0 && n < 2 && sentences[k]!.para >= para - 1; k--, n++) out.unshift(k);
  }
  out.push(si);
  if (si + 1 < sentences.length && sentences[si + 1]!.para === para) out.push(si + 1);
  return out;
}
