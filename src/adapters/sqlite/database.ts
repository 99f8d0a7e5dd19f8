// Opening a SQLite database the way every port expects it: WAL, foreign keys, a busy timeout so
// a second process waits for the write lock instead of failing, and a cache of prepared statements.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;
export type Stmt = Database.Statement<unknown[], unknown>;

/** How long a writer waits for another process's lock before SQLITE_BUSY (ms). */
const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating the parent folder when needed) `path`, or an in-memory database for ':memory:'. */
export function openDatabase(path: string): Db {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(memory ? ':memory:' : path);
  if (!memory) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL makes NORMAL durable across application crashes; only a power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
  // 64 MB of page cache (default 2 MB): the url, guid and content-hash indexes take random inserts,
  // and at a million articles their pages no longer fit the default cache.
  db.pragma('cache_size = -65536');
  return db;
}

/** Prepares each SQL text once per connection and hands back the cached statement afterwards. */
export class Statements {
  private readonly cache = new Map<string, Stmt>();
  constructor(readonly db: Db) {}

  get(sql: string): Stmt {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  /** Runs `fn` in one IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlock). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}

/** Epoch ms -> Date, keeping null. */
export const toDate = (ms: number | null | undefined): Date | null => (ms == null ? null : new Date(ms));
/** Date -> epoch ms, rejecting invalid dates with a clear message rather than storing NaN. */
export function toMs(d: Date, field: string): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new TypeError(`${field} must be a valid Date`);
  return ms;
}
