// Candidate speaker mentions around a quote: every name (with its title), pronoun and nominal
// description ("a senior official", "the ministry") in the quote's paragraph, near its sentence,
// and in the last sentences of the paragraph before when the quote opens its paragraph. The
// ranker (speaker-model.ts) picks one; this module only finds them. Mentions of one sentence are
// found once per article (several quotes share a sentence), so the cost stays linear.
import { cueLemma } from './cues.ts';
import { DETERMINER_WORDS, firstNameGender, DOCUMENT_HEADS, GROUP_WORDS, PERSON_HEADS, SOURCE_HEADS, UNNAMED_HEADS } from './lexicon.ts';
import { mentionAfter } from './mention-after.ts';
import { nameToken, pronounOf, type Mention } from './mentions.ts';
import { isWord, type Token } from './tokens.ts';

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
function mayStart(t: Token, prev: Token | undefined): boolean {
  if (!isWord(t)) return false;
  if (pronounOf(t) !== null) return true;
  if (DETERMINER_WORDS.has(t.low) || GROUP_WORDS.has(t.low)) return true;
  return nameToken(t) && !(nameToken(prev) && !prev!.nl && !t.nl);
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

/** Mentions of one sentence, left to right, not overlapping. */
export function sentenceMentions(tokens: Token[], s: SentenceSpan, sent: number, lowerWords: Set<string>, known: Set<string>): Candidate[] {
  const out: Candidate[] = [];
  for (let k = s.a; k < s.b; k++) {
    const t = tokens[k]!;
    if (!mayStart(t, tokens[k - 1])) continue;
    let m = mentionAfter(tokens, k, s.b);
    if (!m && GROUP_WORDS.has(t.low)) m = groupMention(t);
    if (!m || m.start < t.start || !speaks(m)) continue;
    // A cue word read as a name ("Says") or an empty nominal is no mention.
    if (m.kind === 'name' && (cueLemma(m.text) !== null || commonOpener(tokens, k, s, m, lowerWords, known))) continue;
    const j = lowerBound(tokens, m.end, k + 1, s.b);
    out.push({ m, i: k, j: Math.max(j, k + 1), sent });
    k = Math.max(j, k + 1) - 1;
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
      c = sentenceMentions(this.tokens, this.sentences[sent]!, sent, this.lowerWords, this.known);
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
