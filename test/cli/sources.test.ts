import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli.ts';

const folder = fileURLToPath(new URL('../fixtures/pages/folder', import.meta.url));
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsbot-cli-sources-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(args: string[]) {
  return runCliCaptured(args, { env: { DATA_DIR: dataDir } });
}

describe('newsbot sources', () => {
  it('sets a source\'s full text with --fulltext and refuses a value that is not a mode', async () => {
    const add = await cli(['sources', 'add', 'https://courier.example/rss-news/', '--fulltext', 'never']);
    expect(add.stdout).toMatch(/added \S+ {2}feed {2}https:\/\/courier\.example\/rss-news\/ {2}\(full text never\)\n/);
    expect((await cli(['sources', 'list'])).stdout).toContain('full text never, 0 teaser-only');
    const bad = await cli(['sources', 'add', 'https://courier.example/feed.xml', '--fulltext', 'sometimes']);
    expect(bad).toMatchObject({ code: 2, stderr: 'newsbot sources: --fulltext must be one of auto, always, never, not "sometimes"\n' });
  });

  it('adds, lists and removes sources, guessing their kind', async () => {
    const add = await cli(['sources', 'add', 'https://courier.example/feed.xml', 'https://courier.example/news/story', folder]);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/added \S+ {2}feed {2}https:\/\/courier\.example\/feed\.xml\nadded \S+ {2}page {2}https:\/\/courier\.example\/news\/story\nadded \S+ {2}file {2}\//);
    const list = await cli(['sources', 'list']);
    expect(list.stdout).toContain('feed  https://courier.example/feed.xml\n    full text auto (default), 0 teaser-only, last fetched -');
    expect((await cli(['sources', 'remove', 'https://courier.example/news/story'])).stdout).toBe('removed https://courier.example/news/story\n');
    const json = JSON.parse((await cli(['sources', 'list', '--json'])).stdout) as { url: string }[];
    expect(json.map((s) => s.url)).toEqual(['https://courier.example/feed.xml', folder]);
  });

  it('exits 2 with one line for bad usage', async () => {
    for (const args of [['sources'], ['sources', 'add'], ['sources', 'add', 'nowhere/at/all'], ['sources', 'remove', 'nope'], ['sources', 'add', 'https://a.example/', '--kind', 'podcast']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^newsbot sources: /);
    }
  });
});
