// The rule reading of a quote's frame: the cue and mention that the grammar of the sentence points
// to ("…,” said X / X warned that “…” / according to X / X said: “…”). It is one input of the
// learned ranker (a strong feature, not the decision), and it resolves pronouns by preferring the
// subject of the clause or sentence before over the last name seen.
import { attribute, colonLead, previousReport, sentenceSubject, type Attribution } from './attribution.ts';
import type { ArticleIndex, Person } from './coref.ts';
import * as corefModule from './coref.ts';
import * as lexiconModule from './lexicon.ts';
import type { Mention } from './mentions.ts';
import type { SentenceSpan } from './speaker-candidates.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { describe } = corefModule;
const { firstNameGender, PERSON_HEADS, UNNAMED_HEADS } = lexiconModule;

export interface RuleReading {
  att: Attribution | null;
  person: Person | null;
}

export interface ReadingInput {
  tokens: Token[];
  sentences: SentenceSpan[];
  index: ArticleIndex;
  q: number;
  si: number;
  partial: boolean;
  openEnded: boolean;
  /** Per-article memo of the subject that opens each sentence (sentence index -> subject), shared by its quotes. */
  subjects?: Map<number, Attribution | null>;
}

function previousSentenceFrame(inp: ReadingInput): Attribution | null {
  const { tokens, sentences, q, si } = inp;
  const s = sentences[si]!;
  if (q !== s.a || si === 0) return null;
  const ps = sentences[si - 1]!;
  return colonLead(tokens, ps.a, ps.b) ?? (ps.para === s.para ? previousReport(tokens, ps.a, ps.b) : null);
}

/** The rule reading of the quote token `q`: cue, mention and the person it resolves to. */
export function ruleReading(inp: ReadingInput): RuleReading {
  const { tokens, sentences, q, si } = inp;
  const s = sentences[si]!;
  let att = attribute(tokens, q, s.a, s.b, inp.partial, inp.openEnded) ?? previousSentenceFrame(inp);
  // "…a new message: “…”": a colon hands the quote to the sentence subject.
  if (!att && q > s.a && tokens[q - 1]!.text === ':') att = sentenceSubject(tokens, q, s.a, true);
  if (!att) return { att: null, person: null };
  return { att, person: resolveMention(inp, att.mention) };
}

/** A subject that can be a pronoun's antecedent: a full name, an honorific, or a name known or in the lexicon. */
function personLike(inp: ReadingInput, m: Mention): boolean {
  if (m.kind === 'nominal') return unnamedPerson(m);
  if (m.kind !== 'name' || m.isOrg) return false;
  if (m.text.includes(' ') || m.honorific) return true;
  return inp.index.partOfName(m.text) || firstNameGender(m.text.toLowerCase()) !== undefined;
}

/** "a 23-year-old paratrooper", "one official": someone introduced without a name, who can be "he" or "she" later. */
function unnamedPerson(m: Mention): boolean {
  const head = m.text.toLowerCase().split(/\s+/).pop() ?? '';
  return /^(a|an|one)\s/i.test(m.text) && (PERSON_HEADS.has(head) || UNNAMED_HEADS.has(head));
}

function subjectOf(inp: ReadingInput, k: number): Attribution | null {
  const memo = inp.subjects?.get(k);
  if (memo !== undefined) return memo;
  const ps = inp.sentences[k]!;
  const subj = sentenceSubject(inp.tokens, ps.b, ps.a, true);
  inp.subjects?.set(k, subj);
  return subj;
}

/** Subjects of up to three sentences before `si` (nearest first), for pronoun antecedents. */
function earlierSubjects(inp: ReadingInput, before: number): Mention[] {
  const out: Mention[] = [];
  const { tokens, sentences, si } = inp;
  const own = sentenceSubject(tokens, before, sentences[si]!.a);
  if (own && personLike(inp, own.mention) && own.mention.start < tokens[before]!.start) out.push(own.mention);
  for (let k = si - 1; k >= 0 && k >= si - 3 && sentences[k]!.para >= sentences[si]!.para - 1; k--) {
    const subj = subjectOf(inp, k);
    if (subj && personLike(inp, subj.mention)) out.push(subj.mention);
  }
  return out;
}

function indexOfOffset(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The person a pronoun refers to: the subject of its own clause, else of the sentences before
 * (a subject carries over, a name in a side clause does not), else the most recent compatible
 * person. "he"/"she" never resolve to an organisation.
 */
export function resolvePronoun(inp: ReadingInput, m: Mention): Person | null {
  const at = indexOfOffset(inp.tokens, m.start);
  for (const subj of earlierSubjects(inp, at)) {
    if (subj.kind === 'nominal') return m.text === 'he' || m.text === 'she' ? describe(subj.text, false) : null;
    const p = inp.index.resolve(subj, subj.start);
    if (p && inp.index.compatible(p, m.text)) return p;
  }
  return inp.index.pronoun(m.text, m.start);
}

/** The named people that open the sentences before mention `m`, nearest first. */
function subjectPersons(inp: ReadingInput, m: Mention): Person[] {
  const out: Person[] = [];
  for (const subj of earlierSubjects(inp, indexOfOffset(inp.tokens, m.start))) {
    if (subj.kind !== 'name' || subj.start === m.start) continue;
    const p = inp.index.resolve(subj, subj.start);
    if (p) out.push(p);
  }
  return out;
}

/** Resolves a mention to a person; an unresolvable nominal falls back to the sentence subject. */
export function resolveMention(inp: ReadingInput, m: Mention): Person | null {
  if (m.kind === 'pronoun') return resolvePronoun(inp, m);
  const p = inp.index.resolve(m, m.start, () => subjectPersons(inp, m));
  if (p || m.kind !== 'nominal') return p;
  const s = inp.sentences[inp.si]!;
  const subj = sentenceSubject(inp.tokens, inp.q, s.a);
  return subj && subj.mention.kind === 'name' ? inp.index.resolve(subj.mention, subj.mention.start) : null;
}
