import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli.ts';
import { DISALLOWED, PAYWALL_TEXT, startOutlet, STORIES, type Outlet } from '../support/outlet.ts';

let outlet: Outlet;
let dataDir: string;
beforeEach(async () => {
  outlet = await startOutlet();
  dataDir = mkdtempSync(join(tmpdir(), 'newsbot-cli-fulltext-'));
});
afterEach(async () => {
  await outlet.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCliCaptured(args, { env: { DATA_DIR: dataDir, NEWSBOT_FETCH_ALLOWLIST: '127.0.0.1', FETCH_HOST_DELAY_MS: '0', ...env } });

describe('newsbot ingest with a teaser feed', () => {
  it('reads the article pages once, keeps walled and disallowed items as teasers, and finds quotes only the pages hold', async () => {
    const first = await cli(['ingest', outlet.feedUrl, '--keep']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^ingested 1 sources: 4 new, 0 updated, 0 duplicate, 0 failed; 2 of 4 article pages read, 2 kept as teaser; \d+ quotes indexed\n$/);
    expect(outlet.hits(`/${DISALLOWED.slug}`)).toBe(0);
    expect(outlet.peakInFlight()).toBeLessThanOrEqual(2);

    const who = await cli(['whosaid', 'Lindqvist']);
    expect(who.stdout).toContain('This light belongs to everyone who ever came home by it');
    const search = await cli(['articles', 'search', 'subscribe', 'subscriber']);
    expect(search.stdout).not.toContain(PAYWALL_TEXT.slice(0, 30));

    const before = outlet.server.requests.length;
    const again = await cli(['ingest', outlet.feedUrl]);
    expect(again.stdout).toMatch(/^ingested 1 sources: 0 new, 0 updated, 4 duplicate, 0 failed; 0 quotes indexed\n$/);
    expect(outlet.server.requests.slice(before).map((r) => r.path.split('?')[0])).toEqual(['/feed.xml']);

    const list = await cli(['sources', 'list']);
    expect(list.stdout).toContain('full text auto (default), 2 teaser-only');
    expect(STORIES).toHaveLength(2);
  });

  it('reads no page with --fulltext never', async () => {
    const r = await cli(['ingest', outlet.feedUrl, '--fulltext', 'never']);
    expect(r.stdout).toMatch(/^ingested 1 sources: 4 new, 0 updated, 0 duplicate, 0 failed; \d+ quotes indexed\n$/);
    expect(outlet.server.requests.map((q) => q.path.split('?')[0])).toEqual(['/feed.xml']);
  });
});
