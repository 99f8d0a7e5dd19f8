// Question analysis for grounded answers: what kind of answer the question wants (a figure, a
// time, a place, a reason, a person, yes or no, someone's words), the words it is about with
// WordNet's related words, the names and quoted words it contains, and whether it asks for the
// latest state of a figure or the first one.
import { cueLemma } from './quotes/cues.ts';
import { contentStems, stem, words } from './stem.ts';
import { STOPWORDS } from './stopwords.ts';
import { alternatives } from './answer-terms.ts';
import { broaderNarrower, canBeNoun, canBePredicate, irregularForms, isPhrase, relatedWords, senseCount } from './answer-wordnet.ts';

export type AnswerKind = 'who-said' | 'number' | 'when' | 'where' | 'why' | 'who' | 'yesno' | 'other';

export interface Term {
  /** The question word as written (lowercase), for typo repair. */
  word: string;
  /** The question word's stem. */
  stem: string;
  /** Stems that count as the word itself (the stem and the news synonyms table). */
  same: string[];
  /** Stems of WordNet's related words (weaker evidence than the word itself). */
  related: string[];
  /** Stems of WordNet's more general and more specific words (weaker still). */
  broader: string[];
  /** Capitalised in the question: a name, which the answer's article must mention. */
  name: boolean;
  /** In a phrase that sets the scene ("during the outage"): what the article is about, not what the answer sentence must say. */
  setting?: boolean;
  /** WordNet senses of the word: many mark a general word ("hold", "work") that says little. */
  senses: number;
}

export interface QuestionAnalysis {
  kind: AnswerKind;
  terms: Term[];
  /** Words the asker put in quotation marks. */
  quoted: string | null;
  /** Names (runs of capitalised words) in the question, as written. */
  names: string[];
  /** "latest" (the default for figures: newest source first), or "first" ("initially", "at first"). */
  time: 'latest' | 'first';
  /** The question asks about what will happen ("who will be", "when will"). */
  future: boolean;
  /** The question asks for an amount (money, a share, a measure) rather than a count. */
  amount: boolean;
  /** The kind of measure asked for ("how fast": a speed), whose unit the answer's figure must have. */
  measure: Measure | null;
  /** For a yes/no question, the term saying what is asked about ("resign" in "did Holt resign?"). */
  predicate: Term | null;
}

export type Measure = 'speed' | 'distance' | 'duration';

/**
 * The verb or adjective a yes/no question asks about: the word after "be/been/being" ("has it been
 * fined?"); else the first word that can only be a verb or an adjective ("did the council approve
 * …"); else, after "is/are/was/were", the last that can be one ("is the harbour bridge open …"),
 * or the first not right after a determiner ("did the controllers go back …").
 */
function predicateOf(ws: string[], terms: Term[]): Term | null {
  const be = ws.findIndex((w, i) => i > 0 && (w === 'be' || w === 'been' || w === 'being'));
  const after = be > 0 ? terms.find((x) => x.word === ws[be + 1]) : undefined;
  if (after) return after;
  const cands = terms.filter((t) => !t.name && canBePredicate(t.word));
  const only = cands.find((t) => !canBeNoun(t.word));
  if (only) return only;
  if (/^(is|are|was|were)$/.test(ws[0] ?? '')) return cands.at(-1) ?? null;
  return cands.find((t) => !DETERMINER.test(ws[ws.indexOf(t.word) - 1] ?? '')) ?? null;
}

const SETTING = /^(during|amid|amidst|throughout)$/;
const DETERMINER = /^(a|an|the|his|her|its|their|this|that|these|those|our|your|my)$/;

function measureOf(q: string): Measure | null {
  if (/\b(how fast|how quickly|at what speed|speed limit)\b/i.test(q)) return 'speed';
  if (/\b(how (far|high|deep|tall)|what distance)\b/i.test(q)) return 'distance';
  if (/\bhow long (did|does|do|will|would|could|can|has|have|had|must|should)\b/i.test(q)) return 'duration';
  return null;
}

// Words that frame a question rather than say what it is about.
const FRAME = new Set(
  ['happen', 'happened', 'happening', 'news', 'update', 'updates', 'know', 'tell', 'anything', 'something', 'thing', 'things', 'story',
    'exactly', 'really', 'actually', 'happen', 'kind', 'sort', 'reason', 'reasons', 'cause', 'caused', 'causes', 'happens', 'behind',
    'number', 'amount', 'total', 'figure', 'date', 'place', 'location', 'person', 'whose', 'end', 'ended', 'up'].map((w) => stem(w)),
);
// Phrasal verbs WordNet does not tie to the plain verb news text uses.
const PHRASES = new Map([['go back', 'return'], ['come back', 'return'], ['get back', 'return'], ['went back', 'return'], ['came back', 'return']]);
// Idioms whose noun means something else on its own ("in charge" is not a price).
const IDIOMS = new Map([['in charge', 'head'], ['at the helm', 'head']]);
/** Negative contractions spelt out, so "couldn't" is not read as a word "couldn" and "won't" not as "won". */
const uncontract = (q: string): string => q.replace(/\bwon['’]t\b/gi, 'will not').replace(/\bcan['’]t\b/gi, 'cannot').replace(/n['’]t\b/gi, ' not');
// Kinds asked for by their opening words. Order matters: "how many" before "how".
const KIND_RULES: [RegExp, AnswerKind][] = [
  [/^(how (many|much|long|far|old|big|large|high|fast|often)|what (number|percentage|share|amount|proportion|sum|price|fee)|at what (cost|price|speed))\b/, 'number'],
  [/^(when|what (time|date|day|year|month)|since when|how soon|by when|on what (day|date))\b/, 'when'],
  [/^where\b.*\bfrom\b/, 'other'], // "where does the money come from": a source, not a place
  [/^(where|in what (place|town|city|country|building)|at what (place|venue))\b/, 'where'],
  [/^(why|for what reason|what (caused|led to|made|prompted|triggered|is behind|was behind|were the reasons?|is the reason|was the reason)|how come)\b/, 'why'],
  [/^(who|whom|which (person|minister|official|company|firm|club|player|people))\b/, 'who'],
  [/^(is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|shall)\b/, 'yesno'],
];

function kindOf(q: string, quoted: string | null): AnswerKind {
  const lower = q.toLowerCase().replace(/^(and|so|but|also|ok|okay|then|hey|please)[, ]+/, '').trim();
  for (const [re, kind] of KIND_RULES) {
    if (!re.test(lower)) continue;
    if (kind !== 'who') return kind;
    // "Who said / warned / described …", or "who … 'quoted words'": someone's words.
    const verb = words(lower)[1] ?? '';
    const next = words(lower)[2] ?? '';
    if (quoted || cueLemma(verb) || ((verb === 'has' || verb === 'had') && cueLemma(next))) return 'who-said';
    return 'who';
  }
  return 'other';
}

/** Runs of capitalised words not at the start of the question ("Maren Holt", "Lowmarsh Mutual"). */
function namesIn(q: string): string[] {
  const out: string[] = [];
  for (const m of q.matchAll(/(?<=[\s(“"'‘])\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)) out.push(m[0].replace(/['’]s$/, ''));
  return out.filter((n) => !STOPWORDS.has(n.toLowerCase()));
}

/** Stems of WordNet words (phrases and stopwords left out) not already in `taken`. */
function stemsOfWords(ws: string[], taken: string[]): string[] {
  return [...new Set(ws.filter((w) => !w.includes('_')).map((w) => stem(w)))].filter((x) => !taken.includes(x) && !STOPWORDS.has(x));
}

/** Most WordNet senses a word may have for its more general and more specific words to count. */
const MAX_BROAD_SENSES = 10;

function termOf(word: string, name: boolean): Term {
  const s = stem(word);
  // "open" is said "reopened" once something opens again; "win" is said "won".
  const same = name ? alternatives(s) : [...new Set([...alternatives(s), `re${s}`, ...irregularForms(word).map((w) => stem(w))])];
  const related = name ? [] : stemsOfWords(relatedWords(word), same);
  const senses = name ? 0 : senseCount(word);
  // A general word's kinds are too many and too varied to count as evidence ("work", "take").
  const broader = name || senses > MAX_BROAD_SENSES ? [] : stemsOfWords(broaderNarrower(word), [...same, ...related]);
  return { word, stem: s, same, related, broader, name, senses };
}

export function analyseQuestion(question: string): QuestionAnalysis {
  const q = question.replace(/\s+/g, ' ').trim();
  const quoted = /["“”«»„]\s*([^"“”«»„]{2,}?)\s*["“”«»„]/u.exec(q)?.[1]?.trim() ?? null;
  const kind = kindOf(q, quoted);
  const names = namesIn(q);
  const nameWords = new Set(names.flatMap((n) => words(n)));
  const ws = words(uncontract(q));
  // Words after "during" / "amid" / "throughout" set the scene of what is asked.
  const settingAt = ws.findIndex((w, i) => i > 1 && SETTING.test(w));
  const settingFrom = settingAt < 0 ? ws.length : settingAt;
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    // A phrasal verb or compound ("walk out", "go back") counts as one word, with its joined form
    // ("walkout") and what WordNet or the news synonyms give for it.
    const next = ws[i + 1];
    const idiom = next ? (IDIOMS.get(`${w} ${next}`) ?? IDIOMS.get(`${w} ${next} ${ws[i + 2]}`)) : undefined;
    if (idiom) {
      const s = stem(idiom);
      if (!seen.has(s)) terms.push({ word: idiom, stem: s, same: alternatives(s), related: [], broader: [], name: false, senses: 1 });
      seen.add(s);
      i += IDIOMS.has(`${w} ${next}`) ? 1 : 2;
      continue;
    }
    const table = next ? PHRASES.get(`${w} ${next}`) : undefined;
    // A particle followed by a determiner is a preposition ("go on the road"), not part of a phrasal verb.
    const particle = next && !/^(a|an|the|his|her|their|its|this|that|these|those|my|our|your)$/.test(ws[i + 2] ?? '');
    if (next && particle && i > 0 && STOPWORDS.has(next) && !FRAME.has(stem(w)) && (table || isPhrase(w, next))) {
      const s = stem(w);
      const same = [...new Set([...(STOPWORDS.has(w) ? [] : alternatives(s)), stem(w + next), ...(table ? alternatives(stem(table)) : [])])];
      const related = table ? [] : [...new Set([...relatedWords(`${w}_${next}`), ...(STOPWORDS.has(w) ? [] : relatedWords(w))].filter((x) => !x.includes('_')).map((x) => stem(x)))];
      if (!seen.has(s)) terms.push({ word: w, stem: s, same, related: related.filter((x) => !same.includes(x)), broader: [], name: false, senses: table ? 1 : senseCount(`${w}_${next}`) });
      seen.add(s);
      i++;
      continue;
    }
    if (w.length < 2 || STOPWORDS.has(w) || i === 0 || i === settingAt) continue;
    const s = stem(w);
    if (seen.has(s) || FRAME.has(s) || STOPWORDS.has(s)) continue;
    seen.add(s);
    terms.push({ ...termOf(w, nameWords.has(w)), ...(i > settingFrom ? { setting: true } : {}) });
  }
  // The opening word is framing ("who", "when"), except a name or content word in a bare phrase.
  if (terms.length === 0) for (const s of contentStems(q)) if (!seen.has(s)) terms.push({ word: s, stem: s, same: alternatives(s), related: [], broader: [], name: false, senses: 0 });
  const time = /\b(at first|initially|originally|first reported|at the (start|outset|beginning)|early on)\b/i.test(q) ? 'first' : 'latest';
  const future = /\b(will|going to|next|upcoming|future)\b/i.test(q);
  const amount = kind === 'number' && /\b(how (much|big|large|fast|far|long|high)|cost|pay|paid|price|fee|worth|spen[dt]|rise|raise|percentage|share|amount|sum)\b/i.test(q);
  const predicate = kind === 'yesno' ? predicateOf(ws, terms) : null;
  return { kind, terms, quoted, names, time, future, amount, measure: kind === 'number' ? measureOf(q) : null, predicate };
}
