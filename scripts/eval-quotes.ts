// npm run eval:quotes -- <gold.jsonl>
// Scores the quote engine (and a naive baseline on the same data) as DESIGN.md section 3 describes.
// Each gold line: { id, text, quotes: [...] }; the text's first line is the headline.
import { readFileSync } from 'node:fs';
import { extractQuotes } from '../src/nlp/quotes.ts';
import { baselineQuotes } from '../src/nlp/eval/quote-baseline.ts';
import { addDocument, emptyCounts, finish, goldUnits, GoldItem, type Counts, type Kind, type Pred } from '../src/nlp/eval/quote-score.ts';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: npm run eval:quotes -- <gold.jsonl>\n');
  process.exit(2);
}
let raw: string;
try {
  raw = readFileSync(path, 'utf8');
} catch (err) {
  process.stderr.write(`eval:quotes: cannot read ${path}: ${(err as Error).message}\n`);
  process.exit(2);
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

type Acc = Record<'all' | Kind, Counts>;
const systems: Record<string, (text: string) => Pred[]> = {
  baseline: (t) => baselineQuotes(t),
  newsbot: (t) => extractQuotes(t, { title: t.split('\n', 1)[0] }),
};
const rows: string[] = [];
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
rows.push(`${items.length} articles, ${items.reduce((n, it) => n + goldUnits(it).length, 0)} gold units`);
rows.push('system    match    kind     |  P      R      F1   | spk acc (n)  | attr F1 | gold  pred');
for (const [name, run] of Object.entries(systems)) {
  const accs: Record<string, Acc> = { lenient: { all: emptyCounts(), direct: emptyCounts(), partial: emptyCounts() }, strict: { all: emptyCounts(), direct: emptyCounts(), partial: emptyCounts() } };
  const t0 = performance.now();
  const preds = items.map((it) => run(it.text));
  const ms = performance.now() - t0;
  items.forEach((it, i) => {
    const units = goldUnits(it);
    addDocument(accs.lenient!, units, preds[i]!, 0.3);
    addDocument(accs.strict!, units, preds[i]!, 0.8);
  });
  for (const mode of ['lenient', 'strict'] as const) {
    for (const kind of ['direct', 'partial', 'all'] as const) {
      const s = finish(accs[mode]![kind]);
      rows.push(`${name.padEnd(9)} ${mode.padEnd(8)} ${kind.padEnd(8)} | ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)} | ${pct(s.speakerAccuracy)} (${String(s.judged).padStart(3)}) | ${pct(s.attributedF1)}   | ${String(s.nGold).padStart(4)}  ${String(s.nPred).padStart(4)}`);
    }
  }
  rows.push(`${name}: ${(ms / items.length).toFixed(2)} ms/article (one cold pass, JIT warm-up included; speed is measured by npm run bench)`);
}
process.stdout.write(rows.join('\n') + '\n');
