import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { parseDuration } from '../../src/cli/digest.ts';
import { UsageError } from '../../src/cli/types.ts';
import { FERRY, FIRE, NOW } from '../digest/fixtures.ts';
import { seed } from '../digest/seed.ts';
import { runCliCaptured } from '../support/cli.ts';

let dir: string;

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const r = await runCliCaptured(args, { stdin, env: { DATA_DIR: dir, LOG_LEVEL: 'silent' } });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-cli-digest-'));
  const store = await openSqliteStore(join(dir, 'newsbot.db'));
  // Fixtures moved to "now" so the CLI's window (ending now) holds them.
  const shift = Date.now() - NOW.getTime();
  await seed(store, [...FIRE, FERRY].map((a) => ({ ...a, publishedAt: new Date(a.publishedAt.getTime() + shift) })));
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsbot digest', () => {
  it('parses durations in minutes, hours, days and weeks', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('3d')).toBe(3 * 86_400_000);
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    for (const bad of ['', '24', 'h', '-3d', '0h', '3 days', '1.5h', '2022-01-01x']) expect(() => parseDuration(bad)).toThrow(UsageError);
  });

  it('prints the digest as text with the window, the story and its sources', async () => {
    const r = await cli(['digest', 'lorrick', '--since', '24h']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# News digest: lorrick');
    expect(r.out).toContain('1 story from 3 matching articles across 3 outlets');
    expect(r.out).toContain('Odile Farrant');
  });

  it('prints JSON with --json and markdown with --markdown', async () => {
    const j = await cli(['digest', 'ferry', '--json']);
    const d = JSON.parse(j.out) as { topic: string; stories: { articles: { id: string }[] }[] };
    expect(d.topic).toBe('ferry');
    expect(d.stories[0]!.articles[0]!.id).toBe('ferry-1');
    const m = await cli(['digest', 'ferry', '--markdown']);
    expect(m.out).toMatch(/^# News digest: ferry/);
    expect(m.out).toContain('> “We have no other way to keep the boats running” — Mara Lindqvist');
  });

  it('says so when there are no stories', async () => {
    const r = await cli(['digest', 'volcano', '--since', '3d']);
    expect(r.out).toContain('No stories about volcano in the last 3d.');
  });

  it('rejects a bad duration or a missing topic with exit code 2 and one line', async () => {
    const r = await cli(['digest', 'ferry', '--since', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^newsbot digest: bad duration 'yesterday'.*\n$/);
    expect((await cli(['digest'])).code).toBe(2);
  });
});

describe('newsbot ask and usage', () => {
  it('answers a question from a saved digest with citations', async () => {
    const j = await cli(['digest', 'lorrick', '--json']);
    const id = (JSON.parse(j.out) as { id: string }).id;
    const r = await cli(['ask', 'What did Farrant say?', '--digest', id]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Odile Farrant (fire chief): “The tanks held, and that is why nobody was hurt” [1]');
    expect(r.out).toContain('[1] Harbour Courier');
  });

  it('rejects an unknown digest id', async () => {
    const r = await cli(['ask', 'anything?', '--digest', 'nope']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no digest with id nope');
  });

  it('shows recorded model usage and the budget', async () => {
    const store = await openSqliteStore(join(dir, 'newsbot.db'));
    await store.cache.addUsage(new Date().toISOString().slice(0, 10), 'fake-mini', 1200, 300);
    await store.close();
    const r = await cli(['usage']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/fake-mini\s+1\s+1200\s+300\s+1500/);
    expect(r.out).toContain('Today: 1500 of 200000 tokens used (198500 left)');
  });
});

describe('newsbot summarise', () => {
  it('summarises a JSONL batch offline, one output line per input line, in order', async () => {
    const input = [
      JSON.stringify({ id: 'a', articles: [FIRE[0]!.text] }),
      'not json',
      JSON.stringify({ id: 'b', articles: [FERRY.text, 'Second part.'] }),
    ].join('\n');
    const r = await cli(['summarise', '--jsonl', '-'], input);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; summary?: string; error?: string });
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'b']);
    expect(lines[0]!.summary).toMatch(/^A fire broke out at the Brannock Chemicals plant/);
    expect(lines[1]!.error).toMatch(/line 2/);
  });

  it('summarises one article from stdin offline', async () => {
    const r = await cli(['summarise', '--offline', '-'], `${FERRY.title}\n\n${FERRY.text}`);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^Ferry fares between Eastmere/);
  });

  it('rejects a missing file with exit code 2', async () => {
    const r = await cli(['summarise', join(dir, 'missing.txt'), '--offline']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no such file/);
  });
});
