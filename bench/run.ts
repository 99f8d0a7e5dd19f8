// `npm run bench [-- --n 100000 --only store,quotes --quick --no-write]`
// Discovers bench/*.bench.ts (default export: Bench) and runs each in a child process of its own, one
// after another, so one bench's libraries, heap and JIT state never skew another's figures (and peak
// RSS is per bench); then prints a table and writes docs/benchmarks.md. A bench that throws or cannot be imported becomes a
// row with its error as the note; the others still run. The file keeps one section per bench, so a
// run with --only replaces only the sections it ran.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from './types.ts';
import { debugLog } from '../src/debug-log.ts';

export interface RunArgs {
  n: number;
  store: 'sqlite' | 'postgres';
  quick: boolean;
  only: string[] | null;
  write: boolean;
  out: string;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  seconds: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run ended: other work on the machine skews timings. */
  load: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_OUT = path.join(HERE, '..', 'docs', 'benchmarks.md');

/** Parses runner flags; throws an Error with a one-line message on bad usage. */
export function parseArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { n: Number.NaN, store: 'sqlite', quick: false, only: null, write: true, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--n') {
      const n = Number(value().replace(/[_,]/g, ''));
      if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive integer`);
      args.n = n;
    } else if (a === '--store') {
      const v = value();
      if (v !== 'sqlite' && v !== 'postgres') throw new Error('--store must be sqlite or postgres');
      args.store = v;
    } else if (a === '--quick') args.quick = true;
    else if (a === '--only') args.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--no-write') args.write = false;
    else if (a === '--out') args.out = path.resolve(value());
    else throw new Error(`unknown option ${a} (use --n N, --store sqlite|postgres, --only a,b, --quick, --no-write, --out FILE)`);
  }
  if (Number.isNaN(args.n)) args.n = args.quick ? 5_000 : 100_000;
  return args;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown cpu',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os.loadavg()[0] ?? Number.NaN,
  };
}

/** Human formatting: thousands separators, fewer decimals for larger numbers, "—" for NaN. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const digits = Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table of rows: | metric | value | unit | note |. Pipes and newlines in cells are escaped. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| metric | value | unit | note |', '| --- | ---: | --- | --- |'];
  for (const r of rows) {
    lines.push(`| ${cell(r.metric)} | ${formatValue(r.value)} | ${cell(r.unit)} | ${cell(r.note ?? '')} |`);
  }
  return lines.join('\n');
}

/** A plain-text, column-aligned table for the terminal. */
export function textTable(results: readonly BenchResult[]): string {
  const body = results.flatMap((r) =>
    r.rows.map((row) => [r.name, row.metric, formatValue(row.value), row.unit, row.note ?? '']),
  );
  const all = [['bench', 'metric', 'value', 'unit', 'note'], ...body];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...all.map((line) => line[c]!.length)));
  return all
    .map((line, i) => {
      const text = line
        .map((v, c) => (c === 4 ? v : c === 2 ? v.padStart(widths[c]!) : v.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd();
      return i === 0 ? `${text}\n${'-'.repeat(text.length)}` : text;
    })
    .join('\n');
}

const sectionStart = (name: string) => `<!-- bench:${name} -->`;
const sectionEnd = (name: string) => `<!-- /bench:${name} -->`;

/** One bench's section of docs/benchmarks.md, delimited by markers so later runs can replace it. */
export function renderSection(r: BenchResult, ctx: { date: Date; n: number; quick: boolean; machine: Machine; peakRssMB: number }): string {
  const m = ctx.machine;
  return [
    sectionStart(r.name),
    `## ${r.name}`,
    '',
    `Run ${ctx.date.toISOString()} with n = ${ctx.n.toLocaleString('en-US')}${ctx.quick ? ' (--quick)' : ''} in ${r.seconds.toFixed(1)} s. ` +
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}, ${m.os}, ` +
      `load average ${m.load.toFixed(1)} at the end. ` +
      `Peak RSS of the largest bench process in that run: ${formatValue(ctx.peakRssMB)} MB.`,
    '',
    markdownTable(r.rows),
    sectionEnd(r.name),
  ].join('\n');
}

const HEADER = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/run.ts): the last results of each benchmark, with the machine and',
  'date they were measured on. `npm run bench -- --only NAME` replaces only that section;',
  '`--n N` sets the corpus size (default 100,000), `--quick` is a 5,000-article smoke run.',
].join('\n');

/** Merges new sections into an existing document: replaces sections of benches that ran, keeps the rest. */
export function mergeDocument(existing: string | null, sections: ReadonlyMap<string, string>): string {
  const kept = new Map<string, string>();
  if (existing) {
    const re = /<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g;
    for (const m of existing.matchAll(re)) kept.set(m[1]!, m[0]);
  }
  for (const [name, text] of sections) kept.set(name, text);
  const names = [...kept.keys()].sort();
  return `${HEADER}\n\n${names.map((n) => kept.get(n)!).join('\n\n')}\n`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/** Bench files by name: bench/<name>.bench.ts. */
async function benchFiles(dir: string): Promise<{ name: string; file: string }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
  return files.map((f) => ({ name: f.replace(/\.bench\.ts$/, ''), file: path.join(dir, f) }));
}

/** Child mode: imports one bench file, runs it, prints its rows (and its peak RSS) as one JSON line. */
async function runOne(file: string, n: number, quick: boolean, store: RunArgs['store']): Promise<BenchRow[]> {
  let rows: BenchRow[];
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: Bench };
    const bench = mod.default;
    if (!bench || typeof bench.run !== 'function' || typeof bench.name !== 'string') {
      rows = [{ metric: 'error', value: Number.NaN, unit: '', note: `${path.basename(file)} has no default export { name, run }` }];
    } else rows = await bench.run({ n, quick, store });
  } catch (e) {
    rows = [{ metric: 'error', value: Number.NaN, unit: '', note: errorText(e) }];
  }
  return [...rows, { metric: 'peak RSS of this bench process', value: peakRssMB(), unit: 'MB' }];
}

/** Runs one bench file in a fresh Node process; a crash becomes an error row. */
function runChild(file: string, n: number, quick: boolean, store: RunArgs['store']): Promise<BenchRow[]> {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, '--n', String(n), '--store', store, ...(quick ? ['--quick'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last, (_k, v: unknown) => (v === null ? Number.NaN : v)) as BenchRow[]);
      } catch (err) {
        debugLog('bench output is not JSON: %s', err);
        resolve([{ metric: 'error', value: Number.NaN, unit: '', note: `bench process exited with code ${code} and no result` }]);
      }
    });
  });
}

/**
 * The section a result is filed under: the bench's name, plus the store and N when they differ from
 * the defaults, so the 1M and PostgreSQL profiles keep their own sections beside the default one.
 */
export function profileName(name: string, args: Pick<RunArgs, 'n' | 'store' | 'quick'>): string {
  const parts = [name, ...(args.store !== 'sqlite' ? [args.store] : []), ...(args.n !== (args.quick ? 5_000 : 100_000) ? [`n${args.n}`] : [])];
  return parts.join('-');
}

function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--child') {
    const rest = parseArgs(argv.slice(2));
    process.stdout.write(`\n${JSON.stringify(await runOne(argv[1]!, rest.n, rest.quick, rest.store))}\n`);
    return 0;
  }
  let args: RunArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`bench: ${errorText(e)}\n`);
    return 2;
  }
  const found = (await benchFiles(HERE)).filter((b) => !args.only || args.only.includes(b.name));
  if (args.only) {
    const unknown = args.only.filter((n) => !found.some((b) => b.name === n));
    if (unknown.length) process.stderr.write(`bench: no bench named ${unknown.join(', ')}\n`);
  }
  const results: BenchResult[] = [];
  for (const b of found) {
    process.stderr.write(`bench: running ${b.name} (n = ${args.n})…\n`);
    const t0 = performance.now();
    const rows = await runChild(b.file, args.n, args.quick, args.store);
    results.push({ name: profileName(b.name, args), rows, seconds: (performance.now() - t0) / 1000 });
  }
  const peak = Math.max(0, ...results.flatMap((r) => r.rows.filter((x) => x.metric === 'peak RSS of this bench process').map((x) => x.value)));
  process.stdout.write(`${textTable(results)}\n\npeak RSS of the largest bench process: ${formatValue(peak)} MB\n`);
  if (args.write) {
    const ctx = { date: new Date(), n: args.n, quick: args.quick, machine: describeMachine(), peakRssMB: peak };
    const sections = new Map(results.map((r) => [r.name, renderSection(r, ctx)] as const));
    const existing = await readFile(args.out, 'utf8').catch((err) => { debugLog('no previous %s: %s', args.out, err); return null; });
    await mkdir(path.dirname(args.out), { recursive: true });
    await writeFile(args.out, mergeDocument(existing, sections));
    process.stdout.write(`wrote ${path.relative(process.cwd(), args.out)}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`bench: ${errorText(e)}\n`);
      process.exit(1);
    },
  );
}
