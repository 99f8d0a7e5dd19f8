// QuoteStore over SQLite: quotes per article plus a speaker index (one row per person, every way
// they are written kept in speaker_aliases so "marin" finds "Luc Marin").
import type { Quote, QuoteHit, Speaker } from '../../domain/types.ts';
import type { QuoteStore } from '../../store/ports.ts';
import { quoteHitFromRow, type QuoteHitRow } from '../../store/rows.ts';
import type { Statements } from './database.ts';
import { clampLimit } from './rows.ts';

const HIT_SELECT = `
  SELECT q.*, a.outlet, a.title, a.url, a.published_at FROM quotes q JOIN articles a ON a.id = q.article_id`;
// quotes.published_at copies the article's, so "newest first" walks an index (005_fts_buckets.sql).
const NEWEST_FIRST = 'ORDER BY q.published_at DESC, q.article_id, q.ord';
/** Phrase search reads the newest quotes first, in these slices (ms back from now), then the rest. */
const PHRASE_SLICES_MS = [30, 365].map((d) => d * 24 * 3600 * 1000);
/** Once a phrase search has spent this long (ms), older slices are not read. */
const PHRASE_BUDGET_MS = 250;

/** The key a bare name falls back to when no Speaker was given for it: lower-cased, spaces collapsed. */
export const fallbackSpeakerKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const lowerWords = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const newestFirst = (rows: (QuoteHitRow & { ord: number })[]): QuoteHitRow[] =>
  rows.sort((a, b) => Number(b.published_at) - Number(a.published_at) || (a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : a.ord - b.ord));

export function sqliteQuotes(st: Statements): QuoteStore {
  function upsertSpeaker(s: Speaker): void {
    const key = s.key.trim();
    if (!key) return;
    st.get(
      `INSERT INTO speakers (key, name, role) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET name = excluded.name, role = coalesce(excluded.role, speakers.role)`,
    ).run(key, s.name, s.role ?? null);
    // Aliases merge as a set: the first spelling seen for a lower-cased alias is kept.
    for (const alias of new Set([s.name, ...(s.aliases ?? [])].map((a) => a.trim()).filter(Boolean))) {
      st.get('INSERT OR IGNORE INTO speaker_aliases (speaker_key, alias, alias_lower) VALUES (?, ?, ?)').run(
        key,
        alias,
        alias.toLowerCase(),
      );
    }
  }

  function aliasesOf(key: string): string[] {
    const rows = st.get('SELECT alias FROM speaker_aliases WHERE speaker_key = ? ORDER BY alias').all(key) as {
      alias: string;
    }[];
    return rows.map((r) => r.alias);
  }

  /** Speakers with these keys, most quoted first: the person a user most likely means. */
  function speakersOf(keys: string[], limit: number | undefined): Speaker[] {
    if (keys.length === 0) return [];
    const found = st
      .get(
        `SELECT s.key, s.name, s.role, (SELECT count(*) FROM quotes q WHERE q.speaker_key = s.key) AS n
         FROM speakers s WHERE s.key IN (SELECT value FROM json_each(?)) ORDER BY n DESC, s.name LIMIT ?`,
      )
      .all(JSON.stringify(keys), clampLimit(limit, 10)) as { key: string; name: string; role: string | null }[];
    return found.map((s) => ({ key: s.key, name: s.name, role: s.role, aliases: aliasesOf(s.key) }));
  }

  return {
    async replaceForArticle(articleId: string, quotes: Quote[], speakers: Speaker[]): Promise<void> {
      const keyByName = new Map(speakers.map((s) => [s.name.trim().toLowerCase(), s.key.trim()]));
      const speakerKey = (name: string | null): string | null =>
        name == null || !name.trim() ? null : (keyByName.get(name.trim().toLowerCase()) ?? fallbackSpeakerKey(name));
      st.tx(() => {
        for (const s of speakers) upsertSpeaker(s);
        st.get('DELETE FROM quotes WHERE article_id = ?').run(articleId);
        quotes.forEach((q, i) => {
          st.get(
            `INSERT INTO quotes (id, article_id, ord, text, speaker, speaker_key, speaker_role, cue, kind,
               start_offset, end_offset, confidence, published_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT published_at FROM articles WHERE id = ?))`,
          ).run(
            `${articleId}#${i}`,
            articleId,
            i,
            q.text,
            q.speaker ?? null,
            speakerKey(q.speaker),
            q.speakerRole ?? null,
            q.cue ?? null,
            q.kind === 'partial' ? 'partial' : 'direct',
            q.start,
            q.end,
            q.confidence,
            articleId,
          );
        });
      });
    },

    async findSpeakers(name: string, limit?: number): Promise<Speaker[]> {
      const words = lowerWords(String(name ?? ''));
      if (words.length === 0) return [];
      // Candidates by the longest word on the alias index, then every word must be in one spelling.
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      const rows = st
        .get(
          `SELECT speaker_key, alias_lower FROM speaker_aliases WHERE alias_lower LIKE ? ESCAPE '\\'`,
        )
        .all(`%${likeEscape(longest)}%`) as { speaker_key: string; alias_lower: string }[];
      const keys = [...new Set(rows.filter((r) => words.every((w) => r.alias_lower.includes(w))).map((r) => r.speaker_key))];
      return speakersOf(keys, limit);
    },

    async speakersByRole(role: string, limit?: number): Promise<Speaker[]> {
      const words = lowerWords(String(role ?? ''));
      if (words.length === 0) return [];
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      const rows = st
        .get(`SELECT DISTINCT speaker_key, lower(speaker_role) AS role FROM quotes
              WHERE speaker_key IS NOT NULL AND lower(speaker_role) LIKE ? ESCAPE '\\'`)
        .all(`%${likeEscape(longest)}%`) as { speaker_key: string; role: string }[];
      return speakersOf([...new Set(rows.filter((r) => words.every((w) => r.role.includes(w))).map((r) => r.speaker_key))], limit);
    },

    async bySpeakers(keys: string[], opts?: { limit?: number; articleIds?: string[] }): Promise<QuoteHit[]> {
      if (keys.length === 0) return [];
      const limit = clampLimit(opts?.limit, 50);
      // One index walk per key (newest first, stopping at `limit`), merged here: an IN list over
      // several keys would make SQLite sort every quote those speakers ever gave.
      const rows = [...new Set(keys)].flatMap((key) =>
        (opts?.articleIds
          ? st
              .get(`${HIT_SELECT} WHERE q.speaker_key = ? AND q.article_id IN (SELECT value FROM json_each(?)) ${NEWEST_FIRST} LIMIT ?`)
              .all(key, JSON.stringify(opts.articleIds), limit)
          : st.get(`${HIT_SELECT} WHERE q.speaker_key = ? ${NEWEST_FIRST} LIMIT ?`).all(key, limit)) as (QuoteHitRow & { ord: number })[],
      );
      return newestFirst(rows).slice(0, limit).map(quoteHitFromRow);
    },

    async byPhrase(phrase: string, opts?: { limit?: number }): Promise<QuoteHit[]> {
      const p = String(phrase ?? '').trim().replace(/\s+/g, ' ');
      if (!p) return [];
      const limit = clampLimit(opts?.limit, 50);
      // LIKE is case-insensitive for ASCII; wildcards in the phrase are escaped so they match literally.
      // Newest slices first, stopping once `limit` quotes are found or the time budget is spent.
      const t0 = performance.now();
      const now = Date.now();
      const bounds = [8.64e15, ...PHRASE_SLICES_MS.map((d) => now - d), -8.64e15];
      const rows: QuoteHitRow[] = [];
      for (let i = 0; i + 1 < bounds.length && rows.length < limit; i++) {
        if (i > 0 && performance.now() - t0 > PHRASE_BUDGET_MS) break;
        rows.push(
          ...(st
            .get(`${HIT_SELECT} WHERE q.published_at >= ? AND q.published_at < ? AND q.text LIKE ? ESCAPE '\\' ${NEWEST_FIRST} LIMIT ?`)
            .all(bounds[i + 1], bounds[i], `%${likeEscape(p)}%`, limit - rows.length) as QuoteHitRow[]),
        );
      }
      return rows.map(quoteHitFromRow);
    },

    async forArticles(articleIds: string[]): Promise<QuoteHit[]> {
      if (articleIds.length === 0) return [];
      const rows = st
        .get(`${HIT_SELECT} WHERE q.article_id IN (SELECT value FROM json_each(?)) ${NEWEST_FIRST}`)
        .all(JSON.stringify(articleIds)) as QuoteHitRow[];
      return rows.map(quoteHitFromRow);
    },
  };
}
