// Offline extractive summariser, tuned for news. Deterministic: the same text gives the same summary.
//
// Signal: each sentence's centrality to the article's own word profile (how much of the article's
// recurring vocabulary it carries), weighted towards the top of the article (news is written
// inverted-pyramid), plus overlap with the title when one is given. Sentences are picked greedily
// with a redundancy filter and returned in article order. Boilerplate (bylines, stamps, "Read more",
// credits) is dropped first. Sentences come from the quote-aware splitter, so a quotation is never
// cut: a selected sentence always holds whole quotes.
import { splitSentences } from './sentences.ts';
import { contentStems } from './stem.ts';
import { isBoilerplate, stripHeaders } from './boilerplate.ts';
import { leaning } from './leans.ts';

export interface SummariseOptions {
  title?: string;
  /** Upper bound on sentences returned (default 3). */
  maxSentences?: number;
}

/** Tuning knobs (fixed defaults; exposed for the evaluation script's held-out checks). */
export interface SummariseParams {
  /** Position prior: weight = 1 / (1 + i / positionScale) ^ positionPower. */
  positionScale: number;
  positionPower: number;
  /** Sentence length normalisation exponent (0 = none, 1 = mean). */
  lengthPower: number;
  /** Weight of title overlap relative to centrality. */
  titleWeight: number;
  /** Skip a candidate when this share of its content words is already in the summary. */
  redundancy: number;
  /** Target summary length in words; selection stops once reached. */
  wordBudget: number;
  /** Sentences shorter than this (words) are not candidates. */
  minWords: number;
  /** Sentences longer than this (words) are penalised (run-ons, lists). */
  maxWords: number;
  /** Multiplier for sentences that lean on context ("But he said…", "It was…"). */
  danglingPenalty: number;
  /** Share of a leaning sentence's score credited to the sentence it leans on. */
  contextShare: number;
  /** Multiplier for caption-like sentences ("Pictured: …", "Hitting out: Smith said …"). */
  captionPenalty: number;
}

// Tuned on the even lines of a 500-article CNN/DailyMail dev set; the odd lines are the check.
export const DEFAULT_PARAMS: SummariseParams = {
  positionScale: 4,
  positionPower: 0.8,
  lengthPower: 1,
  titleWeight: 0.5,
  redundancy: 0.35,
  wordBudget: 55,
  minWords: 5,
  maxWords: 60,
  danglingPenalty: 0.85,
  contextShare: 0.25,
  captionPenalty: 0.6,
};

interface Candidate {
  index: number;
  text: string;
  stems: string[];
  words: number;
  score: number;
}

const DANGLING = /^(but|and|so|also|however|meanwhile|still|yet|he|she|it|they|this|that|these|those|there|his|her|their|its)\b/i;
const CAPTION = /^(\p{Lu}[\p{L}'’-]*)(\s+[\p{L}'’-]+){0,3}\s*:\s+\S/u;
const WORD_RE = /\S+/g;

function countWords(s: string): number {
  return s.match(WORD_RE)?.length ?? 0;
}

/** Story sentences of an article, in order, with boilerplate and the dateline removed. */
export function storySentences(text: string): string[] {
  const out: string[] = [];
  for (const s of splitSentences(stripHeaders(text))) {
    const t = s.text.replace(/\s+/g, ' ').trim();
    if (!isBoilerplate(t)) out.push(t);
  }
  return out;
}

export function summariseWith(text: string, opts: SummariseOptions, p: SummariseParams): string[] {
  const max = Math.max(1, Math.floor(opts.maxSentences ?? 3));
  if (typeof text !== 'string' || text.trim() === '') return [];
  const sentences = storySentences(text);
  if (sentences.length <= 1) return sentences.slice(0, max);

  const cands: Candidate[] = sentences.map((t, index) => ({ index, text: t, stems: contentStems(t), words: countWords(t), score: 0 }));
  const tf = new Map<string, number>();
  for (const c of cands) for (const w of new Set(c.stems)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const titleStems = new Set(opts.title ? contentStems(opts.title) : []);
  for (const c of cands) c.score = scoreOf(c, tf, titleStems, p);

  // A sentence that others lean on is worth part of what it lets them say.
  const leans = leaning(sentences);
  for (const c of cands) {
    const ctx = leans[c.index];
    if (ctx && c.score > 0) cands[ctx[0]!]!.score += p.contextShare * c.score;
  }
  const chosen = choose(cands, leans, max, p);
  if (chosen.length === 0) return sentences.slice(0, max);
  return chosen.sort((a, b) => a.index - b.index).map((c) => c.text);
}

function scoreOf(c: Candidate, tf: Map<string, number>, titleStems: Set<string>, p: SummariseParams): number {
  const uniq = new Set(c.stems);
  if (uniq.size === 0 || c.words < p.minWords) return 0;
  // Centrality: words that recur across sentences carry the story; a word only this sentence
  // uses counts nothing.
  let central = 0;
  let titleHits = 0;
  for (const w of uniq) {
    central += Math.log(tf.get(w)!);
    if (titleStems.has(w)) titleHits++;
  }
  central /= Math.pow(uniq.size, p.lengthPower);
  const titleScore = titleStems.size > 0 ? titleHits / titleStems.size : 0;
  const position = 1 / Math.pow(1 + c.index / p.positionScale, p.positionPower);
  // The small constant keeps sentences of short articles (where no word recurs) selectable,
  // in article order, after every sentence with real centrality.
  let score = (central + p.titleWeight * titleScore + 1e-3) * position;
  if (c.index > 0 && DANGLING.test(c.text)) score *= p.danglingPenalty;
  if (CAPTION.test(c.text)) score *= p.captionPenalty;
  if (c.words > p.maxWords) score *= p.maxWords / c.words;
  return score;
}

/** Best-first, within the sentence and word budgets, skipping what repeats what is chosen. */
function choose(cands: Candidate[], leans: ReturnType<typeof leaning>, max: number, p: SummariseParams): Candidate[] {
  const ranked = cands.filter((c) => c.score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  let words = 0;
  const take = (c: Candidate) => {
    chosen.push(c);
    words += c.words;
    for (const w of c.stems) covered.add(w);
  };
  for (const c of ranked) {
    if (chosen.length >= max || words >= p.wordBudget) break;
    if (chosen.includes(c) || redundant(c, covered, p.redundancy)) continue;
    // A sentence that leans on one left out comes with it, or not at all.
    const context = leans[c.index];
    if (context && !chosen.some((x) => context.includes(x.index))) {
      const ante = cands[context[0]!]!;
      if (leans[ante.index] || chosen.includes(ante)) continue;
      if (chosen.length + 2 > max) continue;
      take(ante);
    }
    take(c);
  }
  return chosen;
}

function redundant(c: Candidate, covered: Set<string>, limit: number): boolean {
  const uniq = new Set(c.stems);
  let seen = 0;
  for (const w of uniq) if (covered.has(w)) seen++;
  return uniq.size > 0 && seen / uniq.size > limit;
}

/**
 * Summarises one article into at most `maxSentences` (default 3) whole sentences, in article order.
 * Pure and deterministic; returns [] for empty input.
 */
export function summarise(text: string, opts: SummariseOptions = {}): string[] {
  return summariseWith(text, opts, DEFAULT_PARAMS);
}

/** The first `n` sentences as written (the Lead-n baseline), boilerplate included. */
export function leadSentences(text: string, n = 3): string[] {
  return splitSentences(text).slice(0, n).map((s) => s.text.replace(/\s+/g, ' ').trim());
}
