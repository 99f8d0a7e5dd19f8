// Speaker mentions next to a cue: a proper name with its role ("US secretary of state Antony
// Blinken", "Sergei Ryabkov, Russia's deputy foreign minister,"), a pronoun ("he"), an organisation
// ("the Kremlin") or a nominal ("the French president"). Pure functions over tokens.
import { DETERMINER_WORDS, GROUP_WORDS, FINAL_TITLES, HONORIFIC_WORDS, NOT_NAME, ORG_WORDS, PARTICLES, PERSON_HEADS, PRONOUN_WORDS, ROLE_WORDS, SOURCE_HEADS, TITLES } from './lexicon.ts';
import { cueLemma, CUE_FILLERS } from './cues.ts';
import { isCap, isWord, type Token } from './tokens.ts';

export interface Mention {
  kind: 'name' | 'pronoun' | 'nominal';
  /** Name without honorifics or role ("Antony Blinken", "the Kremlin"); pronoun or nominal text otherwise. */
  text: string;
  role: string | null;
  honorific: string | null;
  isOrg: boolean;
  start: number;
  end: number;
}

const bare = (t: Token): string => t.low;
const ORG_JOINERS = new Set(['of', 'for', 'to', 'and', 'on', 'the']);
/** Words that cannot end a nominal mention. */
const NOMINAL_STOP = new Set(['and', 'or', 'but', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'that', 'which',
  'who', 'as', 'than', 'then', 'so', 'if', 'when', 'while', 'because', 'it', 'is', 'was', 'be', 'been', 'not', 'this']);
const GROUPS = GROUP_WORDS;
const DETERMINERS = DETERMINER_WORDS;

/** "he", "He’s", "she'd" -> the pronoun; null for other tokens. */
export function pronounOf(t: Token | undefined): string | null {
  if (!isWord(t)) return null;
  const base = t.low.replace(/['’](s|d|ll|ve|re|m)$/, '');
  return PRONOUN_WORDS.has(base) ? base : null;
}

/** Can this token be part of a capitalised name run? */
export function nameToken(t: Token | undefined): boolean {
  if (t === undefined || !t.cap) return false;
  const b = bare(t);
  if (HONORIFIC_WORDS.has(b) || TITLES.has(b)) return isCap(t);
  if (NOT_NAME.has(b) || PRONOUN_WORDS.has(b)) return false;
  if ((b.includes('’') || b.includes("'")) && (/['’](d|m|ll|ve|re)$/.test(b) || pronounOf(t))) return false;
  return cueLemma(b) === null || NAME_PART_CUES.has(b);
}

/** Cue words that are also common parts of names ("the United States", "The Washington Post"). */
const NAME_PART_CUES = new Set(['states', 'state', 'post', 'report', 'record', 'answer', 'note', 'call', 'press', 'signal']);

const joinTokens = (ts: Token[]): string => ts.map((t) => t.text).join(' ');

/** Splits a capitalised run into role, honorific and name ("French President Emmanuel Macron"). */
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
function beforeClause(words: Token[]): Token[] {
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
 * segments to the name that opens the clause ("Jean Roux, the foreign minister of France, a
 * member of the council, said" -> Jean Roux, not France).
 */
function apposition(tokens: Token[], comma: number, lo: number): Mention | null {
  let c = comma;
  let firstAppos: Token[] | null = null;
  for (let seg = 0; seg < 3; seg++) {
    let k = c - 1;
    while (k >= lo && tokens[k]!.text !== ',' && tokens[k]!.kind !== 'quote' && c - k < 24) k--;
    const segStart = k + 1;
    const appos = tokens.slice(segStart, c);
    if (appos.length === 0 || appos.some((x) => x.kind === 'quote' || (x.kind === 'word' && /^\p{Ll}/u.test(x.text) && cueLemma(x.low) !== null))) return null;
    firstAppos ??= appos;
    if (k < lo || tokens[k]!.text !== ',') {
      // The segment itself reaches the clause start: is it "Name" (with an optional role)?
      return null;
    }
    const head = mentionBefore(tokens, k, lo);
    if (head && head.kind === 'name' && opensClause(tokens, indexAt(tokens, head.start, k), lo)) {
      if (!head.role) head.role = joinTokens(beforeClause(DETERMINERS.has(firstAppos[0]!.low) ? firstAppos.slice(1) : firstAppos)).replace(/ ([’']s)\b/g, '$1') || null;
      return head;
    }
    if (head && head.kind === 'pronoun') return head;
    // "The deputy minister, who has visited Ukraine, said": the nominal before a relative clause.
    if (head && head.kind === 'nominal' && seg === 0 && RELATIVE.has(appos[0]!.low) && opensClause(tokens, indexAt(tokens, head.start, k), lo)) return head;
    c = k;
  }
  return null;
}

/** The mention that ends right before token `end` (exclusive), scanning no further left than `lo`. */
export function mentionBefore(tokens: Token[], end: number, lo: number): Mention | null {
  let j = end - 1;
  while (j >= lo && isWord(tokens[j]) && (CUE_FILLERS.has(bare(tokens[j]!)) || /ly$/.test(tokens[j]!.text) && !isCap(tokens[j]))) j--;
  if (j < lo) return null;
  const t = tokens[j]!;
  const pro = pronounOf(t);
  if (pro) return { kind: 'pronoun', text: pro, role: null, honorific: null, isOrg: false, start: t.start, end: t.end };
  if (t.text === ')') {
    let k = j - 1;
    while (k >= lo && tokens[k]!.text !== '(' && j - k < 12) k--;
    if (k >= lo && tokens[k]!.text === '(') return mentionBefore(tokens, k, lo);
    return null;
  }
  if (t.text === ',') return apposition(tokens, j, lo);
  if (nameToken(t)) {
    let a = j;
    while (a - 1 >= lo && (nameToken(tokens[a - 1]) || (isWord(tokens[a - 1]) && PARTICLES.has(bare(tokens[a - 1]!)) && nameToken(tokens[a - 2])))) a--;
    if (a - 1 >= lo && tokens[a - 1]!.text === '-' ) return null;
    // "the Association of Flight Attendants said" / "Mr. Morgan of the Sierra Club said"
    const ofAt = a - 1 >= lo && tokens[a - 1]!.low === 'of' ? a - 1 : a - 2 >= lo && tokens[a - 1]!.low === 'the' && tokens[a - 2]!.low === 'of' ? a - 2 : -1;
    if (ofAt > lo && nameToken(tokens[ofAt - 1])) {
      const head = mentionBefore(tokens, ofAt, lo);
      if (head && head.kind === 'name') {
        const tail = joinTokens(tokens.slice(ofAt, j + 1));
        if (head.isOrg || (!head.honorific && !head.text.includes(' ') && ORG_WORDS.has(head.text.toLowerCase()))) {
          return { ...head, text: `${head.text} ${tail}`, isOrg: true, end: tokens[j]!.end };
        }
        return { ...head, role: head.role ?? tail, end: tokens[j]!.end };
      }
    }
    const withThe = a - 1 >= lo && isWord(tokens[a - 1]) && bare(tokens[a - 1]!) === 'the';
    const preRole: Token[] = [];
    let r = a - 1;
    while (!withThe && r >= lo && isWord(tokens[r]) && !isCap(tokens[r]) && ROLE_WORDS.has(bare(tokens[r]!)) && preRole.length < 6) preRole.unshift(tokens[r--]!);
    // "Russia's deputy foreign minister Sergei Ryabkov", "MSNBC host Chris Matthews"
    while (preRole.length > 0 && r >= lo && (isCap(tokens[r]) || /['’]s$/.test(tokens[r]!.text)) && preRole.length < 9 && !NOT_NAME.has(bare(tokens[r]!))) preRole.unshift(tokens[r--]!);
    return splitRun(tokens.slice(a, j + 1), preRole, withThe);
  }
  if (isWord(t) && !isCap(t)) {
    // Nominal: "the mayor", "a spokesman for the ministry", "Obama's former strategist", "officials".
    if (NOMINAL_STOP.has(t.low)) return null;
    const isDet = (x: Token): boolean => DETERMINERS.has(x.low) || (x.cap && /['’]s$/.test(x.text));
    let a = j;
    while (a - 1 >= lo && isWord(tokens[a - 1]) && j - a < 6 && !isDet(tokens[a]!)) a--;
    if (!isDet(tokens[a]!)) {
      if (!GROUPS.has(t.low)) return null;
      a = j;
    }
    const words = tokens.slice(a, j + 1);
    if (words.some((x) => cueLemma(x.text) !== null && x !== words[0])) return null;
    const caps = words.filter((x) => nameToken(x));
    // "the IMF report", "a Kremlin spokesman": the capitalised part is the organisation. Not so
    // for an adjective of nationality: "the Ukrainian presidential office", "one European diplomat".
    if (caps.length > 0 && caps.length === words.filter((x) => x.cap).length && words.indexOf(caps[0]!) <= 2 && !caps.every((x) => isDemonym(x.text))) {
      const s = words.indexOf(caps[0]!);
      const run = words.slice(s, s + caps.length);
      if (run.every((x) => x.cap)) {
        return { kind: 'name', text: (bare(words[0]!) === 'the' ? 'the ' : '') + joinTokens(run), role: null, honorific: null, isOrg: true, start: words[0]!.start, end: t.end };
      }
    }
    return { kind: 'nominal', text: joinTokens(words), role: joinTokens(words.filter((x) => !DETERMINERS.has(bare(x)))), honorific: null, isOrg: false, start: words[0]!.start, end: t.end };
  }
  return null;
}

/** The mention that starts at token `i` (after an inverted cue: "said Smith", "said the mayor, John Doe"). */
export function mentionAfter(tokens: Token[], i: number, hi: number): Mention | null {
  const t = tokens[i];
  if (!t || i >= hi || !isWord(t)) return null;
  const pro = pronounOf(t);
  if (pro) return { kind: 'pronoun', text: pro, role: null, honorific: null, isOrg: false, start: t.start, end: t.end };
  let j = i;
  let withThe = false;
  if (DETERMINERS.has(bare(t))) {
    withThe = bare(t) === 'the';
    j++;
  }
  const preRole: Token[] = [];
  // "conservative talk radio host Rush Limbaugh": up to five lowercase words before a name are its role.
  let look = j;
  // A clause ("who has visited Ukraine") is not a role: relative pronouns and auxiliaries end the look.
  while (look < hi && look < j + 6 && (isWord(tokens[look]) && !isCap(tokens[look]) && !DETERMINERS.has(bare(tokens[look]!)) && !NOMINAL_STOP.has(bare(tokens[look]!)) && cueLemma(bare(tokens[look]!)) === null || /^[\d/]/.test(tokens[look]!.text))) look++;
  if (look > j && nameToken(tokens[look]) && !TITLES.has(bare(tokens[look]!)) || look > j && TITLES.has(bare(tokens[look - 1]!)) && nameToken(tokens[look])) {
    while (j < look) preRole.push(tokens[j++]!);
  }
  while (j < hi && isWord(tokens[j]) && !isCap(tokens[j]) && (ROLE_WORDS.has(bare(tokens[j]!)) || /['’]s$/.test(tokens[j]!.text)) && preRole.length < 6) preRole.push(tokens[j++]!);
  while (j < hi && /['’]s$/.test(tokens[j]!.text) && isCap(tokens[j])) preRole.push(tokens[j++]!);
  while (j < hi && isWord(tokens[j]) && !isCap(tokens[j]) && ROLE_WORDS.has(bare(tokens[j]!)) && preRole.length < 8) preRole.push(tokens[j++]!);
  let e = j;
  while (e < hi && (nameToken(tokens[e]) || (PARTICLES.has(bare(tokens[e]!)) && nameToken(tokens[e + 1])))) e++;
  // "the Ukrainian presidential office", "one European diplomat": a nationality then a noun phrase.
  // The phrase ends at its head noun, a person or a source ("diplomat", "office").
  if (e > j && tokens.slice(j, e).every((x) => isDemonym(x.text))) {
    for (let k = e; k < hi && k < e + 4 && isWord(tokens[k]) && !isCap(tokens[k]); k++) {
      if (!PERSON_HEADS.has(tokens[k]!.low) && !SOURCE_HEADS.has(tokens[k]!.low)) continue;
      const text = joinTokens(tokens.slice(i, k + 1));
      return { kind: 'nominal', text, role: joinTokens(tokens.slice(j, k + 1)), honorific: null, isOrg: false, start: t.start, end: tokens[k]!.end };
    }
  }
  // Organisation names with small words inside: "Alliance to Reclaim Our Schools", "Bank of Valdoria".
  if (e > j && tokens.slice(j, e).some((x) => ORG_WORDS.has(bare(x)))) {
    while (e + 1 < hi && ORG_JOINERS.has(bare(tokens[e]!)) && nameToken(tokens[e + 1])) {
      e++;
      while (e < hi && nameToken(tokens[e])) e++;
    }
  }
  // A capitalised run followed by lowercase role words and another run is a role: "MSNBC host Chris Matthews".
  let r = e;
  while (r < hi && isWord(tokens[r]) && !isCap(tokens[r]) && ROLE_WORDS.has(bare(tokens[r]!)) && bare(tokens[r]!) !== 'of' && bare(tokens[r]!) !== 'for') r++;
  if (e > j && r > e && nameToken(tokens[r])) {
    preRole.push(...tokens.slice(j, r));
    j = r;
    e = r;
    while (e < hi && (nameToken(tokens[e]) || (PARTICLES.has(bare(tokens[e]!)) && nameToken(tokens[e + 1])))) e++;
  }
  if (e > j) {
    const m = splitRun(tokens.slice(j, e), preRole, withThe && preRole.length === 0);
    if (m && m.kind === 'name' && !m.role && tokens[e]?.text === ',' ) {
      // "said Smith, the town's mayor" -> role from the apposition.
      let k = e + 1;
      const appos: Token[] = [];
      while (k < hi && isWord(tokens[k]) && appos.length < 10) appos.push(tokens[k++]!);
      const closed = k >= hi || [',', '.', ';'].includes(tokens[k]!.text);
      if (closed && appos.length > 1 && !isCap(appos[0]) && DETERMINERS.has(bare(appos[0]!))) m.role = joinTokens(beforeClause(appos.slice(1))) || null;
    }
    return m;
  }
  if (preRole.length > 0 || withThe) {
    // "said the mayor, John Doe" / "said the spokesman"
    const role = preRole.length > 0 ? joinTokens(preRole) : null;
    if (tokens[j]?.text === ',' && nameToken(tokens[j + 1])) {
      const named = mentionAfter(tokens, j + 1, hi);
      if (named && named.kind === 'name') return { ...named, role: named.role ?? role };
    }
    if (role) return { kind: 'nominal', text: (withThe ? 'the ' : '') + role, role, honorific: null, isOrg: false, start: t.start, end: preRole[preRole.length - 1]!.end };
    // "said the ruling", "said a statement from the ministry"
    let k = j;
    // The word right after the determiner may look like a verb form ("the ruling", "a posting").
    while (k < hi && k < j + 4 && isWord(tokens[k]) && !isCap(tokens[k]) && !NOMINAL_STOP.has(tokens[k]!.low) && (k === j || cueLemma(tokens[k]!.low) === null) && !(k > j && /ed$/.test(tokens[k]!.low))) k++;
    if (k > j && DETERMINERS.has(t.low)) {
      const words = tokens.slice(i, k);
      return { kind: 'nominal', text: joinTokens(words), role: joinTokens(words.slice(1)), honorific: null, isOrg: false, start: t.start, end: words[words.length - 1]!.end };
    }
  }
  return null;
}
