// Runs the store contract against the PostgreSQL adapter, in a fresh schema per run (dropped at the
// end) so concurrent runs never see each other. Skips loudly when PostgreSQL is unreachable, and
// fails instead with REQUIRE_SERVICES=1.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/adapters/postgres/store.ts';
import { loadMigrations, migrate } from '../../src/adapters/postgres/migrate.ts';
import { createLogger } from '../../src/log.ts';
import { storeContract } from '../contract/store.contract.ts';
import { DATABASE_URL, postgresAvailable } from '../support/services.ts';

const log = createLogger('silent');
const schema = `newsbot_test_${randomBytes(6).toString('hex')}`;

/** DATABASE_URL with the run's schema first on search_path. */
function urlFor(s: string): string {
  const u = new URL(DATABASE_URL);
  u.searchParams.set('options', `-c search_path=${s}`);
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Runs `fn` with its own schema (the contract's schema is dropped when the contract ends). */
async function withSchema(suffix: string, fn: (schema: string) => Promise<void>): Promise<void> {
  const s = `${schema}_${suffix}`;
  await admin((c) => c.query(`CREATE SCHEMA ${s}`));
  try {
    await fn(s);
  } finally {
    await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`));
  }
}

if (await postgresAvailable()) {
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const drop = () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined);

  storeContract('PostgreSQL', () => openPostgresStore(urlFor(schema), log), drop);

  describe('PostgreSQL store', () => {
    it('migrates once when several processes open a fresh database at the same time', async () => {
      await withSchema('m', async (fresh) => {
        const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(urlFor(fresh), log)));
        await Promise.all(stores.map((s) => s.ping()));
        await Promise.all(stores.map((s) => s.close()));
        const count = async () =>
          (await admin((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${fresh}.schema_migrations`))).rows[0]!.n;
        const applied = await count();
        expect(applied).toBeGreaterThan(0);
        const again = await openPostgresStore(urlFor(fresh), log);
        await again.close();
        expect(await count()).toBe(applied);
      });
    });

    it('drops NUL characters from untrusted article text instead of failing the write', async () => {
      await withSchema('n', async (fresh) => {
        const s = await openPostgresStore(urlFor(fresh), log);
        try {
          const at = new Date(Date.UTC(1999, 0, 1));
          await s.articles.save({
            id: 'nul-1', url: 'https://x.example/nul', guid: null, sourceId: null, outlet: 'O', title: 'Bad\u0000 title',
            byline: null, publishedAt: at, fetchedAt: at, text: 'text\u0000with nul', contentHash: 'nul-hash',
          });
          expect((await s.articles.get('nul-1'))?.title).toBe('Bad title');
        } finally {
          await s.close();
        }
      });
    });

    it('moves failed-post lists an older version kept in the cache into their table', async () => {
      await withSchema('f', async (fresh) => {
        const pool = new pg.Pool({ connectionString: urlFor(fresh) });
        try {
          await migrate(pool, log, loadMigrations().filter((m) => m.version < 4));
          const list = [
            { at: '2031-05-20T09:00:00.000Z', what: 'digest', channelId: '1', error: 'Missing Access' },
            { what: 42 },
            { at: '2031-05-20T10:00:00.000Z', what: 'follow-up answer', channelId: '2', error: 'Unknown Channel' },
          ];
          const put = 'INSERT INTO cache (key, value, updated_at) VALUES ($1, $2, now())';
          await pool.query(put, ['discord:failed-posts', JSON.stringify(list)]);
          await pool.query(put, ['slack:failed-posts', '[{not json']);
        } finally {
          await pool.end();
        }
        const s = await openPostgresStore(urlFor(fresh), log);
        try {
          expect(await s.chatFailures.list()).toEqual([
            { platform: 'discord', what: 'digest', channelId: '1', error: 'Missing Access', at: new Date('2031-05-20T09:00:00.000Z') },
            { platform: 'discord', what: 'follow-up answer', channelId: '2', error: 'Unknown Channel', at: new Date('2031-05-20T10:00:00.000Z') },
          ]);
          expect(await s.cache.get('discord:failed-posts')).toBeNull();
          expect(await s.cache.get('slack:failed-posts')).toBe('[{not json');
        } finally {
          await s.close();
        }
      });
    });

    it('fails to open, rather than hang, when nothing listens at the address', async () => {
      const u = new URL(DATABASE_URL);
      u.port = '1';
      await expect(openPostgresStore(u.toString(), log)).rejects.toThrow();
    });
  });
} else {
  describe.skip('PostgreSQL store (PostgreSQL not reachable)', () => {
    it('runs the store contract', () => undefined);
  });
}
