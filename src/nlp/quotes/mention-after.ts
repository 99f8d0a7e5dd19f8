// The mention that starts at a token, read left to right (after an inverted cue: "said Smith",
// "said the mayor, John Doe", "said conservative radio host Ana Ruiz"). Steps: a pronoun; else an
// optional determiner, a role in front of the name, the capitalised name run (with particles and
// the small words of organisation names), and an apposition after it; else a nominal.
import * as cuesModule from './cues.ts';
import * as lexiconModule from './lexicon.ts';
import * as mentionsModule from './mentions.ts';
import type { Mention } from './mentions.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { cueLemma } = cuesModule;
const { DETERMINER_WORDS, NOMINAL_STOP_WORDS, ORG_WORDS, PARTICLES, PERSON_HEADS, ROLE_WORDS, SOURCE_HEADS, TITLES } = lexiconModule;
const { beforeClause, isDemonym, joinTokens, nameToken, pronounOf, splitRun } = mentionsModule;
const { isCap, isWord } = tokensModule;

const ORG_JOINERS = new Set(['of', 'for', 'to', 'and', 'on', 'the']);
const POSSESSIVE = /['’]s$/;

/** A lowercase word that can stand in a role before a name ("conservative talk radio host"). */
function roleLookWord(t: Token): boolean {
  if (/^[\d/]/.test(t.text)) return true;
  return isWord(t) && !t.cap && !DETERMINER_WORDS.has(t.low) && !NOMINAL_STOP_WORDS.has(t.low) && cueLemma(t.low) === null;
}

const lowerRoleWord = (t: Token | undefined): boolean => isWord(t) && !t.cap && ROLE_WORDS.has(t.low);
const roleOrPossessive = (t: Token | undefined): boolean => isWord(t) && !t.cap && (ROLE_WORDS.has(t.low) || POSSESSIVE.test(t.text));

/** Moves the role words in front of the name from tokens[j…] into `preRole`; returns the new j. */
function collectRole(tokens: Token[], j: number, hi: number, preRole: Token[]): number {
  // A clause ("who has visited Ukraine") is not a role: relative pronouns and auxiliaries end the look.
  let look = j;
  while (look < hi && look < j + 6 && roleLookWord(tokens[look]!)) look++;
  const next = tokens[look];
  const named = look > j && nameToken(next) && (!TITLES.has(next!.low) || TITLES.has(tokens[look - 1]!.low));
  if (named) while (j < look) preRole.push(tokens[j++]!);
  while (j < hi && preRole.length < 6 && roleOrPossessive(tokens[j])) preRole.push(tokens[j++]!);
  while (j < hi && POSSESSIVE.test(tokens[j]!.text) && isCap(tokens[j])) preRole.push(tokens[j++]!);
  while (j < hi && preRole.length < 8 && lowerRoleWord(tokens[j])) preRole.push(tokens[j++]!);
  return j;
}

/** End of the capitalised name run starting at j (particles inside: "Ursula von der Leyen"). */
function runEnd(tokens: Token[], j: number, hi: number): number {
  let e = j;
  // A name never runs across a line break (a photo credit above a headline is not part of it).
  while (e < hi && !(e > j && tokens[e]!.nl) && (nameToken(tokens[e]) || (PARTICLES.has(tokens[e]!.low) && nameToken(tokens[e + 1])))) e++;
  return e;
}

/** "the Ukrainian presidential office", "one European diplomat": a nationality, then a noun phrase up to its head. */
function demonymPhrase(tokens: Token[], i: number, j: number, e: number, hi: number): Mention | null {
  if (e <= j || !tokens.slice(j, e).every((x) => isDemonym(x.text))) return null;
  for (let k = e; k < hi && k < e + 4 && isWord(tokens[k]) && !tokens[k]!.cap; k++) {
    if (!PERSON_HEADS.has(tokens[k]!.low) && !SOURCE_HEADS.has(tokens[k]!.low)) continue;
    const text = joinTokens(tokens.slice(i, k + 1));
    return { kind: 'nominal', text, role: joinTokens(tokens.slice(j, k + 1)), honorific: null, isOrg: false, start: tokens[i]!.start, end: tokens[k]!.end };
  }
  return null;
}

/** Organisation names with small words inside: "Alliance to Reclaim Our Schools", "Bank of Valdoria". */
function orgEnd(tokens: Token[], j: number, e: number, hi: number): number {
  if (e <= j || !tokens.slice(j, e).some((x) => ORG_WORDS.has(x.low))) return e;
  while (e + 1 < hi && ORG_JOINERS.has(tokens[e]!.low) && nameToken(tokens[e + 1])) {
    e++;
    while (e < hi && nameToken(tokens[e])) e++;
  }
  return e;
}

/** "said Smith, the town's mayor": the role from an apposition closed by a comma or a full stop. */
function appositionRole(tokens: Token[], e: number, hi: number): string | null {
  let k = e + 1;
  const appos: Token[] = [];
  while (k < hi && isWord(tokens[k]) && appos.length < 10) appos.push(tokens[k++]!);
  const closed = k >= hi || [',', '.', ';'].includes(tokens[k]!.text);
  if (!closed || appos.length <= 1 || isCap(appos[0]) || !DETERMINER_WORDS.has(appos[0]!.low)) return null;
  return joinTokens(beforeClause(appos.slice(1))) || null;
}

/** "said the mayor, John Doe" / "said the spokesman" / "said the ruling": what follows a determiner or role without a name. */
function nominalAfter(tokens: Token[], i: number, j: number, hi: number, preRole: Token[], withThe: boolean): Mention | null {
  const t = tokens[i]!;
  const role = preRole.length > 0 ? joinTokens(preRole) : null;
  if (tokens[j]?.text === ',' && nameToken(tokens[j + 1])) {
    const named = mentionAfter(tokens, j + 1, hi);
    if (named && named.kind === 'name') return { ...named, role: named.role ?? role };
  }
  if (role) return { kind: 'nominal', text: (withThe ? 'the ' : '') + role, role, honorific: null, isOrg: false, start: t.start, end: preRole[preRole.length - 1]!.end };
  // The word right after the determiner may look like a verb form ("the ruling", "a posting").
  let k = j;
  while (k < hi && k < j + 4 && nounWord(tokens[k], k > j)) k++;
  if (k <= j || !DETERMINER_WORDS.has(t.low)) return null;
  const words = tokens.slice(i, k);
  return { kind: 'nominal', text: joinTokens(words), role: joinTokens(words.slice(1)), honorific: null, isOrg: false, start: t.start, end: words[words.length - 1]!.end };
}

function nounWord(t: Token | undefined, notFirst: boolean): boolean {
  if (!isWord(t) || t.cap || NOMINAL_STOP_WORDS.has(t.low)) return false;
  return !notFirst || (cueLemma(t.low) === null && !/ed$/.test(t.low));
}

/**
 * A capitalised run followed by lowercase role words and another run is a role: "Harbour Radio host Ana
 * Ruiz". Moves that role into `preRole` and returns where the name starts, or -1.
 */
function ownerRole(tokens: Token[], j: number, e: number, hi: number, preRole: Token[]): number {
  let r = e;
  while (r < hi && lowerRoleWord(tokens[r]) && tokens[r]!.low !== 'of' && tokens[r]!.low !== 'for') r++;
  if (e <= j || r <= e || !nameToken(tokens[r])) return -1;
  preRole.push(...tokens.slice(j, r));
  return r;
}

/** The mention that starts at token `i` and ends before `hi`, or null. */
export function mentionAfter(tokens: Token[], i: number, hi: number): Mention | null {
  const t = tokens[i];
  if (!t || i >= hi || !isWord(t)) return null;
  const pro = pronounOf(t);
  if (pro) return { kind: 'pronoun', text: pro, role: null, honorific: null, isOrg: false, start: t.start, end: t.end };
  const withThe = t.low === 'the';
  const preRole: Token[] = [];
  let j = collectRole(tokens, DETERMINER_WORDS.has(t.low) ? i + 1 : i, hi, preRole);
  let e = runEnd(tokens, j, hi);
  const demonym = demonymPhrase(tokens, i, j, e, hi);
  if (demonym) return demonym;
  e = orgEnd(tokens, j, e, hi);
  const owned = ownerRole(tokens, j, e, hi, preRole);
  if (owned >= 0) {
    j = owned;
    e = runEnd(tokens, owned, hi);
  }
  if (e > j) {
    const m = splitRun(tokens.slice(j, e), preRole, withThe && preRole.length === 0);
    if (m && m.kind === 'name' && !m.role && tokens[e]?.text === ',') m.role = appositionRole(tokens, e, hi);
    return m;
  }
  return preRole.length > 0 || DETERMINER_WORDS.has(t.low) ? nominalAfter(tokens, i, j, hi, preRole, withThe) : null;
}
