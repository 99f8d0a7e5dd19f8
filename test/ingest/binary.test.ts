import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import type { Fetcher } from '../../src/fetch/port.ts';
import { binaryReason } from '../../src/ingest/binary.ts';
import { ingestTargets } from '../../src/ingest/pipeline.ts';
import { createLogger } from '../../src/log.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

/** Deterministic noise (xorshift), standing in for an image or an archive. */
function noise(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

let server: TestServer;
let fetcher: Fetcher;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  fetcher = createFetcher({ timeoutMs: 2000, maxBytes: 1024 * 1024, allowlist: ['127.0.0.1'] });
  dir = mkdtempSync(join(tmpdir(), 'newsbot-binary-'));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('binary input', () => {
  it('is told apart from text in any charset', () => {
    expect(binaryReason(noise(200_000))).toMatch(/^not text/);
    expect(binaryReason(Buffer.from('plain'), 'image/png; q=1')).toBe('not text (content type image/png)');
    expect(binaryReason(Buffer.from('Caf\xe9 \x93quoted\x94\n', 'latin1'), 'text/html')).toBeNull();
    expect(binaryReason(Buffer.from('\ufeffhello', 'utf16le'))).toBeNull();
    expect(binaryReason(Buffer.from('<rss version="2.0"><channel><title>x</title></channel></rss>'), 'application/octet-stream')).toBeNull();
  });

  it('fetched or read from a file is refused with a clear warning and never stored', async () => {
    server.serve('/random', noise(200_000), { 'content-type': 'application/octet-stream' });
    server.serve('/photo', noise(5000, 3), { 'content-type': 'image/jpeg' });
    writeFileSync(join(dir, 'random.txt'), noise(200_000, 11));
    const store = await openSqliteStore(':memory:');
    try {
      const r = await ingestTargets([`${server.url}/random`, `${server.url}/photo`, join(dir, 'random.txt')], { store, fetcher, log: createLogger('silent'), now: () => new Date() });
      expect(r).toMatchObject({ new: 0, failed: 3 });
      expect(r.sources.map((s) => s.error)).toEqual([
        'not text (binary data, content type application/octet-stream)',
        'not text (content type image/jpeg)',
        `not text (binary data), not stored: ${join(dir, 'random.txt')}`,
      ]);
      expect(await store.articles.pending({ limit: 10 })).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
