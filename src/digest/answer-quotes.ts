// Quotes for "what did <subject> say (about X)" and "who said what about X". The subject may be a
// name ("Brandt" finds "Ilse Brandt"), a role ("the energy minister" finds every speaker whose
// role says so, in any of their quotes) or words in the sentence around a quote ("…,” the mayor
// said). Quotes come from the quote index, or are extracted on the spot for articles the index has
// nothing for (the index is filled by a background job that may not have run yet).
import type { Article, QuoteHit } from '../domain/types.ts';
import type { Store } from '../store/ports.ts';
import { extractQuotes, speakerKey } from '../nlp/quotes.ts';
import { splitSentences, type Sentence } from '../nlp/sentences.ts';
import { contentStems } from '../nlp/stem.ts';
import { alternatives, editDistance } from '../nlp/answer-terms.ts';
import { analyseQuestion, type Term } from '../nlp/answer-question.ts';

export interface QuoteCandidate {
  q: QuoteHit;
  group: string;
  /** Stems of the words the article puts right next to the speaker's full name ("finance minister, Petra Lund"). */
  beside: Set<string>;
  text: Set<string>;
  /** Stems of the sentence(s) around the quote, without the quoted words. */
  context: Set<string>;
  title: Set<string>;
}

/** Lowercase words separated by single spaces: quote text compared regardless of case and punctuation. */
const normal = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const groupOf = (q: QuoteHit): string => q.speakerKey ?? speakerKey(q.speaker ?? '');

function contextOf(a: Article | undefined, q: QuoteHit, sentencesOf: (a: Article) => Sentence[]): string {
  if (!a || q.start < 0 || q.end > a.text.length || q.start >= q.end) return '';
  const around = sentencesOf(a).filter((s) => s.end > q.start && s.start < q.end);
  if (around.length === 0) return '';
  return `${a.text.slice(around[0]!.start, q.start)} ${a.text.slice(q.end, around.at(-1)!.end)}`;
}

/**
 * The words an article writes beside a full name: before it back to the previous sentence or quote
 * mark (at most 40 characters: "Norland's finance minister, Petra Lund"), and a noun-phrase
 * appositive right after it ("Petra Lund, the finance minister,"). That is where news text gives a person's role.
 */
export function besideName(text: string, name: string): string {
  if (!name || !/\s/.test(name.trim())) return '';
  const out: string[] = [];
  for (let at = text.indexOf(name); at >= 0 && out.length < 8; at = text.indexOf(name, at + name.length)) {
    const before = text.slice(Math.max(0, at - 40), at);
    out.push(before.slice(Math.max(...['.', ';', ':', '!', '?', '“', '”', '"', '\n'].map((c) => before.lastIndexOf(c))) + 1));
    // An appositive is a noun phrase ("the finance minister", "Tessby's mayor"), not a clause
    // ("visiting Kyiv for the energy conference", "who leads the talks").
    const after = /^,\s*((?:the|a|an|its|his|her|their|\p{Lu})[^,.;:“”"\n]{0,59}),/u.exec(text.slice(at + name.length));
    if (after) out.push(after[1]!);
  }
  return out.join(' ');
}

// Quotes extracted on the spot are kept per article version: every follow-up in a thread asks
// about the same articles, and extraction is the costly step.
const MAX_EXTRACTED = 1_000;
const extractedCache = new Map<string, ReturnType<typeof extractQuotes>>();
function extracted(a: Article): ReturnType<typeof extractQuotes> {
  const key = `${a.id}\u0000${a.contentHash}`;
  let qs = extractedCache.get(key);
  if (!qs) {
    qs = extractQuotes(a.text, { title: a.title });
    if (extractedCache.size >= MAX_EXTRACTED) extractedCache.clear();
    extractedCache.set(key, qs);
  }
  return qs;
}

type Features = Pick<QuoteCandidate, 'beside' | 'text' | 'context' | 'title'>;
// The stems around a quote depend only on the quote and its article version: kept across questions.
const MAX_FEATURES = 20_000;
const featureCache = new Map<string, Features>();

function featuresOf(q: QuoteHit, a: Article | undefined, sentencesOf: (a: Article) => Sentence[]): Features {
  const key = `${q.articleId}\u0000${a?.contentHash ?? ''}\u0000${q.start}:${q.end}\u0000${q.speaker ?? ''}\u0000${q.text}`;
  let f = featureCache.get(key);
  if (!f) {
    const beside = new Set(contentStems(a && q.speaker ? besideName(a.text, q.speaker) : ''));
    f = { beside, text: new Set(contentStems(q.text)), context: new Set(contentStems(contextOf(a, q, sentencesOf))), title: new Set(contentStems(q.title)) };
    if (featureCache.size >= MAX_FEATURES) featureCache.clear();
    featureCache.set(key, f);
  }
  return f;
}

/** Quotes of the articles, newest article first, the same quote carried by several outlets once. */
export async function candidateQuotes(store: Store, articles: Article[]): Promise<QuoteCandidate[]> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stored = await store.quotes.forArticles(articles.map((a) => a.id));
  const covered = new Set(stored.map((q) => q.articleId));
  const hits = [...stored];
  for (const a of articles) {
    if (covered.has(a.id)) continue;
    extracted(a).forEach((q, i) => {
      const key = q.speaker ? speakerKey(q.speaker) || null : null;
      hits.push({ ...q, id: `${a.id}#${i}`, articleId: a.id, speakerKey: key, outlet: a.outlet, title: a.title, url: a.url, publishedAt: a.publishedAt });
    });
  }
  hits.sort((x, y) => y.publishedAt.getTime() - x.publishedAt.getTime() || x.articleId.localeCompare(y.articleId) || x.start - y.start);
  // A speaker's role given in one quote (or article) holds for their other quotes here too.
  const roleOf = new Map<string, string>();
  for (const q of hits) if (q.speakerRole && q.speaker) roleOf.set(groupOf(q), roleOf.get(groupOf(q)) ?? q.speakerRole);
  const split = new Map<string, Sentence[]>();
  const sentencesOf = (a: Article): Sentence[] => split.get(a.id) ?? split.set(a.id, splitSentences(a.text)).get(a.id)!;
  const seen = new Set<string>();
  const out: QuoteCandidate[] = [];
  for (const q of hits) {
    const norm = normal(q.text);
    if (!norm || seen.has(norm)) continue;
    seen.add(norm);
    const a = byId.get(q.articleId);
    if (!q.speakerRole && q.speaker) q.speakerRole = roleOf.get(groupOf(q)) ?? null;
    out.push({ q, group: groupOf(q), ...featuresOf(q, a, sentencesOf) });
  }
  return out;
}

const has = (set: Set<string>, s: string): boolean => alternatives(s).some((x) => set.has(x));

// Country and demonym stems that share no prefix ("the French minister" ~ "France's minister").
const DEMONYMS = new Map([
  ['french', 'franc'], ['british', 'britain'], ['dutch', 'netherland'], ['swiss', 'switzerland'],
  ['welsh', 'wale'], ['irish', 'ireland'], ['scottish', 'scotland'], ['polish', 'poland'], ['danish', 'denmark'],
  ['swedish', 'sweden'], ['finnish', 'finland'], ['spanish', 'spain'], ['turkish', 'turkei'], ['greek', 'greec'],
]);

/**
 * A role word: as `has`, or a demonym for its country and back ("Ukrainian" ~ "Ukraine’s",
 * "German" ~ "Germany", "French" ~ "France"), compared as stems that extend one another.
 */
function roleHas(set: Set<string>, s: string): boolean {
  if (has(set, s)) return true;
  const country = DEMONYMS.get(s) ?? s;
  for (const x of set) {
    const c = DEMONYMS.get(x) ?? x;
    if (c === country) return true;
    if (Math.min(c.length, country.length) >= 5 && /^\p{L}+$/u.test(c) && (c.startsWith(country) || country.startsWith(c)) && Math.abs(c.length - country.length) <= 3) return true;
  }
  return false;
}

/**
 * Quotes whose speaker the subject names. In order of preference: speakers whose name has a subject
 * word (and whose name and roles have all of them), or whose key is in `indexKeys` (the speaker
 * index's aliases); else speakers whose roles have every subject word; else quotes whose
 * surrounding sentence has them; else, for a one-word name, speakers with a name one typo away.
 */
export function quotesBySubject(all: QuoteCandidate[], subject: string, indexKeys: Set<string> = new Set()): QuoteCandidate[] {
  const want = [...new Set(contentStems(subject))];
  if (want.length === 0) return [];
  const names = new Map<string, Set<string>>();
  const roles = new Map<string, Set<string>>();
  for (const c of all) {
    if (!c.q.speaker) continue;
    const n = names.get(c.group) ?? new Set(contentStems(c.q.speaker));
    names.set(c.group, n);
    const r = roles.get(c.group) ?? new Set<string>();
    for (const s of contentStems(c.q.speakerRole ?? '')) r.add(s);
    for (const s of c.beside) r.add(s);
    roles.set(c.group, r);
  }
  const pick = (ok: (group: string) => boolean) => all.filter((c) => c.q.speaker && ok(c.group));
  const byName = pick((g) => indexKeys.has(g) || (want.some((s) => names.get(g)!.has(s)) && want.every((s) => names.get(g)!.has(s) || roleHas(roles.get(g)!, s))));
  if (byName.length) return byName;
  const byRole = pick((g) => want.every((s) => roleHas(roles.get(g)!, s) || has(names.get(g)!, s)));
  if (byRole.length) return byRole;
  const byContext = all.filter((c) => want.every((s) => has(c.context, s)));
  if (byContext.length) return byContext;
  // A misspelt surname ("Brant"): only for one capitalised word, compared with the names as written.
  const one = /^\p{Lu}[\p{L}'’-]{4,}$/u.test(subject.trim()) ? subject.trim().toLowerCase() : '';
  if (!one) return [];
  return all.filter((c) => c.q.speaker && /^\p{Lu}/u.test(c.q.speaker) && c.q.speaker.toLowerCase().split(/\s+/).some((n) => n[0] === one[0] && editDistance(one, n, 1) <= 1));
}

/** Quotes whose own words contain `phrase` (case, punctuation and spacing aside). */
export function quotesSaying(cands: QuoteCandidate[], phrase: string): QuoteCandidate[] {
  const p = normal(phrase);
  return p ? cands.filter((c) => ` ${normal(c.q.text)} `.includes(` ${p} `)) : [];
}

/**
 * How much a quote is about `about`: its own words count 2, the sentence around it 1, only its
 * article's title 0.5 (the title says what the story is about, not what this quote is about).
 */
export function aboutScore(c: QuoteCandidate, about: string[]): number {
  let s = 0;
  for (const w of about) s += has(c.text, w) ? 2 : has(c.context, w) ? 1 : has(c.title, w) ? 0.5 : 0;
  return s;
}

/**
 * The quotes to show: those about `about` (all when null), best first. One speaker: up to
 * `perSpeaker` of their quotes; several: each one's best quote, up to `speakers` of them.
 */
export function pickQuotes(
  cands: QuoteCandidate[],
  about: string | null,
  opts: { perSpeaker: number; speakers: number; byTitle?: boolean; everyWord?: boolean },
): QuoteHit[] {
  const want = about ? [...new Set(contentStems(about))] : [];
  // everyWord: a quote counts only when each word of `about` is in it, around it or in its title.
  const covers = (c: QuoteCandidate) => want.every((w) => has(c.text, w) || has(c.context, w) || has(c.title, w));
  let scored = cands
    .filter((c) => !opts.everyWord || covers(c))
    .map((c, i) => ({ c, i, s: want.length ? aboutScore(c, want) : 1 }))
    .filter((x) => x.s > 0);
  // Quotes matched only through their article's title count (last) for "who said what about X";
  // for a named subject they count only when nothing closer matches.
  if (!opts.byTitle && scored.some((x) => x.s >= 1)) scored = scored.filter((x) => x.s >= 1);
  scored.sort((x, y) => y.s - x.s || x.i - y.i);
  const groups = new Map<string, QuoteHit[]>();
  for (const { c } of scored) groups.set(c.group, [...(groups.get(c.group) ?? []), c.q]);
  if (groups.size === 1) return [...groups.values()][0]!.slice(0, opts.perSpeaker);
  return [...groups.values()].slice(0, opts.speakers).map((g) => g[0]!);
}

/**
 * Quotes that say what `phrase` says, in any order and in other words: each phrase word counts
 * (weighted by how rare it is among the quotes) when the quote has it, a WordNet related word
 * (less), or has it in the sentence around the quote (half). A quote holding the phrase verbatim
 * scores 1. Best first; only those covering at least `min` of the phrase's weight.
 */
export function quotesLike(cands: QuoteCandidate[], phrase: string, min: number): { c: QuoteCandidate; score: number }[] {
  const terms = analyseQuestion(`who said ${phrase}`).terms;
  const verbatim = new Set(quotesSaying(cands, phrase));
  if (terms.length === 0) return [...verbatim].map((c) => ({ c, score: 1 }));
  const w = terms.map((t) => {
    const df = cands.reduce((k, c) => k + (t.same.some((x) => c.text.has(x)) ? 1 : 0), 0);
    return Math.max(0.5, Math.log((cands.length + 1) / (df + 0.5)));
  });
  const total = w.reduce((a, b) => a + b, 0);
  const strength = (t: Term, s: Set<string>) => (t.same.some((x) => s.has(x)) ? 1 : t.related.some((x) => s.has(x)) ? 0.7 : t.broader.some((x) => s.has(x)) ? 0.5 : 0);
  return cands
    .map((c) => {
      if (verbatim.has(c)) return { c, score: 1 };
      let hit = 0;
      let words = 0;
      terms.forEach((t, k) => {
        const e = strength(t, c.text) || 0.5 * strength(t, c.context);
        if (e > 0) words++;
        hit += w[k]! * e;
      });
      return { c, score: words >= Math.min(2, terms.length) ? hit / total : 0 };
    })
    .filter((x) => x.score >= min)
    .sort((a, b) => b.score - a.score);
}
