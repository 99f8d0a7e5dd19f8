// Question-term expansion for answers: a small table of news synonyms ("cost" ~ "price" ~ "fare")
// and typo repair against the words of the candidate articles ("prisners" -> "prisoners").
// Both only widen what a question word may match; weights still come from how many candidate
// articles contain the word, so a question about something the sources never mention still gets
// "the sources don't say".
import { contentStems, stem } from './stem.ts';
import { STOPWORDS } from './stopwords.ts';

// Groups of words a reader uses interchangeably in a news question. Kept small and general: each
// group must be safe in both directions (a sentence with any member answers a question with any
// other). Stemmed once at load.
const GROUPS = [
  'cost costs price prices fee fees fare fares charge charges tariff pay paid',
  'rise rises increase increases raise hike grow growth',
  'fall falls drop drops decrease decline cut cuts reduce reduction',
  'kill killed dead death deaths die died fatalities',
  'injure injured injuries wound wounded hurt casualties',
  'evacuate evacuated evacuation flee fled',
  'start started begin began begun launch launched',
  'cancel cancelled canceled cancellation scrap scrapped axe axed',
  'return returned resume resumed',
  'boss chief head leader director executive run runs lead leads manage manages',
  'finish finished end ended halt halted',
  'buy bought purchase purchased',
  'money funds funding finance cash',
  'help helped aid assistance assist support',
  'power electricity',
  'grid grids network networks',
  'spokesperson spokesman spokeswoman spokespeople',
  'official officials authorities',
  'prisoner prisoners captive captives detainee detainees',
  'exchange exchanged swap swapped',
  'agreement agreements deal deals accord treaty pact',
  'talks negotiations negotiators',
  'attack attacks strike strikes assault',
  'fire fires blaze flames',
  'boat boats ship ships vessel vessels',
  'company companies firm firms business',
  'worker workers employee employees staff',
  'car cars vehicle vehicles',
  'law laws bill legislation',
  'election elections vote votes ballot',
  'town towns city cities',
  'child children kid kids',
];

const SYNONYMS = new Map<string, string[]>();
for (const g of GROUPS) {
  const stems = [...new Set(contentStems(g))];
  for (const s of stems) SYNONYMS.set(s, [...new Set([...(SYNONYMS.get(s) ?? []), ...stems])]);
}

/** The stem and the stems of its synonyms (the stem itself first). */
export function alternatives(s: string): string[] {
  const g = SYNONYMS.get(s);
  return g ? [s, ...g.filter((x) => x !== s)] : [s];
}

/**
 * Damerau-Levenshtein distance (adjacent transpositions count 1), or `max + 1` as soon as it is
 * certain to exceed `max`. Cheap enough for a question's few words against an article vocabulary.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Words shorter than this are never "repaired": short words are too often a different real word (bread/break). */
export const MIN_TYPO_LENGTH = 6;

/**
 * The stem a misspelt question word most likely stands for, among the stems of `vocabulary`
 * (unstemmed lowercase words of the sources): the words within one edit (two for words of 9+
 * letters) with the same first letter, other than the word with an ending added or dropped. Null
 * when the word is short, already known, or the closest candidates disagree (two different stems
 * at the same distance).
 */
export function repairWord(word: string, vocabulary: Iterable<string>, knownStems: Set<string>): string | null {
  if (word.length < MIN_TYPO_LENGTH || STOPWORDS.has(word) || /\d/.test(word) || knownStems.has(stem(word))) return null;
  const max = word.length >= 9 ? 2 : 1;
  let best = max + 1;
  let stems = new Set<string>();
  for (const v of vocabulary) {
    if (v[0] !== word[0] || v.length < MIN_TYPO_LENGTH - 1 || STOPWORDS.has(v)) continue;
    // A word plus or minus an ending is another real word (strike/striker, bank/banker), not a typo.
    if (v.startsWith(word) || word.startsWith(v)) continue;
    const d = editDistance(word, v, Math.min(max, best));
    if (d < best) {
      best = d;
      stems = new Set([stem(v)]);
    } else if (d === best && d <= max) stems.add(stem(v));
  }
  return best <= max && stems.size === 1 ? [...stems][0]! : null;
}
