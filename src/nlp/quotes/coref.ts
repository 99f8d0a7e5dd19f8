// Within-article name resolution. Every capitalised name run outside quotes is indexed once, so a
// later "Marin", "Mr Marin", "he" or "the Kestrian president" resolves to the full name seen in the
// article ("Luc Marin"). Gender comes from honorifics and a small first-name list; unknown
// gender is compatible with both pronouns.
import * as lexiconModule from './lexicon.ts';
import * as mentionsModule from './mentions.ts';
import type { Mention } from './mentions.ts';
import * as tokensModule from './tokens.ts';
import type { Token } from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { DOCUMENT_HEADS, firstNameGender, HONORIFICS, PERSON_HEADS, SOURCE_HEADS, UNNAMED_HEADS } = lexiconModule;
const { nameToken, splitRun } = mentionsModule;
const { isWord } = tokensModule;

export interface Person {
  name: string;
  isOrg: boolean;
  gender: 'm' | 'f' | null;
  roles: string[];
  aliases: Set<string>;
}

interface Seen {
  person: Person;
  start: number;
}

/** Gender of a first name from the name lexicon; null when unknown or given to both. */
function genderOfFirst(first: string): 'm' | 'f' | null {
  const g = firstNameGender(first.toLowerCase());
  return g === 'm' || g === 'f' ? g : null;
}

export const stripPossessive = (s: string): string => s.replace(/['’]s$/, '').replace(/['’]$/, '');
const words = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);
const STOP = new Set(['the', 'a', 'an', 'of', 'for', 'his', 'her', 'its', 'their', 'former', 'then']);

export class ArticleIndex {
  readonly persons: Person[] = [];
  private readonly bySurname = new Map<string, Person[]>();
  private readonly byFirst = new Map<string, Person[]>();
  private readonly byName = new Map<string, Person>();
  private readonly seen: Seen[] = [];

  /** `lowerWords`: words the article also writes in lowercase (a sentence-opening one is no first name). */
  constructor(tokens: Token[], lowerWords: ReadonlySet<string> = new Set()) {
    const found: Mention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!nameToken(tokens[i])) continue;
      if (commonWordOpening(tokens, i, lowerWords)) continue;
      let e = i;
      while (e < tokens.length && nameToken(tokens[e]) && (e === i || !tokens[e]!.nl)) e++;
      const withThe = i > 0 && isWord(tokens[i - 1]) && tokens[i - 1]!.text.toLowerCase() === 'the';
      const m = splitRun(tokens.slice(i, e), [], withThe);
      if (m && m.kind === 'name') found.push(m);
      i = e - 1;
    }
    // Full names first, so an early "Marin" still resolves to the "Luc Marin" named later.
    for (const m of found) if (m.isOrg || m.text.includes(' ')) this.note(m, m.start, false);
    // Single words count as mentions only when they name someone already known ("Marin", "Mr Marin").
    for (const m of found) if (m.isOrg || m.text.includes(' ') || m.honorific || this.knows(m.text)) this.note(m, m.start);
  }

  private indexBefore(at: number): number {
    let lo = 0;
    let hi = this.seen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seen[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Registers a mention (also called for speakers found next to cues) and returns its person. */
  note(m: Mention, at: number, record = true): Person | null {
    if (m.kind !== 'name') return null;
    const name = /['’]s?$/.test(m.text) ? stripPossessive(m.text) : m.text;
    let p: Person | undefined = this.byName.get(name.toLowerCase());
    // Seen before in exactly this form: nothing new to learn.
    const learn = !(p && p.name === name && !m.honorific && !m.role);
    if (learn) {
      const parts = name.split(' ');
      if (!p && !m.isOrg) p = this.match(parts, at, m.honorific);
      p = p ? this.widen(p, parts, name) : this.create(name, parts, m.isOrg);
      this.learnFrom(p, m, name, parts);
    }
    if (record) this.seen.push({ person: p!, start: at });
    return p!;
  }

  private create(name: string, parts: string[], isOrg: boolean): Person {
    const p: Person = { name, isOrg, gender: null, roles: [], aliases: new Set() };
    this.persons.push(p);
    this.byName.set(name.toLowerCase(), p);
    if (!isOrg && parts.length >= 2) {
      push(this.bySurname, parts[parts.length - 1]!.toLowerCase(), p);
      push(this.byFirst, parts[0]!.toLowerCase(), p);
    }
    return p;
  }

  /** A fuller form of a name seen first in short form replaces it. */
  private widen(p: Person, parts: string[], name: string): Person {
    if (!p.isOrg && parts.length > p.name.split(' ').length && parts[parts.length - 1] === p.name.split(' ').pop()) p.name = name;
    return p;
  }

  /** Aliases, gender (from an honorific or a first name) and role that a mention tells about its person. */
  private learnFrom(p: Person, m: Mention, name: string, parts: string[]): void {
    p.aliases.add(name);
    if (m.honorific) p.aliases.add(`${m.honorific[0]!.toUpperCase()}${m.honorific.slice(1)}. ${parts[parts.length - 1]}`);
    const g = m.honorific ? HONORIFICS[m.honorific] : genderOfFirst(parts[0]!);
    if (g && !p.gender && parts.length >= (m.honorific ? 1 : 2)) p.gender = g;
    if (m.role && !p.roles.includes(m.role)) p.roles.push(m.role);
  }

  /** Whether a single word names someone already known in the article (a surname, first name or name). */
  /** Whether a single word is part of a full name written in the article (a surname or first name). */
  partOfName(word: string): boolean {
    const w = stripPossessive(word).toLowerCase();
    return this.bySurname.has(w) || this.byFirst.has(w);
  }

  knows(word: string): boolean {
    const w = stripPossessive(word).toLowerCase();
    return this.bySurname.has(w) || this.byFirst.has(w) || this.byName.has(w);
  }

  private match(parts: string[], at: number, honorific: string | null): Person | undefined {
    const last = parts[parts.length - 1]!.toLowerCase();
    const cands = this.bySurname.get(last) ?? (parts.length === 1 ? this.byFirst.get(last) : undefined);
    if (!cands || cands.length === 0) return undefined;
    const compatible = cands.filter((p) => parts.length === 1 || firstCompatible(parts[0]!, p.name.split(' ')[0]!));
    const g = honorific ? HONORIFICS[honorific] : null;
    const pool = compatible.filter((p) => !g || !p.gender || p.gender === g);
    return this.mostRecent(pool, at) ?? pool[0];
  }

  /**
   * The latest mention before `at` whose person passes `ok`, scanning back at most `limit` mentions.
   * `seen` is in text order (mentions are recorded once, by the constructor), so lookups stay
   * proportional to the distance searched, not to the article length.
   */
  private latest(at: number, ok: (p: Person) => boolean, limit = 400): Person | undefined {
    const lo = this.indexBefore(at);
    for (let i = lo - 1; i >= 0 && lo - i <= limit; i--) if (ok(this.seen[i]!.person)) return this.seen[i]!.person;
    return undefined;
  }

  private mostRecent(pool: Person[], at: number): Person | undefined {
    return this.latest(at, (p) => pool.includes(p));
  }

  /** The person a pronoun at `at` refers to: the most recent compatible person named before it. */
  pronoun(p: string, at: number): Person | null {
    const want = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
    const orgOk = p === 'it' || p === 'they' || p === 'we';
    const personOk = p === 'he' || p === 'she' || p === 'they';
    return this.latest(at, (q) => {
      if (q.isOrg ? !orgOk : !personOk) return false;
      if (p === 'they' && !q.isOrg) return false;
      return !(want && q.gender && q.gender !== want);
    }) ?? null;
  }

  /** Whether a pronoun can refer to this person (gender unknown is compatible). */
  compatible(person: Person, pronoun: string): boolean {
    if (pronoun === 'he' || pronoun === 'she') return !person.isOrg && (!person.gender || person.gender === (pronoun === 'he' ? 'm' : 'f'));
    return pronoun === 'it' || pronoun === 'they' || pronoun === 'we' ? person.isOrg : false;
  }

  /** The person last described by a role such as "the French president" before `at`. */
  nominal(text: string, at: number, subjects: () => Person[] = () => []): Person | null {
    const want = words(text).filter((w) => !STOP.has(w)).map(roleWord);
    if (want.length === 0) return null;
    // Persons whose recorded roles contain every word of the nominal (checked once per person).
    const matches = new Set(this.persons.filter((q) => !q.isOrg && q.roles.some((r) => {
      const rw = new Set(words(r).map((w) => roleWord(stripPossessive(w))));
      return want.every((w) => rw.has(w));
    })));
    const byRole = matches.size > 0 ? this.latest(at, (q) => matches.has(q)) : undefined;
    if (byRole) return byRole;
    const head = want[want.length - 1]!;
    // "my father", "his wife": relatives of someone, not a person named before.
    if (/^(my|our|your|his|her|their)\b/i.test(text)) return null;
    if (UNNAMED_HEADS.has(head) && !byRole) return describe(text, false);
    if (DOCUMENT_HEADS.has(head)) return describe(text, true);
    if (PERSON_HEADS.has(head)) {
      // "a European diplomat", "one official": someone new and unnamed, not anyone named before.
      if (/^(a|an|one|another)\s/i.test(text)) return { name: text.replace(/^\S+/, (d) => d.toLowerCase()), isOrg: false, gender: null, roles: [], aliases: new Set([text]) };
      // "the Valdorian senator" with no role on record: the subject of the sentences before (as for
      // "he"), else the person most recently named.
      return subjects().find((q) => !q.isOrg) ?? this.latest(at, (q) => !q.isOrg) ?? null;
    }
    if (SOURCE_HEADS.has(head)) {
      // An unnamed organisation or document ("the union", "the ruling") speaks as itself.
      return { name: text.replace(/^(the|a|an)\s+/i, (d) => d.toLowerCase()), isOrg: true, gender: null, roles: [], aliases: new Set([text]) };
    }
    return null;
  }

  /** The person a mention denotes; `subjects` lists the subjects of the sentences before, nearest first. */
  resolve(m: Mention, at: number, subjects?: () => Person[]): Person | null {
    if (m.kind === 'name') return this.note(m, at, false);
    if (m.kind === 'pronoun') return this.pronoun(m.text, at);
    return this.nominal(m.text, at, subjects);
  }
}

/** An unnamed speaker: the description itself, with a lowercase determiner ("a senior official"). */
export function describe(text: string, isOrg: boolean): Person {
  return { name: text.replace(/^\S+/, (d) => (/^(the|a|an|one|another|some)$/i.test(d) ? d.toLowerCase() : d)), isOrg, gender: null, roles: [], aliases: new Set([text]) };
}

/** Abbreviated titles read as the role word they stand for ("Sen." is "senator"). */
const ROLE_ABBREVIATIONS: Record<string, string> = { sen: 'senator', 'sen.': 'senator', rep: 'representative', 'rep.': 'representative',
  gov: 'governor', 'gov.': 'governor', pres: 'president', 'pres.': 'president', sec: 'secretary', 'sec.': 'secretary',
  gen: 'general', 'gen.': 'general', amb: 'ambassador', 'amb.': 'ambassador', atty: 'attorney', 'atty.': 'attorney',
  prof: 'professor', 'prof.': 'professor', congressman: 'representative', congresswoman: 'representative' };
const roleWord = (w: string): string => ROLE_ABBREVIATIONS[w] ?? w;

/** "Given Okafor's record": a sentence-opening common word right before a name is not part of it. */
function commonWordOpening(tokens: Token[], i: number, lowerWords: ReadonlySet<string>): boolean {
  const t = tokens[i]!;
  const p = tokens[i - 1];
  const opens = p === undefined || t.nl || p.text === '.' || p.text === '!' || p.text === '?';
  if (!opens || !nameToken(tokens[i + 1]) || tokens[i + 1]!.nl || firstNameGender(t.low) !== undefined) return false;
  return lowerWords.has(t.low) || /(ly|ing|ed|en)$/.test(t.low);
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** "J." is compatible with "John"; "Hillary" with "Hillary"; "Bill" is not compatible with "Hillary". */
export function firstCompatible(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return false;
}
