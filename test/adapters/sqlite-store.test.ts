// Runs the store contract against the SQLite adapter on a temporary file (reopened to check persistence).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { storeContract } from '../contract/store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsbot-sqlite-'));
// A nested path: opening must create the missing folders.
const file = join(dir, 'nested', 'newsbot.db');

storeContract('SQLite', () => openSqliteStore(file), async () => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  it('works in memory, each open giving a separate empty database', async () => {
    const a = await openSqliteStore(':memory:');
    const b = await openSqliteStore(':memory:');
    await a.cache.put('k', 'v');
    expect(await a.cache.get('k')).toBe('v');
    expect(await b.cache.get('k')).toBeNull();
    await a.close();
    await b.close();
  });

  it('rejects an article with an invalid date with a clear error', async () => {
    const s = await openSqliteStore(':memory:');
    const bad = {
      id: 'x', url: 'u', guid: null, sourceId: null, outlet: 'o', title: 't', byline: null,
      publishedAt: new Date('not a date'), fetchedAt: new Date(), text: 'x', contentHash: 'h',
    };
    await expect(s.articles.save(bad)).rejects.toThrow(/publishedAt must be a valid Date/);
    await s.close();
  });
});
