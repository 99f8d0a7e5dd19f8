// Time-bucketed full-text index: one contentless FTS5 table per week of publication time, listed in
// fts_buckets. A search reads only the weeks its window overlaps, so its cost follows what the window
// holds, not how much history is stored: FTS5 merges a prefix term's doclists ("ukrain"*) and walks
// a common word's doclist over the whole table it queries, whatever rowid range is asked for.
// Retention drops whole weeks (DROP TABLE) instead of deleting their index entries one by one.
import type { Statements } from './database.ts';

/** Width of one bucket (ms). Weeks keep a 24 h or 7 d window to one or two small tables. */
export const BUCKET_MS = 7 * 24 * 3600 * 1000;

export interface Bucket {
  key: number;
  name: string;
  /** Publication times [start, end) it holds (epoch ms). */
  start: number;
  end: number;
}

const keyOf = (ms: number): number => Math.floor(ms / BUCKET_MS);
// Table names are built from integers only, never from user input.
const nameOf = (key: number): string => (key >= 0 ? `articles_fts_${key}` : `articles_fts_m${-key}`);
const bucket = (key: number): Bucket => ({ key, name: nameOf(key), start: key * BUCKET_MS, end: (key + 1) * BUCKET_MS });

export class FtsBuckets {
  constructor(private readonly st: Statements) {}

  /** Adds an article's title and text to the bucket of its publication time (inside the caller's transaction). */
  index(seq: number, publishedMs: number, title: string, text: string): void {
    const b = this.ensure(keyOf(publishedMs));
    this.st.get(`INSERT INTO ${b.name} (rowid, title, text) VALUES (?, ?, ?)`).run(seq, title, text);
  }

  /** Removes an article from the bucket it was indexed in; FTS5 needs the text it was indexed with. */
  unindex(seq: number, publishedMs: number, title: string, text: string): void {
    const key = keyOf(publishedMs);
    if (!this.exists(key)) return;
    const t = nameOf(key);
    this.st.get(`INSERT INTO ${t} (${t}, rowid, title, text) VALUES ('delete', ?, ?, ?)`).run(seq, title, text);
  }

  /** Buckets overlapping [since, until), newest first. Read each time: another process may add one. */
  overlapping(since: number, until: number): Bucket[] {
    const rows = this.st
      .get('SELECT key FROM fts_buckets WHERE key >= ? AND key <= ? ORDER BY key DESC')
      .all(keyOf(Math.max(since, -8.64e15)), keyOf(Math.min(until - 1, 8.64e15))) as { key: number }[];
    return rows.map((r) => bucket(r.key));
  }

  /** Drops every bucket wholly before `ms`; returns the names dropped. Each drop is its own short transaction. */
  dropBefore(ms: number): string[] {
    const keys = this.st.get('SELECT key FROM fts_buckets WHERE key < ? ORDER BY key').all(keyOf(ms)) as { key: number }[];
    return keys.map(({ key }) => {
      this.st.tx(() => {
        this.st.db.exec(`DROP TABLE IF EXISTS ${nameOf(key)}`);
        this.st.get('DELETE FROM fts_buckets WHERE key = ?').run(key);
      });
      return nameOf(key);
    });
  }

  private exists(key: number): boolean {
    // Not cached: another process sharing the file may create or drop buckets.
    return this.st.get('SELECT 1 FROM fts_buckets WHERE key = ?').pluck().get(key) !== undefined;
  }

  private ensure(key: number): Bucket {
    if (!this.exists(key)) {
      // Same tokenizer as before buckets: Porter stems, diacritics folded. Contentless: the text
      // lives in articles, which also supplies it when an entry must be deleted.
      this.st.db.exec(
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${nameOf(key)} USING fts5(title, text, content = '',
           tokenize = 'porter unicode61 remove_diacritics 2')`,
      );
      this.st.get('INSERT OR IGNORE INTO fts_buckets (key, name) VALUES (?, ?)').run(key, nameOf(key));
    }
    return bucket(key);
  }

  /**
   * Moves an index built before buckets (one articles_fts table kept by triggers) into buckets, in
   * one transaction, then drops it. Runs once, when a database from before buckets is opened.
   */
  adoptLegacyIndex(): number {
    const legacy = this.st.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").get();
    if (!legacy) return 0;
    return this.st.tx(() => {
      let n = 0;
      const chunk = this.st.get('SELECT seq, published_at, title, text FROM articles WHERE seq > ? ORDER BY seq LIMIT 2000');
      for (let last = -Infinity; ; ) {
        const rows = chunk.all(last) as { seq: number; published_at: number; title: string; text: string }[];
        if (rows.length === 0) break;
        for (const r of rows) this.index(r.seq, r.published_at, r.title, r.text);
        n += rows.length;
        last = rows.at(-1)!.seq;
      }
      this.st.db.exec('DROP TABLE articles_fts');
      return n;
    });
  }
}
