// Passage ranking for grounded answers. Every sentence of the candidate articles is scored by how
// much of the question's weight it covers: a question word counts fully in the sentence itself
// (as its stem or a news synonym), less through a WordNet related word, half in a neighbouring
// sentence or the headline, and a little anywhere in the article (a name more: the sentence may
// say "he" or "the company"). Weights are inverse sentence frequency over the candidates, so no
// single word decides and no missing word vetoes an article. A sentence must also hold the kind
// of thing asked for (a figure, a time, a place, a reason, a person); ties between sources on a
// figure or a date go to the newest one.
import { words } from './stem.ts';
import { alternatives, repairWord } from './answer-terms.ts';
import type { AnswerKind, QuestionAnalysis, Term } from './answer-question.ts';
import { answerBonus, hasAnswerType } from './answer-types-check.ts';
import { peopleIn } from './answer-pronouns.ts';
import { entryOf, stemsOf, type Passage } from './answer-index.ts';

export { passagesOf, stripDateline, type Passage } from './answer-index.ts';

export interface Ranked extends Passage {
  score: number;
}

/** Evidence weights: the word itself, a WordNet related word, in a neighbour or title, elsewhere in the article. */
const SAME = 1;
const RELATED = 0.55;
const BROADER = 0.35;
const NEAR = 0.5;
const ARTICLE = 0.2;
const ARTICLE_NAME = 0.7;
/** A word of the question's setting ("during the outage") found in the sentence's article. */
const ARTICLE_SETTING = 0.9;

function strength(t: Term, stems: Set<string>): number {
  if (t.same.some((x) => stems.has(x))) return SAME;
  if (t.related.some((x) => stems.has(x))) return RELATED;
  return t.broader.some((x) => stems.has(x)) ? BROADER : 0;
}

/** Question words no source has, repaired to the one source word they are a likely typo of ("constrction"). */
function repaired(terms: Term[], byArticle: Passage[][]): Term[] {
  const bodies = byArticle.map((ps) => (ps[0] ? entryOf(ps[0].article).body : new Set<string>()));
  const known = (x: string) => bodies.some((b) => b.has(x));
  const isKnown = (t: Term) => t.same.some(known) || t.related.some(known);
  if (terms.every(isKnown)) return terms;
  const stems = new Set<string>();
  for (const b of bodies) for (const s of b) stems.add(s);
  const vocab = new Set(byArticle.flat().flatMap((p) => words(p.text)));
  return terms.map((t) => {
    if (isKnown(t)) return t;
    const fixed = repairWord(t.word, vocab, stems);
    return fixed ? { ...t, same: [...t.same, ...alternatives(fixed)] } : t;
  });
}

/** Term weights: inverse frequency over all candidate sentences; names weigh more. */
function weights(terms: Term[], all: Passage[]): number[] {
  const n = all.length;
  return terms.map((t) => {
    let df = 0;
    for (const p of all) if (t.same.some((x) => p.stems.has(x))) df++;
    const idf = Math.log((n + 1) / (df + 0.5));
    // General words (many WordNet senses: "hold", "work", "get") count less than specific ones.
    const specific = t.name ? 1.3 : Math.min(1.3, Math.max(0.45, 1.5 - 0.25 * Math.log(1 + t.senses)));
    return Math.max(0.5, idf) * specific * (t.name ? 1.5 : 1);
  });
}

/**
 * The question's most telling word that the sources do use: the heaviest non-name term found in
 * some candidate passage. A passage must have it in itself or a neighbour, or it is about something
 * else ("when will the water taxi start" is not answered by when the ferry stops). Words no source
 * has are left out: they are the asker's paraphrase, not a sign the answer is missing. None for a
 * question of fewer than two such words.
 */
function keyTerm(terms: Term[], w: number[], all: Passage[]): Term | null {
  let best = -1;
  let content = 0;
  terms.forEach((t, k) => {
    if (t.name || t.setting) return;
    content++;
    if (!all.some((p) => strength(t, p.stems) === SAME)) return;
    if (best < 0 || w[k]! > w[best]!) best = k;
  });
  return content >= 2 && best >= 0 ? terms[best]! : null;
}

/**
 * Passages that hold the kind of answer asked for, best first, with their share (0..1) of the
 * question's weight. Only passages scoring at least `floor` are returned.
 */
export function rankPassages(q: QuestionAnalysis, byArticle: Passage[][], floor = 0): Ranked[] {
  const all = byArticle.flat();
  if (q.terms.length === 0 || all.length === 0) return [];
  q = { ...q, terms: repaired(q.terms, byArticle) };
  const w = weights(q.terms, all);
  const total = w.reduce((a, b) => a + b, 0);
  const key = keyTerm(q.terms, w, all);
  const out: Ranked[] = [];
  for (const ps of byArticle) {
    if (ps.length === 0) continue;
    const { body: art } = entryOf(ps[0]!.article);
    const { title } = stemsOf(ps[0]!.article);
    const people = q.kind === 'who' ? peopleIn(ps[0]!.article.text, ps[0]!.article.id) : [];
    // Names say which story; the sentence must itself hold something the question asks about.
    const needsOwn = q.terms.some((t) => !t.name);
    // A yes or no is only given by a sentence about the very thing asked ("resign", not "the deal").
    // The key word binds only where the article uses it: elsewhere it may be the asker's paraphrase.
    const keyHere = key && strength(key, art) === SAME ? key : null;
    const predicate = q.predicate ? q.terms.find((t) => t.word === q.predicate!.word) : undefined;
    for (const [i, p] of ps.entries()) {
      const prev = ps[i - 1]?.stems;
      const next = ps[i + 1]?.stems;
      const nearStrength = (t: Term) => Math.max(strength(t, title), prev ? strength(t, prev) : 0, next ? strength(t, next) : 0);
      let hit = 0;
      let own = 0;
      q.terms.forEach((t, k) => {
        const e0 = strength(t, p.stems);
        if (e0 > 0 && !t.name) own++;
        const e = e0 || Math.max(NEAR * nearStrength(t), (t.name ? ARTICLE_NAME : t.setting ? ARTICLE_SETTING : ARTICLE) * strength(t, art));
        hit += w[k]! * e;
      });
      // A reason often comes in the sentence after the one that restates the event.
      const ownNear = q.kind === 'why' && q.terms.some((t) => !t.name && nearStrength(t) > 0);
      if ((needsOwn && own === 0 && !ownNear) || (predicate && strength(predicate, p.stems) === 0)) continue;
      if (keyHere && strength(keyHere, p.stems) === 0 && nearStrength(keyHere) === 0) continue;
      const score = hit / total + answerBonus(q.kind, p.text, q);
      if (score >= floor && hasAnswerType(q.kind, p.text, q, people)) out.push({ ...p, score });
    }
  }
  return order(out, q.kind, q.time);
}

/** Kinds whose answers change as a story moves on: the newest source wins a near tie. */
const DATED: ReadonlySet<AnswerKind> = new Set(['number', 'when', 'yesno', 'other', 'where']);
/** How close (in score) two passages must be for recency to decide between them. */
const TIE = 0.12;

function order(ps: Ranked[], kind: AnswerKind, time: 'latest' | 'first'): Ranked[] {
  ps.sort((a, b) => b.score - a.score || b.article.publishedAt.getTime() - a.article.publishedAt.getTime() || a.index - b.index);
  if (!DATED.has(kind) || ps.length < 2) return ps;
  const best = ps[0]!.score;
  const close = ps.filter((p) => p.score >= best - TIE);
  const sign = time === 'first' ? -1 : 1;
  const pick = close.reduce((x, y) => (sign * (y.article.publishedAt.getTime() - x.article.publishedAt.getTime()) > 0 ? y : x));
  return [pick, ...ps.filter((p) => p !== pick)];
}
