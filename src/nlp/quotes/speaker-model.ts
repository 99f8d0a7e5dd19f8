// The learned speaker ranker: a linear model over feature strings (speaker-features.ts), trained
// as an averaged perceptron that ranks the options of each quote (its candidate mentions and "the
// previous speaker goes on"). The weights ship as model/speaker-weights.json, rebuilt by
// `npm run train:quotes`; loading them is one JSON parse into a Map.
import WEIGHTS from './model/speaker-weights.json' with { type: 'json' };
import type { Candidate } from './speaker-candidates.ts';
import { featureStrings, type FeatureSet } from './speaker-features.ts';

export interface Option {
  /** null = the previous quote's speaker goes on. */
  cand: Candidate | null;
  feats: FeatureSet;
}

export type Weights = Map<string, number>;

export interface WeightsFile {
  model: string;
  data: string;
  epochs: number;
  weights: Record<string, number>;
}

export function weightsFrom(file: WeightsFile): Weights {
  return new Map(Object.entries(file.weights));
}

let shipped: Weights | null = null;

/** The shipped weights, parsed once. */
export function shippedWeights(): Weights {
  shipped ??= weightsFrom(WEIGHTS as WeightsFile);
  return shipped;
}

/** Score of a feature list under weights that are still changing (training). */
function flatScore(w: Weights, feats: string[]): number {
  let s = 0;
  for (const f of feats) s += w.get(f) ?? 0;
  return s;
}

/** Crossed weights ("pro|x") split by their coarse kind, so scoring needs no crossed strings. */
type Split = Map<string, Map<string, number>>;
const splits = new WeakMap<Weights, Split>();
const COARSE = new Set(['name', 'org', 'nominal', 'pro']);

function splitOf(w: Weights): Split {
  let split = splits.get(w);
  if (split) return split;
  split = new Map();
  for (const [k, v] of w) {
    const bar = k.indexOf('|');
    const coarse = bar > 0 ? k.slice(0, bar) : '';
    if (!COARSE.has(coarse)) continue;
    let m = split.get(coarse);
    if (!m) split.set(coarse, (m = new Map()));
    m.set(k.slice(bar + 1), v);
  }
  splits.set(w, split);
  return split;
}

/**
 * Score of one option under final weights; the same sum, in the same order, as the weights of
 * featureStrings(feats), without building the crossed strings.
 */
export function scoreOf(w: Weights, feats: FeatureSet): number {
  let s = 0;
  for (const f of feats.head) s += w.get(f) ?? 0;
  const crossed = feats.coarse === null ? undefined : splitOf(w).get(feats.coarse);
  for (const x of feats.base) {
    s += w.get(x) ?? 0;
    if (feats.coarse !== null) s += crossed?.get(x) ?? 0;
  }
  return s;
}

/** Index of the best option and its margin over the runner-up (Infinity when alone); -1 when none. */
export function best(w: Weights, options: Option[]): { index: number; margin: number } {
  return bestBy(options.map((o) => scoreOf(w, o.feats)));
}

function bestBy(scores: number[]): { index: number; margin: number } {
  let index = -1;
  let top = -Infinity;
  let second = -Infinity;
  scores.forEach((s, i) => {
    if (s > top) {
      second = top;
      top = s;
      index = i;
    } else if (s > second) second = s;
  });
  return { index, margin: top - second };
}

/**
 * Trains an averaged perceptron ranker. `examples` are option lists with the index of the right
 * option; order and epochs fix the result, so the same data gives the same weights.
 */
export function trainRanker(examples: { options: Option[]; gold: number }[], epochs: number): Weights {
  const w = new Map<string, number>();
  const total = new Map<string, number>();
  const stamp = new Map<string, number>();
  let t = 0;
  const bump = (f: string, d: number): void => {
    const last = stamp.get(f) ?? 0;
    const cur = w.get(f) ?? 0;
    total.set(f, (total.get(f) ?? 0) + cur * (t - last));
    stamp.set(f, t);
    w.set(f, cur + d);
  };
  const feats = examples.map((ex) => ex.options.map((o) => featureStrings(o.feats)));
  for (let e = 0; e < epochs; e++) {
    examples.forEach((ex, n) => {
      t++;
      const guess = bestBy(feats[n]!.map((f) => flatScore(w, f))).index;
      if (guess === ex.gold || guess < 0) return;
      for (const f of feats[n]![ex.gold]!) bump(f, 1);
      for (const f of feats[n]![guess]!) bump(f, -1);
    });
  }
  const avg = new Map<string, number>();
  for (const [f, v] of w) {
    const sum = (total.get(f) ?? 0) + v * (t - (stamp.get(f) ?? 0));
    const a = Math.round((sum / t) * 1e4) / 1e4;
    if (a !== 0) avg.set(f, a);
  }
  return avg;
}
