// Scoring of quote extraction against gold annotations (DESIGN.md section 3).
// Units: each direct quote (marks stripped) and each quoted segment of a mixed item. A prediction
// matches a unit when it covers >= threshold of the unit's characters (0.3 lenient, 0.8 strict),
// one-to-one, greedy by coverage. Speaker accuracy is over matches whose gold speaker is a name
// (gold speakers are mentions as written: a predicted canonical name is right when it shares the
// surname or another name word with the mention). Attributed F1 counts a match only with the right
// speaker; a match whose gold speaker is not a name (pronoun, empty, nominal) cannot be judged and
// counts as attributed when the prediction names a speaker.
import { z } from 'zod';

export type Kind = 'direct' | 'partial';
export interface Unit { start: number; end: number; kind: Kind; speaker: string | null }
export interface Pred { start: number; end: number; kind: Kind; speaker: string | null }

const GoldQuote = z.object({
  quote: z.string(),
  speaker: z.string().nullable().optional(),
  type: z.enum(['direct', 'mixed']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quoted_segments: z.array(z.string()).nullable().optional(),
});
export const GoldItem = z.object({ id: z.string(), text: z.string(), quotes: z.array(GoldQuote) });
export type GoldItem = z.infer<typeof GoldItem>;

const MARKS = /[\s“”"„«»‘’'‚]/;

function strip(text: string, s: number, e: number): [number, number] {
  while (s < e && MARKS.test(text[s]!)) s++;
  while (e > s && MARKS.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Scoring units of one gold item. Segments not found inside their item are skipped. */
export function goldUnits(item: GoldItem): Unit[] {
  const out: Unit[] = [];
  for (const q of item.quotes) {
    const speaker = q.speaker ?? null;
    if (q.type === 'direct') {
      const [s, e] = strip(item.text, q.start, q.end);
      if (e > s) out.push({ start: s, end: e, kind: 'direct', speaker });
      continue;
    }
    let pos = 0;
    for (const seg of q.quoted_segments ?? []) {
      const i = q.quote.indexOf(seg, pos);
      if (i < 0) continue;
      pos = i + seg.length;
      const [s, e] = strip(item.text, q.start + i, q.start + i + seg.length);
      if (e > s) out.push({ start: s, end: e, kind: 'partial', speaker });
    }
  }
  return out;
}

/** One-to-one matches [unitIndex, predIndex], greedy by coverage of the unit. */
export function matchUnits(units: Unit[], preds: Pred[], threshold: number): [number, number][] {
  const pairs: [number, number, number][] = [];
  units.forEach((u, i) => {
    const len = u.end - u.start;
    preds.forEach((p, j) => {
      const cov = (Math.min(u.end, p.end) - Math.max(u.start, p.start)) / len;
      if (cov >= threshold) pairs.push([cov, i, j]);
    });
  });
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const ui = new Set<number>();
  const pj = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (ui.has(i) || pj.has(j)) continue;
    ui.add(i);
    pj.add(j);
    out.push([i, j]);
  }
  return out;
}

const NOT_NAME_WORDS = new Set(['he', 'she', 'it', 'they', 'i', 'we', 'you', 'the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr',
  'sen', 'rep', 'gov', 'president', 'senator', 'governor', 'secretary', 'minister', 'prime', 'vice', 'gen', 'said', 'says']);

/**
 * The name words of a gold mention: the capitalised words ending its head (the part before any
 * comma or parenthesis). Empty when the head is not a name ("he", "the mayor", "Roe’s campaign").
 */
function nameWords(s: string): string[] {
  // "Rep. Jim Roe (D-S.C.), the …" / "Representative Ann Poe of New York" -> the part naming the person.
  const head = s.split(/[,(]|\s(?:of|from|at|who|in)\s/, 1)[0]!.trim();
  const words = head.split(/[^\p{L}\p{N}.'’-]+/u).filter(Boolean);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.replace(/\.$/, '');
    if (!/^\p{Lu}/u.test(w) || /['’]s$/.test(w) && i === words.length - 1) break;
    if (!NOT_NAME_WORDS.has(w.toLowerCase())) out.unshift(w.toLowerCase());
  }
  return out;
}

/** Whether a predicted speaker agrees with a gold mention; null when the gold speaker is not a name. */
export function speakerAgrees(pred: string | null, gold: string | null): boolean | null {
  const g = nameWords(gold ?? '');
  if (g.length === 0) return null;
  if (!pred) return false;
  const p = pred.split(/[^\p{L}\p{N}'’-]+/u).map((w) => w.replace(/['’]s$/, '').toLowerCase()).filter(Boolean);
  const surname = p[p.length - 1];
  return (surname !== undefined && g.includes(surname)) || g[g.length - 1] !== undefined && p.includes(g[g.length - 1]!);
}

export interface Counts { nGold: number; nPred: number; tpGold: number; tpPred: number; judged: number; right: number; attrGold: number; attrPred: number }
export interface Scores { precision: number; recall: number; f1: number; speakerAccuracy: number; judged: number; attributedF1: number; nGold: number; nPred: number }

export const emptyCounts = (): Counts => ({ nGold: 0, nPred: 0, tpGold: 0, tpPred: 0, judged: 0, right: 0, attrGold: 0, attrPred: 0 });

/** Adds one document to per-kind counts ('all', 'direct', 'partial'). Precision by predicted kind, recall by gold kind. */
export function addDocument(acc: Record<'all' | Kind, Counts>, units: Unit[], preds: Pred[], threshold: number): void {
  for (const u of units) { acc.all.nGold++; acc[u.kind].nGold++; }
  for (const p of preds) { acc.all.nPred++; acc[p.kind].nPred++; }
  for (const [i, j] of matchUnits(units, preds, threshold)) {
    const u = units[i]!;
    const p = preds[j]!;
    const agree = speakerAgrees(p.speaker, u.speaker);
    const attributed = agree === null ? p.speaker !== null : agree;
    for (const [k, byGold] of [['all', true], [u.kind, true], [p.kind, false]] as const) {
      const c = acc[k];
      if (k === 'all' || byGold) {
        c.tpGold++;
        if (agree !== null) { c.judged++; if (agree) c.right++; }
        if (attributed) c.attrGold++;
      }
      if (k === 'all' || !byGold) {
        c.tpPred++;
        if (attributed) c.attrPred++;
      }
    }
  }
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const div = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function finish(c: Counts): Scores {
  const precision = div(c.tpPred, c.nPred);
  const recall = div(c.tpGold, c.nGold);
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    speakerAccuracy: div(c.right, c.judged),
    judged: c.judged,
    attributedF1: f1(div(c.attrPred, c.nPred), div(c.attrGold, c.nGold)),
    nGold: c.nGold,
    nPred: c.nPred,
  };
}
