// Question forms answered from the quote index ("what did <subject> say", "who said …") and broad
// questions ("what happened in Lorrick?") answered with the lead of the latest reports.
import { contentStems } from './stem.ts';

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
