// The embedded store: one SQLite file (WAL) implementing every store port.
// `openSqliteStore(':memory:')` gives a private in-memory database (tests).
import type { Store } from '../../store/ports.ts';
import { sqliteArticles } from './articles.ts';
import { sqliteCache } from './cache.ts';
import { Statements, openDatabase } from './database.ts';
import { sqliteDigests } from './digests.ts';
import { migrate } from './migrate.ts';
import { sqlitePosts } from './posts.ts';
import { sqliteQuotes } from './quotes.ts';
import { sqliteSources } from './sources.ts';
import { sqliteSubscriptions } from './subscriptions.ts';
import { sqliteChatFailures } from './chat-failures.ts';

/**
 * Opens (creating folder and file when needed) and migrates the database at `path`.
 * Safe to call on an existing file: applied migrations are skipped. Several processes may open the
 * same file; writes wait up to the busy timeout for each other.
 */
export async function openSqliteStore(path: string): Promise<Store> {
  const db = openDatabase(path);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const st = new Statements(db);
  return {
    articles: sqliteArticles(st),
    quotes: sqliteQuotes(st),
    sources: sqliteSources(st),
    subscriptions: sqliteSubscriptions(st),
    posts: sqlitePosts(st),
    digests: sqliteDigests(st),
    chatFailures: sqliteChatFailures(st),
    cache: sqliteCache(st),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
