// "What did the transport minister say" when the sources quote nobody but report them: sentences
// with a reporting verb (the quote engine's cue list) whose subject is the person asked about,
// named there or referred to by a pronoun ("He said the government had no plans …"), resolved
// with the quote engine's coreference and shown with the name.
import type { Article } from '../domain/types.ts';
import { isStrongCue } from '../nlp/quotes/cues.ts';
import { passagesOf, stemsOf } from '../nlp/answer-index.ts';
import { withPersons } from '../nlp/answer-pronouns.ts';
import { alternatives } from '../nlp/answer-terms.ts';
import { contentStems } from '../nlp/stem.ts';
import { besideName } from './answer-quotes.ts';

/** A sentence with a reporting verb ("said", "urged", "warned", "according to"). */
export const reports = (text: string): boolean => /\baccording to\b/i.test(text) || text.split(/[^\p{L}]+/u).some((w) => w && isStrongCue(w));

const has = (set: Set<string>, s: string): boolean => alternatives(s).some((x) => set.has(x));

/**
 * Up to `max` sentences reporting what `subject` ("the transport minister", "Wren") said, about
 * `about` when given (its words must be in the article), newest article first.
 */
export function reportedSpeech(articles: Article[], subject: string, about: string | null, max: number): { text: string; article: Article }[] {
  const who = [...new Set(contentStems(subject))];
  if (who.length === 0) return [];
  const want = about ? [...new Set(contentStems(about))] : [];
  const out: { text: string; article: Article; at: number }[] = [];
  for (const ps of passagesOf(articles)) {
    const a = ps[0]?.article;
    if (!a) continue;
    const all = stemsOf(a).all;
    if (!want.every((w) => has(all, w))) continue;
    for (const p of ps) {
      if (!reports(p.text)) continue;
      const text = withPersons(p.text, a.text, p.start, a.id);
      // The person a pronoun stood for brings the role the article gives them ("Transport Minister Tobias Wren").
      const named = text === p.text ? '' : besideName(a.text, /^[\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+)+/u.exec(text)?.[0] ?? '');
      const stems = new Set(contentStems(`${text} ${named}`));
      if (who.every((w) => has(stems, w))) out.push({ text, article: a, at: a.publishedAt.getTime() });
    }
  }
  return out.sort((x, y) => y.at - x.at).slice(0, max);
}
