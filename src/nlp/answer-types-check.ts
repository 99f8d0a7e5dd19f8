// Answer-type checks: a sentence answers a "how many" question only if it holds a figure, a "when"
// question only with a time expression, "where" with a place, "why" with a causal clause, "who"
// with a person's name. A sentence that merely shares the question's words is not an answer.
import type { AnswerKind, Measure, QuestionAnalysis, Term } from './answer-question.ts';
import { stem } from './stem.ts';

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|double|twice';
const NUMBER = new RegExp(`\\d|\\b(${NUMBER_WORDS})(-\\w+)?\\b`, 'gi');
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const TIME = new RegExp(
  `\\b(${MONTH}|${WEEKDAY}|(end|start|beginning|middle) of (the )?(year|month|week|season|summer|winter|spring|autumn)|yesterday|today|tonight|tomorrow|overnight|(this|last|next|that) (morning|afternoon|evening|night|week|weekend|month|year|summer|winter|spring|autumn|season)|(in|since|by|until|from|before|after) (the )?(\\d{4}|early|late|mid)|\\d{1,2}[:.]\\d{2}|ago|earlier than|later than|a (day|week|month|year) (earlier|later|before|after)|(days?|weeks?|months?|years?) (later|earlier|after|before)|at (dawn|dusk|midnight|noon)|\\d{4})\\b`,
  'i',
);
const TIME_WORDS = new RegExp(`^(${MONTH}|${WEEKDAY})$`, 'i');
const CAUSE =
  /\b(because|due to|owing to|thanks to|as a result|result of|caused by|blam\w*|after|following|followed|amid|over|since|so that|in order to|needed to|in protest|in response|reasons?|why|\w+ed by|when|meant|led to|forced)\b/i;

/** Figures in `text` other than years, dates and the question's own numbers. */
function figures(text: string, q: QuestionAnalysis): string[] {
  const own = new Set((q.terms.map((t) => t.stem).join(' ').match(/\d[\d,.]*/g) ?? []));
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index;
    const token = /^\d/.test(m[0]) ? (/^\d(?:[\d,.]*\d)?/.exec(text.slice(at))?.[0] ?? m[0]) : m[0];
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + token.length, at + token.length + 12);
    if (/^\d/.test(m[0]) && at > 0 && /[\d,.]/.test(text[at - 1]!)) continue; // inside a number already seen
    const year = /^(19|20)\d\d$/.test(token) && !/^\s*(people|homes|flights|crowns|euros|pounds|dollars|jobs|workers|passengers)/i.test(after);
    const date = new RegExp(`(${MONTH})\\s*$`, 'i').test(before) || new RegExp(`^\\s*(${MONTH})`, 'i').test(after);
    if (year || date || own.has(token)) continue;
    out.push(token);
  }
  return out;
}

/** A place: a preposition before a name or a place noun ("in Lowmarsh", "at a hotel near the airport"). */
function hasPlace(text: string): boolean {
  for (const m of text.matchAll(/\b(in|at|near|outside|inside|into|to|from|across|on|towards?)\s+(?:the\s+|a\s+|an\s+)?(\p{Lu}[\p{L}'’-]+|\p{Ll}+)/gu)) {
    const word = m[2]!;
    if (/^\p{Lu}/u.test(word)) {
      if (!TIME_WORDS.test(word)) return true;
    } else if (/^(hotel|hall|school|airport|hospital|station|port|harbour|village|town|city|capital|border|coast|shore|lake|river|island|square|street|road|building|office|headquarters|centre|center|camp|site|stadium|court|church|farm|factory|plant|base|region|area|north|south|east|west|ward|park)s?$/.test(word)) return true;
  }
  return false;
}

/** A person the article names (`people`: full names and surnames), other than those the question names. */
function hasPerson(text: string, q: QuestionAnalysis, people: string[]): boolean {
  const asked = new Set(q.names.flatMap((n) => n.toLowerCase().split(/\s+/)));
  return people.some((p) => !p.toLowerCase().split(/\s+/).every((w) => asked.has(w)) && new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
}

// Reporting times ("said on Friday") date the report, not the event asked about.
const REPORTED_AT = /\b(said|says|announced|confirmed|reported|added|told [\p{L}]+)( in a statement)?\s+(on|late on|early on|this|last)\s+\p{L}+/giu;
// A sentence about what will happen, for a question about the future.
const FUTURE = /\b(will|would|shall|is to|are to|plans?|planned|planning|expected|expects|set to|due|to be|next|could|may|might|soon|upcoming|intends?|promised|pledged|vowed)\b/i;
// Units that make a figure an amount rather than a count.
const UNIT = /^\s*(-\s*)?(million|billion|thousand)?\s*(crowns?|euros?|dollars?|pounds?|francs?|per ?cent|%|km\/h|mph|kilometres?|kilometers?|km|miles?|metres?|meters?|tonnes?|tons?|hours?|days?|weeks?|months?|years?|minutes?|litres?|hectares?)\b/i;
const CURRENCY_BEFORE = /[$£€¥]\s*$/;
const STRONG_CAUSE = /\b(because|due to|owing to|as a result|caused by|blam\w*|reasons?|in protest|is over|was over|were over|followed|led to|after a|after the)\b/i;

// Units of the measures a question may name ("how fast": a speed).
const MEASURE_UNIT: Record<Measure, RegExp> = {
  speed: /^\s*(km\/h|kph|mph|knots?|(kilometres?|kilometers?|miles?) (an|per) hour)\b/i,
  distance: /^\s*(-\s*)?(km|kilometres?|kilometers?|miles?|metres?|meters?|m|feet|ft|yards?)\b/i,
  duration: /^\s*(-\s*)?(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i,
};

/** A figure with a unit or currency (of the measure asked for, when the question names one). */
function hasAmount(text: string, measure: Measure | null = null): boolean {
  for (const m of text.matchAll(NUMBER)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40).replace(/^[\d,.]*/, '');
    if (measure) {
      if (MEASURE_UNIT[measure].test(after)) return true;
    } else if (UNIT.test(after) || CURRENCY_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index))) return true;
  }
  return false;
}

/**
 * Extra evidence (0..0.2) that a sentence holds what was asked: a figure next to a word of the
 * question ("412 flights") or with a unit when an amount is asked for ("25 crowns"), a strong
 * causal phrase for "why".
 */
export function answerBonus(kind: AnswerKind, text: string, q: QuestionAnalysis): number {
  if (kind === 'why') return STRONG_CAUSE.test(text) ? 0.1 : 0;
  if (kind !== 'number') return 0;
  let best = 0;
  for (const m of text.matchAll(NUMBER)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (q.amount && (UNIT.test(after.replace(/^[\d,.]*/, '')) || CURRENCY_BEFORE.test(before))) best = Math.max(best, 0.2);
    const next = (after.replace(/^[\d,.-]*/, '').match(/[a-z]+/gi) ?? []).slice(0, 3).map((w) => w.toLowerCase());
    if (next.some((w) => q.terms.some((t) => t.same.some((x) => w.startsWith(x))))) best = Math.max(best, 0.15);
  }
  return best;
}

export function hasAnswerType(kind: AnswerKind, text: string, q: QuestionAnalysis, people: string[] = []): boolean {
  if (q.future && (kind === 'who' || kind === 'when' || kind === 'where') && !FUTURE.test(text)) return false;
  switch (kind) {
    case 'number':
      // "How much" wants an amount: a figure with a unit or currency, not a bare count.
      return q.measure ? hasAmount(text, q.measure) : q.amount ? hasAmount(text) : figures(text, q).length > 0;
    case 'when':
      return TIME.test(text.replace(REPORTED_AT, ' '));
    case 'where':
      return hasPlace(text);
    case 'why':
      return CAUSE.test(text);
    case 'who':
    case 'who-said':
      return hasPerson(text, q, people);
    default:
      return true;
  }
}

// Words that deny what follows them ("had no plans to bring in", "did not resign", "refused to pay").
const NEGATOR = /^(not|no|never|neither|nor|without|cannot|refused|refuses|declined|declines|denied|denies|rejected|rejects|ruled|halted|dropped|scrapped)$|n['’]t$/;
/** How many words before the predicate a negation still applies to it. */
const NEGATION_REACH = 5;

/**
 * Whether a sentence that speaks of a yes/no question's predicate affirms or denies it: "no" when
 * a negation comes shortly before the word that matches the predicate, "yes" otherwise.
 */
export function polarity(text: string, predicate: Term): 'yes' | 'no' {
  const ws = text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];
  const stems = [...predicate.same, ...predicate.related, ...predicate.broader];
  const at = ws.findIndex((w) => stems.includes(stem(w.replace(/['’]s$/, ''))));
  if (at < 0) return 'yes';
  return ws.slice(Math.max(0, at - NEGATION_REACH), at).some((w) => NEGATOR.test(w)) ? 'no' : 'yes';
}
