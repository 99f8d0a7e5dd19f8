// Pronouns in an answer sentence made readable: "He announced 150 million crowns" does not say who.
// The person is found with the quote engine's within-article coreference (the most recent
// compatible person named before the sentence); a sentence-opening pronoun is replaced by the
// name, one later in the sentence is shown with it ("she (Rosalind Pike) said").
import { ArticleIndex } from './quotes/coref.ts';
import { tokenize } from './quotes/tokens.ts';

const MAX_CACHE = 256;
const indexes = new Map<string, ArticleIndex>();

function indexOf(key: string, text: string): ArticleIndex {
  let idx = indexes.get(key);
  if (!idx) {
    idx = new ArticleIndex(tokenize(text, 0, text.length, () => -1));
    if (indexes.size >= MAX_CACHE) indexes.clear();
    indexes.set(key, idx);
  }
  return idx;
}

const people = new Map<string, { text: string; names: string[] }>();

const SUBJECT = /\b(he|she|his|her)\b/i;

/**
 * `sentence` (found at `start` in `articleText`, whose cache key is `key`) with its first personal
 * pronoun resolved, or unchanged when no person can be found for it.
 */
export function withPersons(sentence: string, articleText: string, start: number, key: string): string {
  const m = SUBJECT.exec(sentence);
  if (!m) return sentence;
  const word = m[1]!.toLowerCase();
  const person = indexOf(key, articleText).pronoun(word === 'his' ? 'he' : word === 'her' ? 'she' : word, start + m.index);
  if (!person || person.isOrg) return sentence;
  const name = person.name;
  if (sentence.includes(name)) return sentence;
  const possessive = word === 'his' || (word === 'her' && /^\s+\p{L}+/u.test(sentence.slice(m.index + 3)) && m.index === 0);
  if (m.index === 0) return `${possessive ? `${name}’s` : name}${sentence.slice(m[0].length)}`;
  return `${sentence.slice(0, m.index + m[0].length)} (${name})${sentence.slice(m.index + m[0].length)}`;
}

/**
 * Names of people in an article, as the coreference index knows them (full names and surnames),
 * leaving out organisations and names the article uses as places ("in Marlow Cove", "of Lowmarsh
 * Mutual").
 */
export function peopleIn(articleText: string, key: string): string[] {
  const hit = people.get(key);
  if (hit && hit.text === articleText) return hit.names;
  const idx = indexOf(key, articleText);
  const out: string[] = [];
  for (const p of idx.persons) {
    if (p.isOrg || !p.name.includes(' ')) continue;
    const name = p.name.replace(/^(\p{Ll}+\s|(?:Midwife|Nurse|Farmer|Teacher|Judge|Doctor)\s)/u, '');
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\\b(in|at|to|from|near|of|into|outside)\\s+(the\\s+)?${esc}\\b`).test(articleText)) continue;
    out.push(name, name.split(' ').at(-1)!);
  }
  if (people.size >= MAX_CACHE) people.clear();
  people.set(key, { text: articleText, names: out });
  return out;
}
