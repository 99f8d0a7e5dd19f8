// Whether a cue word is used as a reporting verb at one place in a sentence ("Smith said", "he
// told MEPs"), not as a noun ("the report", "Roe's comments", "several claims").
// Weak cues (call, believe, continue…) count only right before a quote, a colon or "that".
import * as cuesModule from './cues.ts';
import * as lexiconModule from './lexicon.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { CUE_FILLERS, cueLemma, isNounPlural, isStrongCue } = cuesModule;
const { PERSON_HEADS, ROLE_WORDS, SOURCE_HEADS } = lexiconModule;
const { isWord } = tokensModule;

export const STOP_AFTER = new Set(['.', '!', '?', ';']);

/** Words after which a cue word is a noun ("the report", "few questions", "to call"). */
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that',
  'these', 'those', 'of', 'in', 'for', 'to', 'with', 'by', 'few', 'many', 'several', 'some', 'more', 'most', 'other',
  'such', 'any', 'no', 'all', 'recent', 'new', 'public', 'similar', 'earlier', 'previous', 'repeated', 'latest',
  'false', 'first', 'two', 'three', 'whose', 'without', 'on', 'at', 'from', 'about']);

const SUBJECT_PRONOUNS = /^(he|she|it|who|that|which)$/;

/** A lowercase word that, before an -s form, makes it a plural noun ("late-night tweets"). */
function pluralModifier(p: Token): boolean {
  if (CUE_FILLERS.has(p.low) || SUBJECT_PRONOUNS.test(p.low) || /ly$/.test(p.low)) return false;
  return !PERSON_HEADS.has(p.low) && !SOURCE_HEADS.has(p.low);
}

/** The cue word at k reads as a noun: after a determiner or possessive, or a plural after a modifier. */
function nounUse(tokens: Token[], k: number): boolean {
  const p = tokens[k - 1];
  if (!isWord(p)) return false;
  if (NOUN_BEFORE.has(p.low) || /['’]s$/.test(p.text)) return true;
  if (!isNounPlural(tokens[k]!.low)) return false;
  // "Republican claims": after a capitalised adjective too.
  return p.cap ? ROLE_WORDS.has(p.low) : pluralModifier(p);
}

/** "he continued:" introduces speech; "we must continue to push" does not. */
function continueIntroduces(tokens: Token[], k: number): boolean {
  const n = tokens[k + 1];
  const p = tokens[k - 1];
  if (n === undefined || n.kind === 'quote' || n.text === ':' || n.text === ',') return true;
  return p?.kind === 'quote' || p?.text === ',';
}

/** A weak cue needs the quote, a colon or "that"/"as" within the next few tokens. */
function weakCueFramed(tokens: Token[], k: number): boolean {
  for (let i = k + 1; i <= k + 7 && i < tokens.length; i++) {
    const x = tokens[i]!;
    if (x.kind === 'quote' || x.text === ':' || x.low === 'that' || x.low === 'as') return true;
    if (STOP_AFTER.has(x.text)) return false;
  }
  return false;
}

/** A cue verb at tokens[k]: a cue word not used as a noun ("the report", "Roe's comments", "States"). */
export function isCueAt(tokens: Token[], k: number, sentenceStart: number, weakOk = false): boolean {
  const t = tokens[k]!;
  if (!isWord(t)) return false;
  const lemma = cueLemma(t.low);
  if (lemma === null || (t.cap && k !== sentenceStart) || nounUse(tokens, k)) return false;
  // "as The Tribune put it"
  if (lemma === 'put') return tokens[k + 1]?.low === 'it';
  if (lemma === 'continue' && !weakOk) return continueIntroduces(tokens, k);
  return weakOk || isStrongCue(t.low) || weakCueFramed(tokens, k);
}
