// npm run train:quotes [-- TRAIN.jsonl] [--epochs N] [--out FILE]
// Trains the speaker ranker on an annotated corpus whose quotes carry the source mention's offsets
// (speaker_start / speaker_end) and writes src/nlp/quotes/model/speaker-weights.json. Deterministic:
// articles in file order, a fixed number of epochs, weights rounded, keys sorted, so the same data
// gives the same bytes. Each quote the engine finds is matched to a gold quote (>= 30 % coverage);
// the right option is the candidate overlapping the gold mention, or "the previous speaker goes on"
// when the gold mention is the one the previous quote was attributed to.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { traceQuotes, type QuoteTrace } from '../src/nlp/quotes/extract.ts';
import { trainRanker, type Option, type Weights, type WeightsFile } from '../src/nlp/quotes/speaker-model.ts';
import { scoreReference, type RefGold, type RefScores } from '../src/nlp/eval/reference-score.ts';
import { quotesOfText } from '../src/cli/quotes.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TRAIN = path.join(ROOT, '..', 'shared', 'data', 'quotes', 'polnear-train.jsonl');
const DEFAULT_OUT = path.join(ROOT, 'src', 'nlp', 'quotes', 'model', 'speaker-weights.json');
export const EPOCHS = 10;

interface TrainQuote { start: number; end: number; speaker?: string | null; speaker_start?: number; speaker_end?: number; type: string; quote: string; quoted_segments?: string[] | null }
interface TrainItem { id: string; text: string; quotes: TrainQuote[] }

/** The gold quote that a found quote covers most (>= 30 % of its characters), or null. */
function goldFor(item: TrainItem, start: number, end: number): TrainQuote | null {
  let bestQ: TrainQuote | null = null;
  let bestCov = 0.3;
  for (const g of item.quotes) {
    const cov = Math.max(0, Math.min(end, g.end) - Math.max(start, g.start)) / Math.max(1, Math.min(end - start, g.end - g.start));
    if (cov >= bestCov) {
      bestCov = cov;
      bestQ = g;
    }
  }
  return bestQ;
}

/**
 * Index of the right option for one found quote, or -1 when none is right. A gold mention often
 * runs on ("Ana Ruiz, a nurse in Lake County"): the candidate holding its first word is its head.
 */
function label(options: Option[], g: TrainQuote, prevGold: TrainQuote | null): number {
  if (g.speaker_start === undefined || g.speaker_end === undefined) return -1;
  const gs = g.speaker_start;
  const ge = g.speaker_end;
  let at = -1;
  let key = -Infinity;
  options.forEach((o, i) => {
    if (!o.cand) return;
    const { start, end } = o.cand.m;
    const ov = Math.min(end, ge) - Math.max(start, gs);
    if (ov <= 0) return;
    // Holding the gold mention's start beats any overlap; then the earlier start, then the longer overlap.
    const k = (start <= gs && gs < end ? 1e6 : 0) - Math.max(0, start - gs) * 1e3 + ov;
    if (k > key) {
      key = k;
      at = i;
    }
  });
  if (at >= 0) return at;
  const sameAsPrev = prevGold !== null && (prevGold.speaker_start === gs || (prevGold.speaker ?? '') === (g.speaker ?? '-'));
  return sameAsPrev ? options.findIndex((o) => o.cand === null) : -1;
}

export function examplesOf(items: TrainItem[]): { options: Option[]; gold: number }[] {
  const out: { options: Option[]; gold: number }[] = [];
  for (const item of items) {
    const traces: QuoteTrace[] = traceQuotes(item.text, { title: item.text.split('\n', 1)[0], model: new Map() });
    let prevGold: TrainQuote | null = null;
    for (const t of traces) {
      const g = goldFor(item, t.quote.start, t.quote.end);
      if (!g) { prevGold = null; continue; }
      const gold = label(t.options, g, prevGold);
      if (gold >= 0 && t.options.length > 1) out.push({ options: t.options, gold });
      prevGold = g;
    }
  }
  return out;
}

export function trainOn(items: TrainItem[], epochs = EPOCHS): Weights {
  return trainRanker(examplesOf(items), epochs);
}

export function readItems(file: string): TrainItem[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as TrainItem);
}

/** k-fold cross-validation (fold = article index mod k), scored with the reference semantics, pooled. */
export function crossValidate(items: RefGold[], k: number, epochs = EPOCHS): { lenient: RefScores; strict: RefScores } {
  const all = items as unknown as TrainItem[];
  const gold: RefGold[] = [];
  const preds: { text: string; speaker: string | null; start: number }[][] = [];
  for (let fold = 0; fold < k; fold++) {
    const model = trainOn(all.filter((_, i) => i % k !== fold), epochs);
    all.forEach((it, i) => {
      if (i % k !== fold) return;
      gold.push(it as unknown as RefGold);
      preds.push(quotesOfText(it.text, { model }).map((q) => ({ text: q.text, speaker: q.speaker, start: q.start })));
    });
  }
  return scoreReference(gold, preds);
}

export function weightsJson(w: Weights, epochs: number, data: string): string {
  const weights: Record<string, number> = {};
  for (const key of [...w.keys()].sort()) weights[key] = w.get(key)!;
  const file: WeightsFile = { model: 'averaged perceptron ranker over speaker candidates (src/nlp/quotes/speaker-model.ts)', data, epochs, weights };
  return JSON.stringify(file, null, 0).replace(/,"/g, ',\n"') + '\n';
}

function main(argv: string[]): void {
  let train = DEFAULT_TRAIN;
  let out = DEFAULT_OUT;
  let epochs = EPOCHS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--epochs') epochs = Number(argv[++i]);
    else if (a === '--out') out = path.resolve(argv[++i] ?? out);
    else train = path.resolve(a);
  }
  if (!Number.isInteger(epochs) || epochs < 1) {
    process.stderr.write('train:quotes: --epochs must be a positive integer\n');
    process.exit(2);
  }
  let items: TrainItem[];
  try {
    items = readItems(train);
  } catch (err) {
    process.stderr.write(`train:quotes: cannot read ${train}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const examples = examplesOf(items);
  const w = trainRanker(examples, epochs);
  writeFileSync(out, weightsJson(w, epochs, path.basename(train)));
  process.stdout.write(`${items.length} articles, ${examples.length} ranked quotes, ${w.size} weights -> ${path.relative(process.cwd(), out)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
