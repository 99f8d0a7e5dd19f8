// QuoteStore over PostgreSQL: quotes per article plus a speaker index (one row per person, every way
// they are written kept in speaker_aliases so "macron" finds "Emmanuel Macron").
import type pg from 'pg';
import type { Quote, QuoteHit, Speaker } from '../../domain/types.ts';
import type { QuoteStore } from '../../store/ports.ts';
import { quoteHitFromRow, type QuoteHitRow } from '../../store/rows.ts';
import { clampLimit, noNul, tx } from './db.ts';

const HIT_SELECT = `
  SELECT q.id, q.article_id, q.text, q.speaker, q.speaker_key, q.speaker_role, q.cue, q.kind, q.start_offset,
    q.end_offset, q.confidence, a.outlet, a.title, a.url, a.published_at
  FROM quotes q JOIN articles a ON a.id = q.article_id`;
const NEWEST_FIRST = 'ORDER BY a.published_at DESC, q.article_id, q.ord';

/** The key a bare name falls back to when no Speaker was given for it: lower-cased, spaces collapsed. */
export const fallbackSpeakerKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

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
             start_offset, end_offset, confidence)
           SELECT $1 || '#' || ord, $1, ord, text, speaker, speaker_key, speaker_role, cue, kind, s, e, conf
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

    async bySpeakers(keys: string[], opts?: { limit?: number; articleIds?: string[] }): Promise<QuoteHit[]> {
      if (keys.length === 0) return [];
      const limit = clampLimit(opts?.limit, 50);
      const k = keys.map((x) => noNul(x));
      return opts?.articleIds
        ? hits(`${HIT_SELECT} WHERE q.speaker_key = ANY($1::text[]) AND q.article_id = ANY($2::text[]) ${NEWEST_FIRST} LIMIT $3`, [
            k,
            opts.articleIds.map((x) => noNul(x)),
            limit,
          ])
        : hits(`${HIT_SELECT} WHERE q.speaker_key = ANY($1::text[]) ${NEWEST_FIRST} LIMIT $2`, [k, limit]);
    },

    async byPhrase(phrase: string, opts?: { limit?: number }): Promise<QuoteHit[]> {
      const p = noNul(String(phrase ?? '')).trim().replace(/\s+/g, ' ');
      if (!p) return [];
      // strpos on lower(): a plain substring test, so no character in the phrase is special.
      return hits(`${HIT_SELECT} WHERE strpos(lower(q.text), lower($1)) > 0 ${NEWEST_FIRST} LIMIT $2`, [
        p,
        clampLimit(opts?.limit, 50),
      ]);
    },

    async forArticles(articleIds: string[]): Promise<QuoteHit[]> {
      if (articleIds.length === 0) return [];
      return hits(`${HIT_SELECT} WHERE q.article_id = ANY($1::text[]) ${NEWEST_FIRST}`, [articleIds.map((x) => noNul(x))]);
    },
  };
}
