// The scale-out store: PostgreSQL through a pg Pool, implementing every store port.
import pg from 'pg';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/ports.ts';
import { pgArticles } from './articles.ts';
import { pgCache } from './cache.ts';
import { pgDigests } from './digests.ts';
import { migrate } from './migrate.ts';
import { pgPosts } from './posts.ts';
import { pgQuotes } from './quotes.ts';
import { pgSources } from './sources.ts';
import { pgSubscriptions } from './subscriptions.ts';
import { pgChatFailures } from './chat-failures.ts';

/**
 * Connects to `url` (postgres://user:pass@host:port/db, libpq options such as
 * `?options=-c search_path=x` allowed), migrates under an advisory lock, and returns the Store.
 * Throws when the server cannot be reached or a migration fails; the pool is closed in that case.
 */
export async function openPostgresStore(url: string, log: Logger): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  // (`log?.`: callers outside the app, such as benchmarks, may open the store without a logger.)
  pool.on('error', (err) => log?.warn({ err: err.message }, 'postgres idle connection error'));
  try {
    await migrate(pool, log);
  } catch (err) {
    await pool.end().catch((endErr) => log?.debug({ err: endErr }, 'pool close failed'));
    throw err;
  }
  let closed = false;
  return {
    articles: pgArticles(pool),
    quotes: pgQuotes(pool),
    sources: pgSources(pool),
    subscriptions: pgSubscriptions(pool),
    posts: pgPosts(pool),
    digests: pgDigests(pool),
    chatFailures: pgChatFailures(pool),
    cache: pgCache(pool),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
