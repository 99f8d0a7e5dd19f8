// Extractive question answering helpers: what a question asks for, and how well a sentence
// answers it. Weights are inverse document frequency over the candidate articles, so words every
// article shares (the topic itself) count little and words no article has count most: a question
// whose key words appear nowhere is recognised as one "the sources do not say".
import { contentStems, words } from './stem.ts';
import { alternatives, repairWord } from './answer-terms.ts';

export type QuestionKind =
  /**
   * "What did <subject> say (about X)?". `subject` is as written, with a leading "the" kept
   * ("the energy minister", "Brandt", "officials"); `person` is the same without the determiner.
   */
  | { kind: 'person'; person: string; subject: string; about: string | null }
  /**
   * "Who said <words>" / "who said what about <topic>". `phrase` is set when the words may be the
   * quoted words themselves (no "about"/"on" before them); `quoted` when the asker put them in quotes.
   */
  | { kind: 'who-said'; about: string; phrase: string | null; quoted: boolean }
  | { kind: 'general' };

const PERSON = /^\s*what\s+(?:did|does|has|have|had)\s+(.+?)\s+(?:say|said|tell|told|claim|claimed|think)\b(?:\s+(?:about|on|regarding|of)\s+(.+?))?\s*[?.!]*\s*$/i;
const PERSON_2 = /^\s*what\s+(?:is|was)\s+(.+?)\s+saying\b(?:\s+(?:about|on)\s+(.+?))?\s*[?.!]*\s*$/i;
const WHO_SAID = /^\s*who\s+(?:said|says|has said|is saying)\s+(what\s+)?((?:about|on|regarding)\s+)?(.+?)\s*[?.!]*\s*$/i;
const QUOTED = /^["“”'‘’«»„]+\s*(.*?)\s*["“”'‘’«»„]+$/su;

export function classifyQuestion(q: string): QuestionKind {
  const m = PERSON.exec(q) ?? PERSON_2.exec(q);
  if (m) {
    const subject = m[1]!.trim().replace(/^(the|a|an)\s+/i, (d) => d.toLowerCase());
    const person = subject.replace(/^(the|a|an)\s+/i, '').trim();
    const bare = person.replace(/[^\p{L}\p{N}\s'’.-]/gu, '').trim();
    if (bare && !/^(they|he|she|it|you|we|i|people|anyone|everyone|someone|somebody|anybody|nobody|here|channel)$/i.test(bare)) {
      return { kind: 'person', person, subject, about: m[2]?.trim() || null };
    }
  }
  const w = WHO_SAID.exec(q);
  const words = w?.[3]?.trim() ?? '';
  if (w && words) {
    const inQuotes = QUOTED.exec(words)?.[1]?.trim();
    const about = inQuotes || words;
    const phrase = w[1] || w[2] ? null : about;
    return { kind: 'who-said', about, phrase, quoted: Boolean(inQuotes) && phrase !== null };
  }
  return { kind: 'general' };
}

export interface TermWeights {
  /** Question stem -> IDF weight. */
  weights: Map<string, number>;
  /** Question stem -> the stems that count as it (itself, its synonyms, its repair when misspelt). */
  alts: Map<string, string[]>;
  total: number;
}

// Words that frame a question rather than say what it is about ("what happened", "any news").
const QUESTION_FILLER = new Set(
  contentStems('happen happened happening latest news update updates know tell anything something thing things going on story stories today yesterday recently'),
);

/** The question's content stems without question framing words. */
export function questionStems(question: string): string[] {
  return [...new Set(contentStems(question))].filter((s) => !QUESTION_FILLER.has(s));
}

const BROAD_FORM = /\b(happen\w*|going on|latest|news|updates?|summar\w*|what'?s new)\b/i;

/**
 * True when the question has a broad form ("what happened", "latest", "any news") and only names what every source is about ("what happened in Lorrick?"):
 * each remaining word appears in at least half of the docs (or nothing remains).
 */
export function isBroadQuestion(question: string, docs: Set<string>[]): boolean {
  if (!BROAD_FORM.test(question) || docs.length === 0) return false;
  const stems = questionStems(question);
  return stems.every((s) => docs.reduce((k, d) => k + (d.has(s) ? 1 : 0), 0) * 2 >= docs.length);
}

/**
 * IDF weights of the question's content stems over `docs` (each a set of stems). A stem counts as
 * present where any of its synonyms is; a word no doc has is repaired to the one source word it is
 * a likely typo of, when `vocabulary` (the sources' lowercase words) is given.
 */
export function questionTerms(question: string, docs: Set<string>[], vocabulary?: Iterable<string>): TermWeights {
  const weights = new Map<string, number>();
  const alts = new Map<string, string[]>();
  const n = docs.length;
  const known = new Set<string>();
  for (const d of docs) for (const s of d) known.add(s);
  const vocab = vocabulary ? [...new Set(vocabulary)] : [];
  const raw = new Map(words(question).map((w) => [contentStems(w)[0] ?? '', w] as const));
  for (const s of questionStems(question)) {
    const alt = alternatives(s);
    if (!alt.some((x) => known.has(x)) && vocab.length) {
      const fixed = repairWord(raw.get(s) ?? s, vocab, known);
      if (fixed) alt.push(...alternatives(fixed));
    }
    const df = docs.reduce((k, d) => k + (alt.some((x) => d.has(x)) ? 1 : 0), 0);
    weights.set(s, Math.log((n + 1) / (df + 0.5)));
    alts.set(s, alt);
  }
  let total = 0;
  for (const w of weights.values()) total += w;
  return { weights, alts, total };
}

/** Share (0..1) of the question's weight that a sentence covers. */
export function coverage(terms: TermWeights, sentenceStems: Set<string>): number {
  if (terms.total <= 0) return 0;
  let hit = 0;
  for (const [s, w] of terms.weights) if ((terms.alts.get(s) ?? [s]).some((x) => sentenceStems.has(x))) hit += w;
  return hit / terms.total;
}
