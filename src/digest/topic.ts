// Topic expansion for retrieval: the store already matches stem prefixes ("ukraine" finds
// "Ukrainian"); this adds a few well-known names that share no stem with the topic word. And the
// test a retrieved article must pass to be part of a digest at all (onTopic).
import { stem } from '../nlp/stem.ts';
import { STOPWORDS } from '../nlp/stopwords.ts';
const SYNONYMS: Record<string, string[]> = {
  ukraine: ['ukrainian', 'kyiv', 'kiev', 'zelensky', 'zelenskyy'],
  russia: ['russian', 'kremlin', 'moscow', 'putin'],
  china: ['chinese', 'beijing'],
  us: ['united states', 'washington', 'american'],
  usa: ['united states', 'washington', 'american'],
  uk: ['britain', 'british', 'london'],
  britain: ['uk', 'british'],
  eu: ['european union', 'brussels'],
  gaza: ['israel', 'hamas', 'palestinian'],
  israel: ['israeli', 'gaza'],
  climate: ['emissions', 'warming', 'cop'],
  ai: ['artificial intelligence', 'chatgpt', 'openai'],
  election: ['elections', 'vote', 'ballot', 'poll'],
};

/** Words of the topic plus known synonyms, lowercased and de-duplicated (at most 16). */
export function expandTopic(topic: string): string[] {
  const words = (topic.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  const out = new Set(words);
  for (const w of words) for (const s of SYNONYMS[w] ?? []) out.add(s);
  return [...out].slice(0, 16);
}

/** A search query string for ArticleStore.search (terms are ORed by the store). */
export function topicQuery(topic: string): string {
  // Multi-word synonyms are passed as phrases so they match together.
  return expandTopic(topic)
    .map((t) => (t.includes(' ') ? `"${t}"` : t))
    .join(' ');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_AFTER = '(?![\\p{L}\\p{N}])';
// Endings that keep a word's meaning (port -> ports, Ukraine -> Ukrainian, energy -> energies).
// Other letters after the word make another word ("strike" -> "striker").
const ENDINGS = '(?:s|es|e|ed|d|ing|ings|ies|ied|y|ian|ians|an|ans|ese|ish|i|is|al|ally|ly)?';

/** Regex source for one topic word or synonym: the word or its stem plus an ending, or a phrase. */
function pattern(x: string): string {
  if (x.includes(' ')) return x.split(' ').map(escapeRe).join('\\s+') + NOT_AFTER;
  const forms = [...new Set([x, stem(x)])].map(escapeRe).join('|');
  return `(?:${forms})${ENDINGS}${NOT_AFTER}`;
}

/**
 * A test of whether an article is about the topic rather than brushing it, the same for every
 * store (their relevance scores are not comparable). Each topic word, with its synonyms, must
 * appear as itself or with an inflection ("port" finds "ports", "Ukraine" finds "Ukrainian"), not
 * as the start of another word (a "striker" is not a "strike"). An article is on topic when it
 * mentions every topic word (at least two of them for longer topics).
 */
export function onTopic(topic: string): (a: { title: string; text: string }) => boolean {
  const all = [...new Set(topic.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 8);
  const content = all.filter((w) => !STOPWORDS.has(w));
  const groups = (content.length ? content : all).map(
    (w) => new RegExp(NOT_BEFORE + `(?:${[w, ...(SYNONYMS[w] ?? [])].map(pattern).join('|')})`, 'iu'),
  );
  const need = Math.min(groups.length, 2);
  return (a) => groups.filter((re) => re.test(a.title) || re.test(a.text)).length >= need;
}
