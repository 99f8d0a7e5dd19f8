// Runs the store contract against the SQLite adapter on a temporary file (reopened to check persistence).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.ts';
import { loadMigrations, migrate } from '../../src/adapters/sqlite/migrate.ts';
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

  it('moves the full-text index of a database from before weekly buckets into buckets when opened', async () => {
    const old = join(dir, 'before-buckets.db');
    const db = openDatabase(old);
    migrate(db, loadMigrations().filter((m) => m.version < 5));
    const insert = db.prepare(
      `INSERT INTO articles (id, url, outlet, title, published_at, fetched_at, text, content_hash)
       VALUES (?, ?, 'The Fenwick Lantern', ?, ?, ?, 'Body text.', ?)`,
    );
    const t = Date.UTC(2003, 4, 1);
    insert.run('old-1', 'https://fenwick.example/1', 'Marrowgate bridge opens', t, t, 'h1');
    insert.run('old-2', 'https://fenwick.example/2', 'Marrowgate bridge tolls', t + 20 * 86_400_000, t, 'h2');
    db.close();
    const s = await openSqliteStore(old);
    const hits = await s.articles.search({ query: 'marrowgate', since: new Date(t - 86_400_000), until: new Date(t + 30 * 86_400_000) });
    expect(hits.map((h) => h.article.id).sort()).toEqual(['old-1', 'old-2']);
    await s.articles.save({ ...(await s.articles.get('old-1'))!, title: 'Harrowfield bridge opens', contentHash: 'h3' });
    expect((await s.articles.search({ query: 'marrowgate' })).map((h) => h.article.id)).toEqual(['old-2']);
    await s.close();
  });
});
