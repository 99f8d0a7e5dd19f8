// Speaker mentions next to a cue: a proper name with its role ("Valdorian foreign minister Ana
// Ruiz", "Pavel Orlov, Kestria's deputy foreign minister,"), a pronoun ("he"), an organisation
// ("the Kremlin") or a nominal ("the French president"). Pure functions over tokens.
import * as lexiconModule from './lexicon.ts';
import * as cuesModule from './cues.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { DETERMINER_WORDS, GROUP_WORDS, FINAL_TITLES, HONORIFIC_WORDS, NOMINAL_STOP_WORDS, NOT_NAME, ORG_WORDS, PARTICLES, PRONOUN_WORDS, ROLE_WORDS, TITLES } = lexiconModule;
const { cueLemma, CUE_FILLERS } = cuesModule;
const { isCap, isWord } = tokensModule;

export interface Mention {
  kind: 'name' | 'pronoun' | 'nominal';
  /** Name without honorifics or role ("Ana Ruiz", "the Harbour Board"); pronoun or nominal text otherwise. */
  text: string;
  role: string | null;
  honorific: string | null;
  isOrg: boolean;
  start: number;
  end: number;
}

const bare = (t: Token): string => t.low;
const NOMINAL_STOP = NOMINAL_STOP_WORDS;
const GROUPS = GROUP_WORDS;
const DETERMINERS = DETERMINER_WORDS;

/** "he", "He’s", "she'd" -> the pronoun; null for other tokens. */
export function pronounOf(t: Token | undefined): string | null {
  if (!isWord(t)) return null;
  const low = t.low;
  // Most words hold no apostrophe: no contraction to strip, so no regular expression to run.
  if (low.indexOf('\'') < 0 && low.indexOf('’') < 0) return PRONOUN_WORDS.has(low) ? low : null;
  const base = low.replace(/['’](s|d|ll|ve|re|m)$/, '');
  return PRONOUN_WORDS.has(base) ? base : null;
}

/** Can this token be part of a capitalised name run? */
export function nameToken(t: Token | undefined): boolean {
  if (t === undefined || !t.cap) return false;
  if (t.nameTok === 0) t.nameTok = nameTokenOf(t) ? 2 : 1;
  return t.nameTok === 2;
}

function nameTokenOf(t: Token): boolean {
  const b = bare(t);
  if (HONORIFIC_WORDS.has(b) || TITLES.has(b)) return isCap(t);
  if (NOT_NAME.has(b) || PRONOUN_WORDS.has(b)) return false;
  if ((b.includes('’') || b.includes("'")) && (/['’](d|m|ll|ve|re)$/.test(b) || pronounOf(t))) return false;
  return cueLemma(b) === null || NAME_PART_CUES.has(b);
}

/** Cue words that are also common parts of names ("the United States", "The Washington Post"). */
const NAME_PART_CUES = new Set(['states', 'state', 'post', 'report', 'record', 'answer', 'note', 'call', 'press', 'signal']);

export const joinTokens = (ts: Token[]): string => ts.map((t) => t.text).join(' ');

/** Splits a capitalised run into role, honorific and name ("Kestrian President Luc Marin"). */
export function splitRun(run: Token[], preRole: Token[], withThe: boolean): Mention | null {
  if (run.length === 0) return null;
  let k = -1;
  for (let i = 0; i < run.length - 1; i++) if (TITLES.has(bare(run[i]!)) && !(i > 0 && HONORIFIC_WORDS.has(bare(run[i - 1]!)))) k = i;
  // A title as the last word ("the Foreign Minister") makes the whole run a role.
  const beforeLast = run.length > 1 ? bare(run[run.length - 2]!) : '';
  const lastTitle = FINAL_TITLES.has(bare(run[run.length - 1]!)) && !HONORIFIC_WORDS.has(bare(run[run.length - 1]!)) && !HONORIFIC_WORDS.has(beforeLast);
  if (lastTitle && run.length <= 4) k = run.length - 1;
  const roleTokens = [...preRole, ...run.slice(0, k + 1)];
  let nameTokens = run.slice(k + 1);
  let honorific: string | null = null;
  while (nameTokens.length > 0 && HONORIFIC_WORDS.has(bare(nameTokens[0]!))) {
    honorific = bare(nameTokens[0]!);
    nameTokens = nameTokens.slice(1);
  }
  const role = roleTokens.length > 0 ? joinTokens(roleTokens).replace(/ ?’s|'s/g, '’s') : null;
  const start = (roleTokens[0] ?? nameTokens[0] ?? run[0]!).start;
  const end = run[run.length - 1]!.end;
  if (nameTokens.length === 0) {
    return role ? { kind: 'nominal', text: role, role, honorific, isOrg: false, start, end } : null;
  }
  const isOrg = withThe || nameTokens.some((t) => ORG_WORDS.has(bare(t)));
  const name = (withThe ? 'the ' : '') + joinTokens(nameTokens);
  return { kind: 'name', text: name, role, honorific, isOrg, start, end };
}

const RELATIVE = new Set(['who', 'whose', 'which']);

const DEMONYM = new RegExp(
  '^(?:\\p{Lu}\\p{Ll}+(?:ian|ean|ish|ese|ic|i)|American|European|African|German|Mexican|Korean|Moroccan|Cuban|Kenyan|' +
    'Ugandan|Tibetan|French|Dutch|Swiss|Greek|Thai|Czech|Welsh)$',
  'u',
);
/** A role without the clause that follows it: "astrophysicist who led the study" -> "astrophysicist". */
export function beforeClause(words: Token[]): Token[] {
  const at = words.findIndex((w, i) => i > 0 && (RELATIVE.has(w.low) || w.low === 'that'));
  return at > 0 ? words.slice(0, at) : words;
}

/** "Ukrainian", "European", "French": a nationality, an adjective rather than a name. */
export const isDemonym = (word: string): boolean => DEMONYM.test(word);
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'as', 'because', 'though', 'although', 'when', 'then', 'so', 'yet', 'meanwhile']);

/** Whether a mention starting at token index `s` opens a clause (so it can be a subject). */
function opensClause(tokens: Token[], s: number, lo: number): boolean {
  if (s <= lo + 1) return true;
  const p = tokens[s - 1]!;
  return p.kind === 'quote' || [',', ';', ':', '—', '–', '(', '"'].includes(p.text) || CLAUSE_OPENERS.has(p.low) || (p.kind === 'word' && cueLemma(p.low) !== null);
}

function indexAt(tokens: Token[], start: number, from: number): number {
  let i = from;
  while (i > 0 && tokens[i]!.start > start) i--;
  return i;
}

/**
 * "Name, apposition[, more apposition], said": walks back over up to three comma-separated
 * segments to the name that opens the clause ("Jean Roux, the foreign minister of Valdoria, a
 * member of the council, said" -> Jean Roux, not Valdoria).
 */
function apposition(tokens: Token[], comma: number, lo: number): Mention | null {
  let c = comma;
  let firstAppos: Token[] | null = null;
  for (let seg = 0; seg < 3; seg++) {
    const k = segmentStart(tokens, c, lo);
    const appos = tokens.slice(k + 1, c);
    if (!plainSegment(appos)) return null;
    firstAppos ??= appos;
    // The segment itself reaches the clause start: no name opens it.
    if (k < lo || tokens[k]!.text !== ',') return null;
    const named = seg === 0 ? namedDescription(tokens, k, lo, appos) : null;
    if (named) return named;
    const head = appositionHead(tokens, k, lo, seg === 0 && RELATIVE.has(appos[0]!.low));
    if (head) {
      if (head.kind === 'name' && !head.role) head.role = joinTokens(beforeClause(DETERMINERS.has(firstAppos[0]!.low) ? firstAppos.slice(1) : firstAppos)).replace(/ ([’']s)\b/g, '$1') || null;
      return head;
    }
    c = k;
  }
  return null;
}

/**
 * "Roe's attorney, Lena Fisk, said" / "the union's lawyer, Lena Fisk, said": a description, then the
 * name of the person it describes; the name speaks and the description is its role.
 */
function namedDescription(tokens: Token[], k: number, lo: number, appos: Token[]): Mention | null {
  if (appos.length === 0 || !appos.every((t) => nameToken(t))) return null;
  const desc = mentionBefore(tokens, k, lo);
  if (!desc || !(desc.kind === 'nominal' || /['’]s$/.test(desc.text))) return null;
  const m = splitRun(appos, [], false);
  if (!m || m.kind !== 'name' || m.isOrg) return null;
  const first = indexAt(tokens, desc.start, k);
  const role = joinTokens(tokens.slice(first, k).filter((t) => !DETERMINERS.has(t.low))).replace(/ ([’']s)\b/g, '$1');
  return { ...m, role: m.role ?? (role || null) };
}

/** Index of the comma (or the token before the clause) that opens the segment ending at comma `c`. */
function segmentStart(tokens: Token[], c: number, lo: number): number {
  let k = c - 1;
  while (k >= lo && tokens[k]!.text !== ',' && tokens[k]!.kind !== 'quote' && c - k < 24) k--;
  return k;
}

/** An apposition segment holds no quote and no lowercase cue verb. */
const plainSegment = (appos: Token[]): boolean =>
  appos.length > 0 && !appos.some((x) => x.kind === 'quote' || (x.kind === 'word' && /^\p{Ll}/u.test(x.text) && cueLemma(x.low) !== null));

/**
 * The mention before the comma at k when it can head the apposition: a name opening its clause, a
 * pronoun, or ("The deputy minister, who has visited the port, said") a nominal before a relative clause.
 */
function appositionHead(tokens: Token[], k: number, lo: number, relative: boolean): Mention | null {
  const head = mentionBefore(tokens, k, lo);
  if (!head) return null;
  if (head.kind === 'pronoun') return head;
  const opens = opensClause(tokens, indexAt(tokens, head.start, k), lo);
  if (head.kind === 'name') return opens ? head : null;
  return relative && opens ? head : null;
}

/** Skips fillers and adverbs left of a cue ("Smith has also repeatedly said"); returns the token before them. */
function skipFillersBack(tokens: Token[], j: number, lo: number): number {
  while (j >= lo && isWord(tokens[j]) && (CUE_FILLERS.has(tokens[j]!.low) || (/ly$/.test(tokens[j]!.text) && !tokens[j]!.cap))) j--;
  return j;
}

/** Start of the capitalised run that ends at j (particles inside). */
function runStartBack(tokens: Token[], j: number, lo: number): number {
  let a = j;
  while (a - 1 >= lo && !tokens[a]!.nl && (nameToken(tokens[a - 1]) || (isWord(tokens[a - 1]) && PARTICLES.has(tokens[a - 1]!.low) && nameToken(tokens[a - 2])))) a--;
  return a;
}

/** "the Association of Ferry Pilots said" / "Mr. Oduya of the Tarn Walkers Club said": the head before "of". */
function ofPhrase(tokens: Token[], a: number, j: number, lo: number): Mention | null {
  const p1 = tokens[a - 1];
  const ofAt = a - 1 >= lo && p1!.low === 'of' ? a - 1 : a - 2 >= lo && p1!.low === 'the' && tokens[a - 2]!.low === 'of' ? a - 2 : -1;
  if (ofAt <= lo || !nameToken(tokens[ofAt - 1])) return null;
  const head = mentionBefore(tokens, ofAt, lo);
  if (!head || head.kind !== 'name') return null;
  const tail = joinTokens(tokens.slice(ofAt, j + 1));
  const orgHead = head.isOrg || (!head.honorific && !head.text.includes(' ') && ORG_WORDS.has(head.text.toLowerCase()));
  if (orgHead) return { ...head, text: `${head.text} ${tail}`, isOrg: true, end: tokens[j]!.end };
  return { ...head, role: head.role ?? tail, end: tokens[j]!.end };
}

/** Role words in front of a name run starting at a ("Kestria's deputy foreign minister Pavel Orlov"). */
function roleBefore(tokens: Token[], a: number, lo: number): Token[] {
  const preRole: Token[] = [];
  let r = a - 1;
  while (r >= lo && preRole.length < 6 && isWord(tokens[r]) && !tokens[r]!.cap && ROLE_WORDS.has(tokens[r]!.low)) preRole.unshift(tokens[r--]!);
  // "Harbour Radio host Ana Ruiz": a capitalised owner in front of the role.
  while (preRole.length > 0 && preRole.length < 9 && r >= lo && (isCap(tokens[r]) || /['’]s$/.test(tokens[r]!.text)) && !NOT_NAME.has(tokens[r]!.low)) preRole.unshift(tokens[r--]!);
  return preRole;
}

/** A name ending at token j, with its role, or the organisation it heads. */
function nameBefore(tokens: Token[], j: number, lo: number): Mention | null {
  const a = runStartBack(tokens, j, lo);
  if (a - 1 >= lo && tokens[a - 1]!.text === '-') return null;
  const viaOf = ofPhrase(tokens, a, j, lo);
  if (viaOf) return viaOf;
  const withThe = a - 1 >= lo && isWord(tokens[a - 1]) && tokens[a - 1]!.low === 'the';
  return splitRun(tokens.slice(a, j + 1), withThe ? [] : roleBefore(tokens, a, lo), withThe);
}

const isDet = (x: Token): boolean => DETERMINERS.has(x.low) || (x.cap && /['’]s$/.test(x.text));

/** "the IMF report", "a Kremlin spokesman": the capitalised part is the organisation (not a nationality). */
function orgInNominal(words: Token[], end: number): Mention | null {
  const caps = words.filter((x) => nameToken(x));
  if (caps.length === 0 || caps.length !== words.filter((x) => x.cap).length) return null;
  const s = words.indexOf(caps[0]!);
  if (s > 2 || caps.every((x) => isDemonym(x.text))) return null;
  const run = words.slice(s, s + caps.length);
  if (!run.every((x) => x.cap)) return null;
  return { kind: 'name', text: (words[0]!.low === 'the' ? 'the ' : '') + joinTokens(run), role: null, honorific: null, isOrg: true, start: words[0]!.start, end };
}

/** Nominal ending at token j: "the mayor", "a spokesman for the ministry", "Marin's former strategist", "officials". */
function nominalBefore(tokens: Token[], j: number, lo: number): Mention | null {
  const t = tokens[j]!;
  if (NOMINAL_STOP.has(t.low)) return null;
  let a = j;
  while (a - 1 >= lo && isWord(tokens[a - 1]) && j - a < 6 && !isDet(tokens[a]!)) a--;
  if (!isDet(tokens[a]!)) {
    if (!GROUPS.has(t.low)) return null;
    a = j;
  }
  const words = tokens.slice(a, j + 1);
  if (words.some((x) => cueLemma(x.text) !== null && x !== words[0])) return null;
  const org = orgInNominal(words, t.end);
  if (org) return org;
  return { kind: 'nominal', text: joinTokens(words), role: joinTokens(words.filter((x) => !DETERMINERS.has(x.low))), honorific: null, isOrg: false, start: words[0]!.start, end: t.end };
}

/** The mention inside "( … )" before j, as in "Sen. Ann Roe (D-Ore.) said". */
function parenthesised(tokens: Token[], j: number, lo: number): Mention | null {
  let k = j - 1;
  while (k >= lo && tokens[k]!.text !== '(' && j - k < 12) k--;
  return k >= lo && tokens[k]!.text === '(' ? mentionBefore(tokens, k, lo) : null;
}

/** The mention that ends right before token `end` (exclusive), scanning no further left than `lo`. */
export function mentionBefore(tokens: Token[], end: number, lo: number): Mention | null {
  const j = skipFillersBack(tokens, end - 1, lo);
  if (j < lo) return null;
  const t = tokens[j]!;
  const pro = pronounOf(t);
  if (pro) return { kind: 'pronoun', text: pro, role: null, honorific: null, isOrg: false, start: t.start, end: t.end };
  if (t.text === ')') return parenthesised(tokens, j, lo);
  if (t.text === ',') return apposition(tokens, j, lo);
  if (nameToken(t)) return nameBefore(tokens, j, lo);
  return isWord(t) && !t.cap ? nominalBefore(tokens, j, lo) : null;
}
