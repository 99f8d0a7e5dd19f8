// Extractive question answering helpers: what a question asks for, and how well a sentence
// answers it. Weights are inverse document frequency over the candidate articles, so words every
// article shares (the topic itself) count little and words no article has count most: a question
// whose key words appear nowhere is recognised as one "the sources do not say".
import { contentStems } from './stem.ts';

export type QuestionKind =
  | { kind: 'person'; person: string; about: string | null }
  | { kind: 'who-said'; about: string }
  | { kind: 'general' };

const PERSON = /^\s*what\s+(?:did|does|has|have|had)\s+(.+?)\s+(?:say|said|tell|told|claim|claimed|think)\b(?:\s+(?:about|on|regarding|of)\s+(.+?))?\s*[?.!]*\s*$/i;
const PERSON_2 = /^\s*what\s+(?:is|was)\s+(.+?)\s+saying\b(?:\s+(?:about|on)\s+(.+?))?\s*[?.!]*\s*$/i;
const WHO_SAID = /^\s*who\s+(?:said|says|has said|is saying)\s+(?:what\s+)?(?:about|on|regarding)?\s*(.+?)\s*[?.!]*\s*$/i;

export function classifyQuestion(q: string): QuestionKind {
  const m = PERSON.exec(q) ?? PERSON_2.exec(q);
  if (m) {
    const person = m[1]!.replace(/^(the|a)\s+/i, '').trim();
    if (person && !/^(they|he|she|it|people|officials|anyone|everyone)$/i.test(person)) {
      return { kind: 'person', person, about: m[2]?.trim() || null };
    }
  }
  const w = WHO_SAID.exec(q);
  if (w && w[1]!.trim()) return { kind: 'who-said', about: w[1]!.trim() };
  return { kind: 'general' };
}

export interface TermWeights {
  weights: Map<string, number>;
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

/** IDF weights of the question's content stems over `docs` (each a set of stems). */
export function questionTerms(question: string, docs: Set<string>[]): TermWeights {
  const weights = new Map<string, number>();
  const n = docs.length;
  for (const s of questionStems(question)) {
    const df = docs.reduce((k, d) => k + (d.has(s) ? 1 : 0), 0);
    weights.set(s, Math.log((n + 1) / (df + 0.5)));
  }
  let total = 0;
  for (const w of weights.values()) total += w;
  return { weights, total };
}

/** Share (0..1) of the question's weight that a sentence covers. */
export function coverage(terms: TermWeights, sentenceStems: Set<string>): number {
  if (terms.total <= 0) return 0;
  let hit = 0;
  for (const [s, w] of terms.weights) if (sentenceStems.has(s)) hit += w;
  return hit / terms.total;
}
