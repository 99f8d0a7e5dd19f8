import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli.ts';

const fixture = fileURLToPath(new URL('../fixtures/quotes/harbour-talks.txt', import.meta.url));

async function cli(args: string[], stdin = '') {
  return runCliCaptured(args, { stdin });
}

describe('newsbot quotes', () => {
  it('prints the documented JSON fields with offsets into the file as read', async () => {
    const r = await cli(['quotes', fixture, '--json']);
    expect(r.code).toBe(0);
    const text = readFileSync(fixture, 'utf8');
    const quotes = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) {
      expect(Object.keys(q)).toEqual(['text', 'speaker', 'speakerRole', 'cue', 'kind', 'start', 'end', 'confidence']);
      expect(text.slice(q.start as number, q.end as number)).toBe(q.text);
    }
    expect(quotes.find((q) => String(q.text).startsWith('Talks like these'))).toMatchObject({ speaker: 'Oskar Lindqvist', kind: 'direct' });
  });

  it('reads an article from stdin and prints quotes for people', async () => {
    const r = await cli(['quotes', '-'], 'Ferry fares rise\n\n“Nobody asked us,” said Noor Sato, a commuter.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nobody asked us,');
    expect(r.stdout).toContain('Noor Sato');
  });

  it('skips header lines to find the headline, and reports no quote from the headline', async () => {
    const text = 'Outlet: Saltreach Post\nDate: 2031-05-20T08:00:00Z\n\n‘Nobody asked us’: commuters on fare rise\n\n“Nobody asked us,” said Noor Sato, a commuter.\n';
    const r = await cli(['quotes', '-', '--json'], text);
    const quotes = JSON.parse(r.stdout) as { text: string; speaker: string; start: number }[];
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([['Nobody asked us,', 'Noor Sato']]);
    expect(text.slice(quotes[0]!.start).startsWith('Nobody asked us,')).toBe(true);
  });

  it('extracts the article from an HTML file first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-quotes-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, '<html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1><p>The northern quay reopened on Monday after months of repairs to its supports and its cranes.</p><p>“It is a good day for the harbour,” said Edgar Petrov, the harbour master, as the first ship arrived at dawn.</p><p>Dock workers gathered along the quay to watch the first crane lift of the season.</p></article></body></html>');
    const r = await cli(['quotes', file, '--json']);
    expect(r.code).toBe(0);
    const quotes = JSON.parse(r.stdout) as { text: string; speaker: string }[];
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([['It is a good day for the harbour,', 'Edgar Petrov']]);
  });

  it('answers each --jsonl line in order and reports bad lines without stopping', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Title\n\n“Yes,” said Ana Reis.' }),
      'not json',
      JSON.stringify({ id: 7, text: 'Title only' }),
    ].join('\n');
    const r = await cli(['quotes', '--jsonl', '-'], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a', quotes: [{ text: 'Yes,', speaker: 'Ana Reis', start: 8, end: 12 }] });
    expect(lines[1]).toMatchObject({ id: null, error: expect.stringContaining('line 2') });
    expect(lines[2]).toEqual({ id: 7, quotes: [] });
  });

  it('exits 2 with one line on stderr for bad usage or unreadable input', async () => {
    const missing = await cli(['quotes', '/nonexistent/article.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['quotes'])).code).toBe(2);
    expect((await cli(['quotes', 'a', 'b'])).code).toBe(2);
    expect((await cli(['quotes', fixture, '--bogus'])).code).toBe(2);
  });
});
