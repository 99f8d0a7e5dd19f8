// npm run eval:quotes -- <gold.jsonl> [--pred-out FILE] [--cv TRAIN.jsonl]
// Scores the quote engine beside a naive baseline, in the reference scorer's semantics (nominal gold
// speakers judged by word overlap, pronoun gold speakers not judged), lenient (30 % coverage) and
// strict (80 %). Predictions are made exactly as `newsbot quotes --jsonl` makes them; --pred-out
// writes them in that format, for `python3 ../shared/tools/score_quotes.py GOLD FILE`.
// --cv runs a 5-fold cross-validation of the speaker model on TRAIN (train on 4 folds, score the 5th).
// The older figure (nominal gold speakers skipped) is printed last, labelled as such.
import { readFileSync, writeFileSync } from 'node:fs';
import { quoteJson, quotesOfText } from '../src/cli/quotes.ts';
import { baselineQuotes } from '../src/nlp/eval/quote-baseline.ts';
import { addDocument, emptyCounts, finish, goldUnits, GoldItem, type Counts, type Kind, type Pred } from '../src/nlp/eval/quote-score.ts';
import { scoreReference, type RefGold, type RefPred, type RefScores } from '../src/nlp/eval/reference-score.ts';
import { crossValidate, readItems } from './train-quotes.ts';

function usage(msg: string): never {
  process.stderr.write(`eval:quotes: ${msg}\nusage: npm run eval:quotes -- <gold.jsonl> [--pred-out FILE] [--cv TRAIN.jsonl]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { gold: string; predOut: string | null; cv: string | null } {
  let gold: string | null = null;
  let predOut: string | null = null;
  let cv: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pred-out') predOut = argv[++i] ?? usage('--pred-out needs a file');
    else if (a === '--cv') cv = argv[++i] ?? usage('--cv needs the training file');
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else gold = a;
  }
  return { gold: gold ?? usage('give the gold JSONL file'), predOut, cv };
}

export function readGold(path: string): GoldItem[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    return usage(`cannot read ${path}: ${(err as Error).message}`);
  }
  const items: GoldItem[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try { parsed = JSON.parse(line); } catch { process.stderr.write(`eval:quotes: line ${i + 1}: not JSON, skipped\n`); return; }
    const r = GoldItem.safeParse(parsed);
    if (r.success) items.push(r.data);
    else process.stderr.write(`eval:quotes: line ${i + 1}: ${r.error.issues[0]?.message ?? 'invalid'}, skipped\n`);
  });
  return items;
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const refRow = (name: string, mode: string, s: RefScores): string =>
  `${name.padEnd(9)} ${mode.padEnd(8)} | ${pct(s.P)}  ${pct(s.R)}  ${pct(s.F1)} | ${pct(s.speakerAcc)} (${String(s.speakerN).padStart(4)}) | ${pct(s.attributedF1)}   | ${String(s.gold).padStart(5)} ${String(s.pred).padStart(5)}`;

/** The older lenient figure: nominal gold speakers skipped, surname match only. */
function olderLenient(items: GoldItem[], preds: Pred[][]): string {
  const acc: Record<'all' | Kind, Counts> = { all: emptyCounts(), direct: emptyCounts(), partial: emptyCounts() };
  items.forEach((it, i) => addDocument(acc, goldUnits(it), preds[i]!, 0.3));
  const s = finish(acc.all);
  return `older lenient figure (nominal gold speakers skipped): F1 ${pct(s.f1)}, speaker ${pct(s.speakerAccuracy)} (${s.judged}), attributed F1 ${pct(s.attributedF1)}`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const items = readGold(args.gold);
  const rows = [`${items.length} articles; reference-scorer semantics (lenient = 30 % coverage, strict = 80 %)`,
    'system    match    |  P      R      F1   | speaker (n)  | attr F1 |  gold  pred'];
  const t0 = performance.now();
  const ours = items.map((it) => quotesOfText(it.text));
  const ms = performance.now() - t0;
  const base = items.map((it) => baselineQuotes(it.text));
  const asRef = (qs: { start: number; end: number; speaker: string | null }[], text: string): RefPred[] =>
    qs.map((q) => ({ text: text.slice(q.start, q.end), speaker: q.speaker, start: q.start }));
  for (const [name, preds] of [['baseline', base], ['newsbot', ours]] as const) {
    const s = scoreReference(items, preds.map((p, i) => asRef(p, items[i]!.text)));
    rows.push(refRow(name, 'lenient', s.lenient), refRow(name, 'strict', s.strict));
  }
  rows.push(`newsbot: ${(ms / items.length).toFixed(2)} ms/article (one cold pass; speed is measured by npm run bench)`);
  rows.push(olderLenient(items, ours));
  if (args.predOut) {
    writeFileSync(args.predOut, items.map((it, i) => JSON.stringify({ id: it.id, quotes: ours[i]!.map(quoteJson) })).join('\n') + '\n');
    rows.push(`predictions written to ${args.predOut}`);
  }
  process.stdout.write(rows.join('\n') + '\n');
  if (args.cv) {
    // Raw lines: the gold schema above drops the speaker offsets that training needs.
    const cv = crossValidate(readItems(args.cv) as unknown as RefGold[], 5);
    process.stdout.write(`5-fold cross-validation on ${args.cv} (speaker model trained on 4 folds, scored on the 5th; pooled):\n`);
    process.stdout.write([refRow('cv', 'lenient', cv.lenient), refRow('cv', 'strict', cv.strict)].join('\n') + '\n');
  }
}

main();
