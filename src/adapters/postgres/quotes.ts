// QuoteStore over PostgreSQL: quotes per article plus a speaker index (one row per person, every way
// they are written kept in speaker_aliases so "marin" finds "Luc Marin").
import type pg from 'pg';
import type { Quote, QuoteHit, Speaker } from '../../domain/types.ts';
import type { QuoteStore } from '../../store/ports.ts';
import { quoteHitFromRow, type QuoteHitRow } from '../../store/rows.ts';
import { clampLimit, noNul, tx } from './db.ts';

const HIT_SELECT = `
  SELECT q.id, q.article_id, q.ord, q.text, q.speaker, q.speaker_key, q.speaker_role, q.cue, q.kind, q.start_offset,
    q.end_offset, q.confidence, a.outlet, a.title, a.url, a.published_at
  FROM quotes q JOIN articles a ON a.id = q.article_id`;
// quotes.published_at copies the article's, so "newest first" walks an index (005_quote_times.sql).
const NEWEST_FIRST = 'ORDER BY q.published_at DESC, q.article_id, q.ord';
/** Phrase search reads quotes of the last 30 days, then the last year, then the rest, while time allows. */
const PHRASE_SLICES_MS = [30, 365].map((d) => d * 24 * 3600 * 1000);
/** Once a phrase search has spent this long (ms), older slices are not read. */
const PHRASE_BUDGET_MS = 250;

/** The key a bare name falls back to when no Speaker was given for it: lower-cased, spaces collapsed. */
export const fallbackSpeakerKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

// Far outside any real date, but inside what timestamptz accepts.
const MIN_DATE = new Date(Date.UTC(1, 0, 1));
const MAX_DATE = new Date(Date.UTC(9999, 0, 1));

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

async function upsertSpeaker(c: pg.PoolClient, s: Speaker): Promise<void> {
  const key = noNul(s.key).trim();
  if (!key) return;
  await c.query(
    `INSERT INTO speakers (key, name, role) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, role = coalesce(excluded.role, speakers.role)`,
    [key, noNul(s.name), noNul(s.role ?? null)],
  );
  // Aliases merge as a set: the first spelling seen for a lower-cased alias is kept.
  const aliases = [...new Set([s.name, ...(s.aliases ?? [])].map((a) => noNul(a).trim()).filter(Boolean))];
  if (aliases.length === 0) return;
  await c.query(
    `INSERT INTO speaker_aliases (speaker_key, alias, alias_lower)
     SELECT $1, a, lower_a FROM unnest($2::text[], $3::text[]) AS t(a, lower_a)
     ON CONFLICT DO NOTHING`,
    [key, aliases, aliases.map((a) => a.toLowerCase())],
  );
}

export function pgQuotes(pool: pg.Pool): QuoteStore {
  const hits = async (sql: string, params: unknown[]): Promise<QuoteHit[]> =>
    (await pool.query<QuoteHitRow>(sql, params)).rows.map(quoteHitFromRow);

  return {
    async replaceForArticle(articleId: string, quotes: Quote[], speakers: Speaker[]): Promise<void> {
      const keyByName = new Map(speakers.map((s) => [s.name.trim().toLowerCase(), s.key.trim()]));
      const speakerKey = (name: string | null): string | null =>
        name == null || !name.trim() ? null : (keyByName.get(name.trim().toLowerCase()) ?? fallbackSpeakerKey(name));
      // Speakers in a stable order so two concurrent writers lock rows in the same order (no deadlock).
      const ordered = [...speakers].sort((a, b) => a.key.localeCompare(b.key));
      await tx(pool, async (c) => {
        for (const s of ordered) await upsertSpeaker(c, s);
        await c.query('DELETE FROM quotes WHERE article_id = $1', [articleId]);
        if (quotes.length === 0) return;
        const col = <T>(f: (q: Quote, i: number) => T) => quotes.map(f);
        await c.query(
          `INSERT INTO quotes (id, article_id, ord, text, speaker, speaker_key, speaker_role, cue, kind,
             start_offset, end_offset, confidence, published_at)
           SELECT $1 || '#' || ord, $1, ord, text, speaker, speaker_key, speaker_role, cue, kind, s, e, conf,
             (SELECT published_at FROM articles WHERE id = $1)
           FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
             $9::int[], $10::int[], $11::float8[]) AS t(ord, text, speaker, speaker_key, speaker_role, cue, kind, s, e, conf)`,
          [
            articleId,
            col((_, i) => i),
            col((q) => noNul(q.text)),
            col((q) => noNul(q.speaker ?? null)),
            col((q) => noNul(speakerKey(q.speaker))),
            col((q) => noNul(q.speakerRole ?? null)),
            col((q) => noNul(q.cue ?? null)),
            col((q) => (q.kind === 'partial' ? 'partial' : 'direct')),
            col((q) => q.start),
            col((q) => q.end),
            col((q) => q.confidence),
          ],
        );
      });
    },

    async findSpeakers(name: string, limit?: number): Promise<Speaker[]> {
      const words = noNul(String(name ?? '')).toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [];
      // Every word must be inside one spelling (the name or one alias); most quoted speaker first.
      const { rows } = await pool.query<{ key: string; name: string; role: string | null; aliases: string[] }>(
        `WITH hit AS (
           SELECT DISTINCT speaker_key FROM speaker_aliases
           WHERE (SELECT bool_and(alias_lower LIKE '%' || w || '%' ESCAPE '\\') FROM unnest($1::text[]) AS w))
         SELECT s.key, s.name, s.role,
           (SELECT array_agg(alias ORDER BY alias) FROM speaker_aliases x WHERE x.speaker_key = s.key) AS aliases,
           (SELECT count(*) FROM quotes q WHERE q.speaker_key = s.key) AS n
         FROM speakers s JOIN hit ON hit.speaker_key = s.key
         ORDER BY n DESC, s.name LIMIT $2`,
        [words.map(likeEscape), clampLimit(limit, 10)],
      );
      return rows.map((r) => ({ key: r.key, name: r.name, role: r.role, aliases: r.aliases ?? [] }));
    },

    async speakersByRole(role: string, limit?: number): Promise<Speaker[]> {
      const words = noNul(String(role ?? '')).toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [];
      // Every word must be inside one role written beside the speaker's quotes; most quoted first.
      const { rows } = await pool.query<{ key: string; name: string; role: string | null; aliases: string[] }>(
        `WITH hit AS (
           SELECT DISTINCT speaker_key FROM quotes
           WHERE speaker_key IS NOT NULL AND speaker_role IS NOT NULL
             AND (SELECT bool_and(lower(speaker_role) LIKE '%' || w || '%' ESCAPE '\\') FROM unnest($1::text[]) AS w))
         SELECT s.key, s.name, s.role,
           (SELECT array_agg(alias ORDER BY alias) FROM speaker_aliases x WHERE x.speaker_key = s.key) AS aliases,
           (SELECT count(*) FROM quotes q WHERE q.speaker_key = s.key) AS n
         FROM speakers s JOIN hit ON hit.speaker_key = s.key
         ORDER BY n DESC, s.name LIMIT $2`,
        [words.map(likeEscape), clampLimit(limit, 10)],
      );
      return rows.map((r) => ({ key: r.key, name: r.name, role: r.role, aliases: r.aliases ?? [] }));
    },

    async bySpeakers(keys: string[], opts?: { limit?: number; articleIds?: string[] }): Promise<QuoteHit[]> {
      if (keys.length === 0) return [];
      const limit = clampLimit(opts?.limit, 50);
      const k = [...new Set(keys.map((x) => noNul(x)))];
      // One index walk per key (newest first, stopping at `limit`) through LATERAL, then merged.
      const only = opts?.articleIds ? 'AND q.article_id = ANY($3::text[])' : '';
      return hits(
        `SELECT h.* FROM unnest($1::text[]) AS k(key), LATERAL (
           ${HIT_SELECT} WHERE q.speaker_key = k.key ${only} ${NEWEST_FIRST} LIMIT $2) h
         ORDER BY h.published_at DESC, h.article_id, h.ord LIMIT $2`,
        opts?.articleIds ? [k, limit, opts.articleIds.map((x) => noNul(x))] : [k, limit],
      );
    },

    async byPhrase(phrase: string, opts?: { limit?: number }): Promise<QuoteHit[]> {
      const p = noNul(String(phrase ?? '')).trim().replace(/\s+/g, ' ');
      if (!p) return [];
      const limit = clampLimit(opts?.limit, 50);
      // strpos on lower(): a plain substring test, so no character in the phrase is special.
      // Newest slices first, stopping once `limit` quotes are found or the time budget is spent.
      const t0 = performance.now();
      const now = Date.now();
      const bounds = [MAX_DATE, ...PHRASE_SLICES_MS.map((d) => new Date(now - d)), MIN_DATE];
      const out: QuoteHit[] = [];
      for (let i = 0; i + 1 < bounds.length && out.length < limit; i++) {
        if (i > 0 && performance.now() - t0 > PHRASE_BUDGET_MS) break;
        out.push(
          ...(await hits(
            `${HIT_SELECT} WHERE q.published_at >= $2 AND q.published_at < $3 AND strpos(lower(q.text), lower($1)) > 0
             ${NEWEST_FIRST} LIMIT $4`,
            [p, bounds[i + 1], bounds[i], limit - out.length],
          )),
        );
      }
      return out;
    },

    async forArticles(articleIds: string[]): Promise<QuoteHit[]> {
      if (articleIds.length === 0) return [];
      return hits(`${HIT_SELECT} WHERE q.article_id = ANY($1::text[]) ${NEWEST_FIRST}`, [articleIds.map((x) => noNul(x))]);
    },
  };
}
