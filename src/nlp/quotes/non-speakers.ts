// Capitalised runs that name no speaker, recognised from the shape of the text and shipped word
// lists rather than from any one article: places (countries, capitals, US states), party and
// nationality words ("Republicans", "Muslim"), headline runs in capitals, and datelines
// ("PORT ELLEN, Valdoria —", "Carrow (Wire) –") at the head of a paragraph.
import PLACES from './model/places.json' with { type: 'json' };
import * as lexiconModule from './lexicon.ts';
import * as mentionsModule from './mentions.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { firstNameGender } = lexiconModule;
const { isDemonym } = mentionsModule;

const PLACE_NAMES = new Set((PLACES as { places: string }).places.split(' | '));

const PARTY_WORDS = new Set(['republican', 'republicans', 'democrat', 'democrats', 'democratic', 'gop', 'conservative',
  'conservatives', 'liberal', 'liberals', 'progressive', 'progressives', 'tory', 'tories', 'muslim', 'muslims', 'christian',
  'christians', 'jewish', 'catholic', 'catholics', 'evangelical', 'evangelicals', 'latino', 'latinos', 'hispanic', 'hispanics']);

/** "Valdoria", "New Amsterdam", "Kestrians", "Republicans", a run in capitals: not a person or organisation that speaks. */
export function placeOrGroupWord(words: string[], raw: string): boolean {
  const joined = words.join(' ');
  if (PLACE_NAMES.has(joined) && !(words.length === 1 && firstNameGender(joined) !== undefined)) return true;
  if (words.length === 1) {
    const w = words[0]!;
    if (PARTY_WORDS.has(w)) return true;
    const cap = raw.replace(/^the\s+/, '');
    if (isDemonym(cap) || (/s$/.test(cap) && isDemonym(cap.slice(0, -1)))) return true;
  }
  // Three or more words all in capitals: a headline or kicker, not a name.
  return words.length >= 3 && !/\p{Ll}/u.test(raw);
}

const DASH = new Set(['—', '–', '-', '―']);
const DATELINE_PUNCT = new Set([',', '.', '(', ')', '/']);

/**
 * Index of the dash ending a dateline that opens a paragraph at token a ("CARROW, Valdoria —"),
 * or -1: only capitalised words, numbers and commas, dots or parentheses stand before a dash within 14 tokens.
 */
export function datelineEnd(tokens: Token[], a: number, b: number): number {
  // A dateline shows itself by a place in capitals ("PORT ELLEN") or an agency in parentheses.
  let marked = false;
  for (let k = a; k < b && k < a + 14; k++) {
    const t = tokens[k]!;
    if (DASH.has(t.text)) return k > a && marked ? k : -1;
    if (t.kind === 'word' ? !t.cap && !/^\d/.test(t.text) : !DATELINE_PUNCT.has(t.text)) return -1;
    marked ||= t.text === '(' || (t.text.length >= 3 && !/\p{Ll}/u.test(t.text) && /\p{Lu}/u.test(t.text));
  }
  return -1;
}
