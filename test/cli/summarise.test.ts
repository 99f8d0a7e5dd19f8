import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli.ts';

async function cli(args: string[], stdin = '') {
  return runCliCaptured(args, { stdin, env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'nb-sum-')) } });
}

const article = [
  'The Pellow Bridge will reopen to traffic on Monday after eight months of repairs, the Carrow Bay council said on Friday.',
  'Engineers replaced 40 steel cables and resurfaced the deck, at a cost of 12 million pounds.',
  '“We will not close it again for a generation,” said council leader Mara Quint.',
  'Local traders said the closure had cut their takings by a third.',
  'Bus routes that were diverted during the works will return to their old stops from Tuesday.',
  'Photo: Carrow Bay Council',
].join(' ');

describe('newsbot summarise', () => {
  it('answers each --jsonl line in order with one sentence per line, and a bad line with an error', async () => {
    const input = [
      JSON.stringify({ id: 'a', articles: [article] }),
      'this is not json',
      JSON.stringify({ id: 7, articles: [] }),
      JSON.stringify({ id: 'b', articles: ['Short note. Only two sentences here.'] }),
    ].join('\n');
    const r = await cli(['summarise', '--jsonl', '-'], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; summary?: string; error?: string });
    expect(lines.map((l) => l.id)).toEqual(['a', null, 7, 'b']);
    const sentences = lines[0]!.summary!.split('\n');
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    for (const s of sentences) expect(article).toContain(s);
    expect(lines[0]!.summary).not.toContain('Photo:');
    expect(lines[1]!.error).toMatch(/^line 2: expected/);
    expect(lines[2]!.error).toMatch(/^line 3: expected/);
    expect(lines[3]!.summary).toBe('Short note.\nOnly two sentences here.');
  });

  it('reads a batch from a file, and refuses a missing file with exit code 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-sum-in-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, JSON.stringify({ id: 1, articles: [article] }) + '\n');
    const ok = await cli(['summarise', '--jsonl', file]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout.trim())).toMatchObject({ id: 1 });
    const missing = await cli(['summarise', '--jsonl', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
