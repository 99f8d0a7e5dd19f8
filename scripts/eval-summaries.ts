// Scores the offline summariser against reference summaries, beside Lead-3 of the same articles.
//   npm run eval:summaries -- <gold.jsonl> [--params '{"wordBudget":70}'] [--limit N]
// Gold lines: { id, articles: [text…], reference } with reference sentences separated by "\n".
// Prints ROUGE-1, ROUGE-2 F1 and ROUGE-Lsum (DESIGN.md section 3), for all articles and for two
// fixed halves (even / odd lines) so a tuned margin can be checked on text it was not tuned on.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { rouge, type RougeResult } from '../src/nlp/rouge.ts';
import { DEFAULT_PARAMS, leadSentences, summariseWith, type SummariseParams } from '../src/nlp/summarise.ts';
import { debugLog } from '../src/debug-log.ts';

const Line = z.object({ id: z.string(), articles: z.array(z.string()).min(1), reference: z.string() });

interface Totals {
  n: number;
  r1: number;
  r2: number;
  rl: number;
}

const zero = (): Totals => ({ n: 0, r1: 0, r2: 0, rl: 0 });
function add(t: Totals, r: RougeResult): void {
  t.n++;
  t.r1 += r.rouge1.f1;
  t.r2 += r.rouge2.f1;
  t.rl += r.rougeLsum.f1;
}
const fmt = (t: Totals, k: 'r1' | 'r2' | 'rl') => ((100 * t[k]) / Math.max(1, t.n)).toFixed(2);

function usage(msg: string): never {
  process.stderr.write(`eval-summaries: ${msg}\nusage: npm run eval:summaries -- <gold.jsonl> [--params JSON] [--limit N]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let params: SummariseParams = DEFAULT_PARAMS;
let limit = Infinity;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--params') {
    try {
      params = { ...DEFAULT_PARAMS, ...(JSON.parse(args[++i] ?? '') as Partial<SummariseParams>) };
    } catch {
      usage('--params needs a JSON object');
    }
  } else if (a === '--limit') limit = Number(args[++i]);
  else if (!file) file = a;
  else usage(`unexpected argument ${a}`);
}
if (!file) usage('missing gold file');

let raw: string;
try {
  raw = readFileSync(file, 'utf8');
} catch (err) {
  usage(`cannot read ${file}: ${(err as Error).message}`);
}

const groups = { all: [zero(), zero()], 'half A (even lines)': [zero(), zero()], 'half B (odd lines)': [zero(), zero()] };
let lineNo = 0;
let bad = 0;
let articles = 0;
const t0 = performance.now();
let summariseMs = 0;
for (const text of raw.split('\n')) {
  if (!text.trim()) continue;
  if (lineNo >= limit) break;
  let parsed;
  try {
    parsed = Line.safeParse(JSON.parse(text));
  } catch (err) {
    debugLog('line is not JSON: %s', err);
    parsed = null;
  }
  if (!parsed?.success) {
    bad++;
    continue;
  }
  const doc = parsed.data.articles.join('\n\n');
  const reference = parsed.data.reference.split('\n').filter((s) => s.trim());
  const s0 = performance.now();
  const ours = summariseWith(doc, {}, params);
  summariseMs += performance.now() - s0;
  articles++;
  const rOurs = rouge(ours, reference);
  const rLead = rouge(leadSentences(doc, 3), reference);
  const half = lineNo % 2 === 0 ? 'half A (even lines)' : 'half B (odd lines)';
  for (const g of ['all', half] as const) {
    add(groups[g][0]!, rOurs);
    add(groups[g][1]!, rLead);
  }
  lineNo++;
}

const out: string[] = [];
out.push(`${file}: ${articles} articles${bad ? `, ${bad} unreadable lines skipped` : ''}`);
out.push(`${'set'.padEnd(22)}${'system'.padEnd(14)}${'R-1'.padStart(7)}${'R-2'.padStart(7)}${'R-Lsum'.padStart(8)}`);
for (const [name, [ours, lead]] of Object.entries(groups)) {
  out.push(`${name.padEnd(22)}${'extractive'.padEnd(14)}${fmt(ours!, 'r1').padStart(7)}${fmt(ours!, 'r2').padStart(7)}${fmt(ours!, 'rl').padStart(8)}`);
  out.push(`${''.padEnd(22)}${'Lead-3'.padEnd(14)}${fmt(lead!, 'r1').padStart(7)}${fmt(lead!, 'r2').padStart(7)}${fmt(lead!, 'rl').padStart(8)}`);
  const d = (100 * (ours!.r1 - lead!.r1)) / Math.max(1, ours!.n);
  out.push(`${''.padEnd(22)}${'margin R-1'.padEnd(14)}${(d >= 0 ? '+' : '') + d.toFixed(2)}`);
}
out.push(`summarising: ${(articles / (summariseMs / 1000)).toFixed(0)} articles/s (single pass, includes warm-up; see bench for medians); total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
process.stdout.write(out.join('\n') + '\n');
