import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http-server.ts';
import { runCliCaptured } from '../support/cli.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
let server: TestServer;
let dataDir: string;

beforeEach(async () => {
  server = await startTestServer();
  dataDir = mkdtempSync(join(tmpdir(), 'newsbot-cli-ingest-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Article pages are left out here (their links point nowhere); test/cli/ingest-fulltext.test.ts reads them.
async function cli(args: string[], env: Record<string, string> = {}) {
  return runCliCaptured(args, { env: { DATA_DIR: dataDir, NEWSBOT_FETCH_ALLOWLIST: '127.0.0.1', NEWSBOT_FULLTEXT: 'never', ...env } });
}

describe('newsbot ingest', () => {
  it('ingests feeds, files and folders with progress on stderr and one summary line on stdout', async () => {
    server.serve('/rss2.xml', readFileSync(`${fixtures}feeds/rss2.xml`), { 'content-type': 'application/rss+xml' });
    const r = await cli(['ingest', '--keep', `${server.url}/rss2.xml`, `${fixtures}pages/folder`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ingested 2 sources: 4 new, 0 updated, 0 duplicate, 0 failed; \d+ quotes indexed\n$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^\[\d\/2\] /m);

    const again = await cli(['ingest']);
    expect(again.stdout).toBe('ingested 2 sources: 0 new, 0 updated, 4 duplicate, 0 failed; 0 quotes indexed\n');

    const search = await cli(['articles', 'search', 'quay', 'market']);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('Millbrook Gazette  Quay market gets a roof at last');
  });

  it('registers what it reads as a source only with --keep', async () => {
    const once = await cli(['ingest', `${fixtures}pages/folder`]);
    expect(once.stdout).toMatch(/^ingested 1 sources: 2 new/);
    expect((await cli(['sources', 'list'])).stdout).toMatch(/^no sources/);
    expect((await cli(['ingest'])).code).toBe(2);
    await cli(['ingest', '--keep', `${fixtures}pages/folder`]);
    expect((await cli(['sources', 'list'])).stdout).toContain('pages/folder');
  });

  it('indexes the quotes of what it stores, so whosaid finds them as soon as ingest returns', async () => {
    const r = await cli(['ingest', `${fixtures}pages/folder/01-quay-market.txt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; [1-9]\d* quotes indexed\n$/);
    const who = await cli(['whosaid', 'holt', '--json']);
    expect(who.code).toBe(0);
    expect(who.stdout).toContain('Our traders have earned this');
    expect(who.stdout).toContain('Tomas Holt');
  });

  it('with no arguments ingests NEWSBOT_FEEDS, and says so when there is nothing to ingest', async () => {
    const empty = await cli(['ingest']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^newsbot ingest: nothing to ingest/);
    const r = await cli(['ingest'], { NEWSBOT_FEEDS: `${fixtures}pages/folder, ${fixtures}feeds/rdf.xml` });
    expect(r.stdout).toMatch(/^ingested 2 sources: 3 new, 0 updated, 0 duplicate, 0 failed; \d+ quotes indexed\n$/);
  });

  it('exits 2 with one stderr line for a missing file or a malformed URL, before fetching anything', async () => {
    for (const bad of [['/no/such/file.txt'], ['http://'], ['gopher://example.org/feed']]) {
      const r = await cli(['ingest', `${server.url}/never-fetched.xml`, ...bad]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^newsbot ingest: (no such file or folder|not a valid URL|unsupported URL scheme)/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('reports a failing source, keeps going, and backs off until --force', async () => {
    server.serve('/down.xml', 'no', {}, 503);
    server.serve('/up.xml', readFileSync(`${fixtures}feeds/rdf.xml`), { 'content-type': 'application/rdf+xml' });
    const r = await cli(['ingest', '--keep', `${server.url}/down.xml`, `${server.url}/up.xml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ingested 2 sources: 1 new, 0 updated, 0 duplicate, 1 failed; \d+ quotes indexed\n$/);
    expect(r.stderr).toContain(`${server.url}/down.xml: failed: HTTP 503`);

    const skipped = await cli(['ingest', `${server.url}/down.xml`]);
    expect(skipped.stdout).toMatch(/1 skipped \(backing off; --force retries now\)/);
    const forced = await cli(['ingest', '--force', `${server.url}/down.xml`]);
    expect(forced.code).toBe(2);

    const list = await cli(['sources', 'list']);
    expect(list.stdout).toContain(`feed  ${server.url}/down.xml`);
    expect(list.stdout).toMatch(/2 errors, next retry \d{4}-/);
    expect(list.stdout).toContain('last error: HTTP 503');
  });

  it('refuses a private address that is not allow-listed', async () => {
    const r = await cli(['ingest', `${server.url}/x.xml`], { NEWSBOT_FETCH_ALLOWLIST: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('failed: refused: 127.0.0.1 is a loopback address');
    expect(server.connections).toBe(0);
  });
});
