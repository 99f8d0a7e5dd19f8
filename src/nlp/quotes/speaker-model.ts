// The learned speaker ranker: a linear model over feature strings (speaker-features.ts), trained
// as an averaged perceptron that ranks the options of each quote (its candidate mentions and "the
// previous speaker goes on"). The weights ship as model/speaker-weights.json, rebuilt by
// `npm run train:quotes`; loading them is one JSON parse into a Map.
import WEIGHTS from './model/speaker-weights.json' with { type: 'json' };
import type { Candidate } from './speaker-candidates.ts';

export interface Option {
  /** null = the previous quote's speaker goes on. */
  cand: Candidate | null;
  feats: string[];
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

export function scoreOf(w: Weights, feats: string[]): number {
  let s = 0;
  for (const f of feats) s += w.get(f) ?? 0;
  return s;
}

/** Index of the best option and its margin over the runner-up (Infinity when alone); -1 when none. */
export function best(w: Weights, options: Option[]): { index: number; margin: number } {
  let index = -1;
  let top = -Infinity;
  let second = -Infinity;
  options.forEach((o, i) => {
    const s = scoreOf(w, o.feats);
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
  for (let e = 0; e < epochs; e++) {
    for (const ex of examples) {
      t++;
      const guess = best(w, ex.options).index;
      if (guess === ex.gold || guess < 0) continue;
      for (const f of ex.options[ex.gold]!.feats) bump(f, 1);
      for (const f of ex.options[guess]!.feats) bump(f, -1);
    }
  }
  const avg = new Map<string, number>();
  for (const [f, v] of w) {
    const sum = (total.get(f) ?? 0) + v * (t - (stamp.get(f) ?? 0));
    const a = Math.round((sum / t) * 1e4) / 1e4;
    if (a !== 0) avg.set(f, a);
  }
  return avg;
}
