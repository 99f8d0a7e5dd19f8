// ROUGE-1, ROUGE-2 (F1) and summary-level ROUGE-L ("Lsum"), scored as DESIGN.md section 3 says:
// lowercased, split on non-alphanumerics, Porter stem on tokens longer than 3 characters.
// Lsum follows the reference implementation (rouge-score): for each reference sentence, the union
// of its LCS with every candidate sentence, with each token counted at most as often as it occurs
// on both sides. Scores are fractions in [0, 1]; empty inputs score 0.
import { stemTokens } from './stem.ts';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeResult {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

function score(hits: number, candTotal: number, refTotal: number): RougeScore {
  const precision = candTotal > 0 ? hits / candTotal : 0;
  const recall = refTotal > 0 ? hits / refTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** ROUGE-N between token lists (clipped n-gram overlap). */
export function rougeN(cand: string[], ref: string[], n: number): RougeScore {
  const c = ngramCounts(cand, n);
  const r = ngramCounts(ref, n);
  let hits = 0;
  for (const [g, k] of c) hits += Math.min(k, r.get(g) ?? 0);
  return score(hits, Math.max(0, cand.length - n + 1), Math.max(0, ref.length - n + 1));
}

/** Indices into `a` of one longest common subsequence of a and b. */
function lcsIndices(a: string[], b: string[]): number[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const t = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      t[i * cols + j] =
        a[i - 1] === b[j - 1] ? t[(i - 1) * cols + j - 1]! + 1 : Math.max(t[(i - 1) * cols + j]!, t[i * cols + j - 1]!);
    }
  }
  const out: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[(i - 1) * cols + j]! >= t[i * cols + j - 1]!) i--;
    else j--;
  }
  return out.reverse();
}

/** Summary-level LCS (ROUGE-Lsum) between sentence-split, tokenised summaries. */
export function rougeLsum(candSents: string[][], refSents: string[][]): RougeScore {
  const m = refSents.reduce((s, x) => s + x.length, 0);
  const n = candSents.reduce((s, x) => s + x.length, 0);
  const refLeft = new Map<string, number>();
  const candLeft = new Map<string, number>();
  for (const s of refSents) for (const t of s) refLeft.set(t, (refLeft.get(t) ?? 0) + 1);
  for (const s of candSents) for (const t of s) candLeft.set(t, (candLeft.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of refSents) {
    const union = new Set<number>();
    for (const c of candSents) for (const i of lcsIndices(r, c)) union.add(i);
    for (const i of [...union].sort((x, y) => x - y)) {
      const t = r[i]!;
      const cl = candLeft.get(t) ?? 0;
      const rl = refLeft.get(t) ?? 0;
      if (cl > 0 && rl > 0) {
        hits++;
        candLeft.set(t, cl - 1);
        refLeft.set(t, rl - 1);
      }
    }
  }
  return score(hits, n, m);
}

/** Scores a candidate summary against a reference, both given as arrays of sentences. */
export function rouge(candidate: string[], reference: string[]): RougeResult {
  const cs = candidate.map(stemTokens);
  const rs = reference.map(stemTokens);
  const c = cs.flat();
  const r = rs.flat();
  return { rouge1: rougeN(c, r, 1), rouge2: rougeN(c, r, 2), rougeLsum: rougeLsum(cs, rs) };
}
