// Which sentences of an article cannot stand alone in a summary. A sentence leans on what came
// before it when it opens with a connective ("But …", "However …"), a pronoun or demonstrative
// ("She said …", "That decision …"), a participle that borrows its subject ("Asked whether …"), a
// quote attributed to a pronoun (“…,” she said), or a bare surname whose full name was given
// earlier ("Solberg said …", “…,” Solberg said). Shown without the sentence it leans on, it reads as a non sequitur.

const CONNECTIVE =
  /^(?:but|and|so|yet|still|however|also|meanwhile|instead|nevertheless|nonetheless|moreover|furthermore|besides|otherwise|indeed|likewise|similarly|nor|or|then|even so|in turn|as a result|by contrast|in response)\b/i;
const PRONOUN = /^(?:he|she|it|they|him|them|his|her|hers|their|theirs|its|this|that|these|those|such|the latter|the former)\b/i;
const BORROWED_SUBJECT = /^(?:asked|pressed|questioned|speaking|responding|reacting|interviewed|challenged)\b/i;
const PRONOUN_SPEAKER = /[”"’]\s*,?\s*(?:(?:he|she|they|it)\s+(?:said|says|added|adds|told|asked|wrote|continued|insisted|warned|explained)|(?:said|added|continued)\s+(?:he|she|they))\b/i;
const OPENING_NAME = /^(\p{Lu}[\p{Ll}'’-]{2,})\s+(?:\p{Ll}|,)/u;
const NAME_SPEAKER = /[”"’]\s*,?\s*(\p{Lu}[\p{Ll}'’-]{2,})\s+(?:said|says|added|adds|told|asked|wrote|continued|insisted|warned|explained)\b/u;

/** The words of a sentence as they open it, without leading quotation marks or brackets. */
function opening(s: string): string {
  return s.replace(/^[\s“”"‘’'([—–-]+/u, '');
}

const CAPITALISED = /(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]{2,}/gu;
const FULL_NAME = /\p{Lu}[\p{L}.'’-]*\s+(\p{Lu}[\p{Ll}'’-]{2,})/gu;

/**
 * For each sentence of an article: null when it stands alone, otherwise the indices of sentences
 * any one of which gives it its context, the first being the one to bring along (for a connective
 * or pronoun, the sentence just before it or the one before that; for a bare surname, every
 * earlier sentence that names that person).
 */
export function leaning(sentences: readonly string[]): (number[] | null)[] {
  const mentions = new Map<string, number[]>();
  const introduced = new Set<string>();
  return sentences.map((s, i) => {
    const out = i === 0 ? null : leansBack(s, i, mentions, introduced);
    for (const m of s.matchAll(CAPITALISED)) {
      const at = mentions.get(m[0]) ?? [];
      if (at.at(-1) !== i) at.push(i);
      mentions.set(m[0], at);
    }
    for (const m of s.matchAll(FULL_NAME)) introduced.add(m[1]!);
    return out;
  });
}

function leansBack(s: string, i: number, mentions: Map<string, number[]>, introduced: Set<string>): number[] | null {
  const open = opening(s);
  const startsWithQuote = open.length !== s.trimStart().length;
  // The sentence just before gives the context; one further back will do when that one is in.
  const before = i > 1 ? [i - 1, i - 2] : [i - 1];
  if (!startsWithQuote && (CONNECTIVE.test(open) || PRONOUN.test(open) || BORROWED_SUBJECT.test(open))) return before;
  if (startsWithQuote && PRONOUN_SPEAKER.test(s)) return before;
  // A surname alone refers back when an earlier sentence gave it with a first name or title.
  const name = (startsWithQuote ? NAME_SPEAKER.exec(s) : OPENING_NAME.exec(open))?.[1];
  if (name && introduced.has(name)) return [...(mentions.get(name) ?? [])];
  return null;
}
