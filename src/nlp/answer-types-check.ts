// Answer-type checks: a sentence answers a "how many" question only if it holds a figure, a "when"
// question only with a time expression, "where" with a place, "why" with a causal clause, "who"
// with a person's name. A sentence that merely shares the question's words is not an answer.
import type { AnswerKind, QuestionAnalysis } from './answer-question.ts';

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|double|twice';
const NUMBER = new RegExp(`\\d|\\b(${NUMBER_WORDS})(-\\w+)?\\b`, 'gi');
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const TIME = new RegExp(
  `\\b(${MONTH}|${WEEKDAY}|yesterday|today|tonight|tomorrow|overnight|(this|last|next|that) (morning|afternoon|evening|night|week|weekend|month|year|summer|winter|spring|autumn|season)|(in|since|by|until|from|before|after) (the )?(\\d{4}|early|late|mid)|\\d{1,2}[:.]\\d{2}|ago|earlier than|later than|a (day|week|month|year) (earlier|later|before|after)|(days?|weeks?|months?|years?) (later|earlier|after|before)|at (dawn|dusk|midnight|noon)|\\d{4})\\b`,
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

/** A person's name other than those in the question: two capitalised words, not opening the sentence. */
function hasPerson(text: string, q: QuestionAnalysis): boolean {
  const asked = new Set(q.names.flatMap((n) => n.toLowerCase().split(/\s+/)));
  for (const m of text.matchAll(/(?<=\S\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+/gu)) {
    const parts = m[0].toLowerCase().split(/\s+/);
    if (!parts.every((p) => asked.has(p)) && !parts.some((p) => TIME_WORDS.test(p))) return true;
  }
  return false;
}

export function hasAnswerType(kind: AnswerKind, text: string, q: QuestionAnalysis): boolean {
  switch (kind) {
    case 'number':
      return figures(text, q).length > 0;
    case 'when':
      return TIME.test(text);
    case 'where':
      return hasPlace(text);
    case 'why':
      return CAUSE.test(text);
    case 'who':
    case 'who-said':
      return hasPerson(text, q);
    default:
      return true;
  }
}
