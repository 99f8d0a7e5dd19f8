// Which quoted spans are quotes of a person, and of which kind. A span is 'direct' when it is a
// whole sentence or more (opens its sentence or follows a colon/comma and starts with a capital),
// else 'partial'. Scare quotes, titles of works and nicknames are not speech and are dropped:
// - nickname: a short span between two capitalised words (Robert "Bobby" Scott);
// - title of a work: a short Title-Case span (“Face the Nation”), not itself followed by a cue;
// - scare quote: a short partial span whose sentence has no speech cue at all.
import type { QuoteKind } from '../../domain/types.ts';
import * as cuesModule from './cues.ts';
import type { MarkSpan } from './marks.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { cueLemma } = cuesModule;
const { isCap } = tokensModule;

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'is', 'it', 'as']);

export interface Candidate {
  span: MarkSpan;
  kind: QuoteKind;
}

/** Decides kind and whether the span is speech. `sentence` = tokens of its sentence, `q` = index of the span's token. */
const FUNCTION_WORDS = new Set([...SMALL, 'that', 'which', 'who', 'than', 'into', 'onto', 'but', 'so', 'because', 'if',
  'when', 'while', 'after', 'before', 'since', 'until', 'about', 'over', 'under', 'between', 'among', 'through', 'during',
  'against', 'without', 'within', 'was', 'were', 'are', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can',
  'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'not', 'no', 'nor', 'yet', 'then', 'there', 'here',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'him', 'them', 'us', 'me']);
/** Words right before a Title-Case span that mark it as the name of a work, show or event. */
const WORK_CUES = new Set(['on', 'of', 'in', 'titled', 'entitled', 'documentary', 'film', 'movie', 'book', 'show', 'program',
  'programme', 'series', 'song', 'album', 'episode', 'broadcast', 'column', 'op-ed', 'commentary', 'article', 'play',
  'novel', 'headline', 'slogan', 'podcast', 'newsletter', 'during', 'at', 'the', 'a', 'an', 'its', 'his', 'her', 'their']);

const isCueWord = (t: Token): boolean => t.kind === 'word' && (cueLemma(t.low) !== null || t.low === 'according');

const SPACE = /\s/;

/** content.split(/\s+/).filter(Boolean).length without building the array (most spans need only the count). */
function countWords(content: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(content[i]!);
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Decides kind and whether the span is speech. `sentence` = tokens of its sentence, `q` = index of the span's token. */
/** Interview transcripts ("WALLACE: …"), stage directions ("(CROSSTALK.)") and spans without letters are not quotes. */
const notSpeech = (content: string): boolean =>
  !/\p{L}/u.test(content) || /^\p{Lu}{2,}[\p{Lu} .'-]*:/u.test(content) || /^\(.*\)\.?$/s.test(content);

/** The token before the span lets a sentence start: nothing, a colon, comma, dash or a cue verb. */
const opensAfter = (prev: Token | undefined): boolean =>
  prev === undefined || prev.text === ':' || prev.text === ',' || prev.text === '—' || (prev.kind === 'word' && cueLemma(prev.low) !== null);

/** A whole sentence or more: opens its sentence with a capital, or holds several sentences. */
function isDirect(content: string, prev: Token | undefined): boolean {
  const wordCount = countWords(content);
  if (/[.!?]["”’]?\s+\p{Lu}/u.test(content)) return true;
  if (prev === undefined && wordCount >= 5) return true;
  const startsUpper = /^[\p{Lu}\p{N}[(…]|^\.\.\./u.test(content);
  return startsUpper && opensAfter(prev) && (wordCount >= 3 || /[.!?,]$/.test(content));
}

/** A short Title-Case span after a possessive (“Harbour Radio’s …”), a preposition or a work noun: the name of a work or show. */
function workTitle(words: string[], sentence: Token[], q: number): boolean {
  const prev = sentence[q - 1];
  const lexical = words.filter((w) => /\p{L}/u.test(w) && !SMALL.has(w.toLowerCase()));
  const titleCase = lexical.length > 0 && lexical.every((w) => /^[\p{Lu}\p{N}]/u.test(w.replace(/^[^\p{L}\p{N}]+/u, '')));
  if (!titleCase || words.length > 8 || sentence.slice(q + 1, q + 5).some(isCueWord)) return false;
  return prev === undefined || /['’]s?$/.test(prev.text) || WORK_CUES.has(prev.low);
}

/**
 * No one speaks in this sentence: a scare quote or a term, unless someone is characterised with it
 * ("admires the mayor as a “strong leader”"); then it is still only a term when it modifies a noun.
 */
function scareQuote(content: string, words: string[], sentence: Token[], q: number): boolean {
  if (words.length > 3 || sentence.some(isCueWord)) return false;
  const prev = sentence[q - 1];
  const next = sentence[q + 1];
  const asA = prev && (prev.low === 'a' || prev.low === 'an') && sentence[q - 2]?.low === 'as';
  const modifier = next && next.kind === 'word' && !next.cap && !FUNCTION_WORDS.has(next.low) && !/[.,!?;:]$/.test(content);
  return !asA || Boolean(modifier);
}

/** Decides kind and whether the span is speech. `sentence` = tokens of its sentence, `q` = index of the span's token. */
export function classify(text: string, span: MarkSpan, sentence: Token[], q: number): Candidate | null {
  const content = text.slice(span.start, span.end);
  if (notSpeech(content)) return null;
  const prev = sentence[q - 1];
  if (isDirect(content, prev)) return { span, kind: 'direct' };
  const words = content.split(/\s+/).filter(Boolean);
  const bareWords = words.map((w) => w.replace(/[^\p{L}\p{N}'’-]/gu, '').toLowerCase()).filter(Boolean);
  // A quoted pronoun or function word is talk about the word ("a “he”"), not speech.
  if (bareWords.length === 1 && FUNCTION_WORDS.has(bareWords[0]!)) return null;
  // Nickname inside a name: Robert C. “Bobby” Scott.
  if (words.length <= 2 && isCap(prev) && isCap(sentence[q + 1]) && !/[.,!?]$/.test(content)) return null;
  if (workTitle(words, sentence, q) || scareQuote(content, words, sentence, q)) return null;
  return { span, kind: 'partial' };
}
