// Quote scoring in the semantics of the reference scorer that quality figures are quoted in
// (DESIGN.md section 3). Differences from quote-score.ts (the older, lenient figure):
// - a nominal gold speaker ("the campaign") is judged by word overlap instead of being skipped;
// - only a pronoun gold speaker is not judged (it counts as attributed when any speaker is given);
// - predictions are located by their text near their offset, as a consumer of `--jsonl` output would.
// Units: direct quotes (marks stripped) and each quoted segment of a mixed item; a prediction matches
// a unit when it covers >= threshold of the unit's characters, one-to-one, greedy by coverage.

export interface RefGoldQuote {
  quote: string;
  speaker?: string | null;
  type: string;
  start: number;
  end: number;
  quoted_segments?: string[] | null;
  optional?: boolean;
}
export interface RefGold { id: string; text: string; quotes: RefGoldQuote[] }
export interface RefPred { text: string; speaker: string | null; start?: number }

interface RefUnit { start: number; end: number; speaker: string; optional: boolean }

const MARKS = '"\'“”‘’«»„‟‚‛';
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'his', 'her', 'him', 'them', 'this', 'that']);
const STOP = new Set(['the', 'a', 'an', 'of', 'mr', 'mrs', 'ms', 'dr', 'and', 'for', 'to', 'in', 'on', 'at', 'said']);

const isMarkOrSpace = (c: string): boolean => MARKS.includes(c) || /\s/.test(c);

function stripSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && isMarkOrSpace(text[s]!)) s++;
  while (e > s && isMarkOrSpace(text[e - 1]!)) e--;
  return [s, e];
}

function segmentUnits(text: string, q: RefGoldQuote): [number, number][] {
  const out: [number, number][] = [];
  for (const seg of q.quoted_segments ?? [q.quote]) {
    let i = text.indexOf(seg, q.start);
    if (i < 0 || i > q.end + 1 - seg.length) i = text.indexOf(seg);
    if (i >= 0) out.push(stripSpan(text, i, i + seg.length));
  }
  return out;
}

export function referenceUnits(art: RefGold): RefUnit[] {
  const out: RefUnit[] = [];
  const seen = new Set<string>();
  for (const q of art.quotes) {
    const type = q.type ?? 'direct';
    if (type === 'indirect') continue;
    const spans = type === 'direct' ? [stripSpan(art.text, q.start, q.end)] : segmentUnits(art.text, q);
    for (const [s, e] of spans) {
      const key = `${s}:${e}`;
      if (e <= s || seen.has(key)) continue;
      seen.add(key);
      out.push({ start: s, end: e, speaker: q.speaker ?? '', optional: Boolean(q.optional) });
    }
  }
  return out;
}

function trimMarks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (MARKS.includes(s[a]!) || ' \n\t'.includes(s[a]!))) a++;
  while (b > a && (MARKS.includes(s[b - 1]!) || ' \n\t'.includes(s[b - 1]!))) b--;
  return s.slice(a, b);
}

function locate(text: string, p: RefPred): [number, number] | null {
  const q = trimMarks(p.text ?? '');
  if (!q) return null;
  if (typeof p.start === 'number' && p.start >= 0 && p.start < text.length) {
    const i = text.indexOf(q, Math.max(0, p.start - 5));
    if (i >= 0 && i <= p.start + 5) return [i, i + q.length];
  }
  const i = text.indexOf(q);
  return i < 0 ? null : [i, i + q.length];
}

const nameTokens = (name: string): string[] =>
  (name.toLowerCase().match(/[\p{L}\p{N}_’'-]+/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/’/g, "'"));

/** The reference scorer's speaker test: last words overlap, or at least min(|gold|, 2) shared words. */
export function referenceSpeakerOk(pred: string, gold: string): boolean {
  if (gold.includes('|')) return gold.split('|').some((g) => referenceSpeakerOk(pred, g));
  const g = nameTokens(gold);
  const p = nameTokens(pred);
  if (g.length === 0 || p.length === 0) return false;
  const gs = new Set(g);
  const ps = new Set(p);
  if (ps.has(g[g.length - 1]!) || gs.has(p[p.length - 1]!)) return true;
  const shared = [...gs].filter((w) => ps.has(w)).length;
  return shared > 0 && shared >= Math.min(gs.size, 2);
}

export interface RefCounts { tp: number; pred: number; gold: number; speakerOk: number; speakerN: number; attrTp: number }
export const emptyRefCounts = (): RefCounts => ({ tp: 0, pred: 0, gold: 0, speakerOk: 0, speakerN: 0, attrTp: 0 });

/** Adds one article's units and predictions to `c` at coverage threshold `t` (0.3 lenient, 0.8 strict). */
export function addReference(c: RefCounts, art: RefGold, preds: RefPred[], t: number): void {
  const units = referenceUnits(art);
  c.gold += units.filter((u) => !u.optional).length;
  const located = preds.map((p) => locate(art.text, p));
  c.pred += preds.length;
  const pairs: [number, number, number][] = [];
  units.forEach((u, ui) => located.forEach((loc, pi) => {
    if (!loc) return;
    const cov = Math.max(0, Math.min(u.end, loc[1]) - Math.max(u.start, loc[0])) / (u.end - u.start);
    if (cov >= t) pairs.push([cov, ui, pi]);
  }));
  // Python's reverse sort of (cov, ui, pi) tuples: ties go to the higher indices.
  pairs.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  const usedU = new Set<number>();
  const usedP = new Set<number>();
  for (const [, ui, pi] of pairs) {
    if (usedU.has(ui) || usedP.has(pi)) continue;
    usedU.add(ui);
    usedP.add(pi);
    const u = units[ui]!;
    if (u.optional) { c.pred--; continue; }
    c.tp++;
    const spk = preds[pi]!.speaker ?? '';
    if (u.speaker && !PRONOUNS.has(u.speaker.trim().toLowerCase())) {
      c.speakerN++;
      if (referenceSpeakerOk(spk, u.speaker)) { c.speakerOk++; c.attrTp++; }
    } else if (spk) c.attrTp++;
  }
}

export interface RefScores { P: number; R: number; F1: number; speakerAcc: number; speakerN: number; attributedF1: number; tp: number; pred: number; gold: number }

const div = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function finishReference(c: RefCounts): RefScores {
  const P = div(c.tp, c.pred);
  const R = div(c.tp, c.gold);
  return { P, R, F1: f1(P, R), speakerAcc: div(c.speakerOk, c.speakerN), speakerN: c.speakerN,
    attributedF1: f1(div(c.attrTp, c.pred), div(c.attrTp, c.gold)), tp: c.tp, pred: c.pred, gold: c.gold };
}

/** Lenient and strict reference scores of `preds` (one list per article, same order) against `gold`. */
export function scoreReference(gold: RefGold[], preds: RefPred[][]): { lenient: RefScores; strict: RefScores } {
  const len = emptyRefCounts();
  const str = emptyRefCounts();
  gold.forEach((g, i) => {
    addReference(len, g, preds[i] ?? [], 0.3);
    addReference(str, g, preds[i] ?? [], 0.8);
  });
  return { lenient: finishReference(len), strict: finishReference(str) };
}
