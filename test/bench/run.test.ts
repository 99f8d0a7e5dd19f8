import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatValue, main, markdownTable, mergeDocument, parseArgs, renderSection, textTable } from '../../bench/run.ts';
import { percentile } from '../../bench/stats.ts';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 8, node: 'v20.0.0', os: 'Linux 6 x64', load: 0.5 };

describe('bench runner', () => {
  it('defaults to 100,000 articles, 5,000 with --quick, and --n overrides both', () => {
    expect(parseArgs([]).n).toBe(100_000);
    expect(parseArgs(['--quick']).n).toBe(5_000);
    expect(parseArgs(['--quick', '--n', '20_000']).n).toBe(20_000);
    expect(parseArgs(['--only', 'store, quotes']).only).toEqual(['store', 'quotes']);
  });

  it('rejects unknown flags and bad counts with a one-line message', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseArgs(['--n', '-3'])).toThrow(/positive integer/);
    expect(() => parseArgs(['--n'])).toThrow(/needs a value/);
  });

  it('formats values with separators and shows a dash for unmeasured ones', () => {
    expect(formatValue(1189.4)).toBe('1,189');
    expect(formatValue(40.26)).toBe('40.3');
    expect(formatValue(1.234)).toBe('1.23');
    expect(formatValue(Number.NaN)).toBe('—');
  });

  it('writes a Markdown table with every row and escapes pipes in notes', () => {
    const md = markdownTable([
      { metric: 'insert', value: 1200, unit: 'articles/s' },
      { metric: 'postgres', value: Number.NaN, unit: 'ms', note: 'skipped: a|b\nunreachable' },
    ]);
    const lines = md.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('| insert | 1,200 | articles/s |  |');
    expect(lines[3]).toBe('| postgres | — | ms | skipped: a\\|b unreachable |');
  });

  it('aligns the terminal table in columns with the bench name on every row', () => {
    const out = textTable([{ name: 'store', seconds: 1, rows: [{ metric: 'a', value: 1, unit: 'ms' }, { metric: 'longer metric', value: 12345, unit: 'articles/s' }] }]);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^bench\s+metric\s+value\s+unit\s+note$/);
    expect(lines[2]!.indexOf('ms')).toBe(lines[3]!.indexOf('articles/s'));
    expect(lines[3]).toContain('12,345');
  });

  it('records machine, date and size in each section and keeps sections of benches that did not run', () => {
    const ctx = { date: new Date('2026-11-28T10:00:00Z'), n: 100_000, quick: false, machine, peakRssMB: 512 };
    const store = renderSection({ name: 'store', seconds: 3, rows: [{ metric: 'insert', value: 1000, unit: 'articles/s' }] }, ctx);
    const quotes = renderSection({ name: 'quotes', seconds: 3, rows: [{ metric: 'f1', value: 0.8, unit: '' }] }, ctx);
    const first = mergeDocument(null, new Map([['store', store], ['quotes', quotes]]));
    expect(first).toContain('2026-11-28T10:00:00.000Z');
    expect(first).toContain('n = 100,000');
    expect(first).toContain('Test CPU, 2 cores, 8.0 GiB, Node v20.0.0, Linux 6 x64, load average 0.5');
    const store2 = store.replace('| 1,000 |', '| 2,000 |');
    const second = mergeDocument(first, new Map([['store', store2]]));
    expect(second).toContain('| 2,000 |');
    expect(second).not.toContain('| 1,000 |');
    expect(second).toContain('## quotes');
    expect(second.match(/## store/g)).toHaveLength(1);
  });

  it('computes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('bench runner end to end', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('returns exit code 2 on bad usage and writes nothing', async () => {
    expect(await main(['--nope'])).toBe(2);
  });

  it('writes the results file even when asked for a bench that does not exist', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
    const out = path.join(dir, 'benchmarks.md');
    expect(await main(['--only', 'no-such-bench', '--out', out])).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^# Benchmarks/);
  });
});
