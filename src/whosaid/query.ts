// `/whosaid` and `newsbot whosaid`: quotes by a speaker, or who said a phrase.
// A query in double quotes ("dead end", “dead end”) is a phrase search; so is a query that names no
// speaker but appears in quote text. Otherwise speakers are found by name or alias (store
// findSpeakers; else by a role written beside their quotes, "the harbour minister") and grouped into people: spellings of one person ("Marin", "Luc Marin",
// "L. Marin") are merged, people who only share a surname ("Ana Roe", "Tom Roe") make
// the answer ambiguous and the user is asked to choose. Quotes come newest first, with outlet, date
// and link (QuoteHit). Never throws for user input; store errors propagate.
import type { QuoteHit, Speaker } from '../domain/types.ts';
import type { Store } from '../store/ports.ts';
import { sameSpeaker, speakerKey } from '../nlp/speaker-key.ts';

export interface WhoSaidRequest {
  query: string;
  /** Restricts quotes to articles matching this topic (full-text search). */
  topic?: string;
  /** Maximum quotes returned (default 10, at most 50). */
  limit?: number;
}

export type WhoSaidResult =
  | { kind: 'speaker'; speaker: Speaker; quotes: QuoteHit[] }
  | { kind: 'phrase'; phrase: string; quotes: QuoteHit[] }
  | { kind: 'ambiguous'; query: string; candidates: Speaker[] }
  | { kind: 'none'; message: string };

const QUOTED = /^\s*["“”„«»'‘’](.+?)["“”„«»'‘’]\s*$/s;

/** Groups speakers into people. A surname-only entry joins the one person it fits, if exactly one. */
export function groupSpeakers(speakers: Speaker[]): Speaker[][] {
  const full = speakers.filter((s) => speakerKey(s.name).includes(' '));
  const short = speakers.filter((s) => !speakerKey(s.name).includes(' '));
  const groups: Speaker[][] = [];
  for (const s of full) {
    const g = groups.find((grp) => grp.some((x) => sameSpeaker(x.name, s.name)));
    if (g) g.push(s);
    else groups.push([s]);
  }
  for (const s of short) {
    const fits = groups.filter((grp) => grp.some((x) => sameSpeaker(x.name, s.name)));
    if (fits.length === 1) fits[0]!.push(s);
    else if (fits.length === 0) groups.push([s]);
    // Fits several people ("Roe"): it belongs to none of them for certain; the people stay apart.
  }
  return groups;
}

/** One Speaker for a group: the fullest name, every alias, the first known role. */
export function mergeGroup(group: Speaker[]): Speaker {
  const main = [...group].sort((a, b) => b.name.length - a.name.length)[0]!;
  const aliases = [...new Set(group.flatMap((s) => [s.name, ...s.aliases]))].filter((a) => a !== main.name);
  return { key: main.key, name: main.name, aliases, role: group.find((s) => s.role)?.role ?? null };
}

async function topicArticles(store: Store, topic: string | undefined): Promise<string[] | undefined> {
  if (!topic?.trim()) return undefined;
  const hits = await store.articles.search({ query: topic, limit: 500 });
  return hits.map((h) => h.article.id);
}

async function phraseSearch(store: Store, phrase: string, limit: number, articleIds: string[] | undefined): Promise<QuoteHit[]> {
  const hits = await store.quotes.byPhrase(phrase, { limit: articleIds ? Math.max(limit * 10, 200) : limit });
  const allowed = articleIds ? new Set(articleIds) : null;
  return (allowed ? hits.filter((h) => allowed.has(h.articleId)) : hits).slice(0, limit);
}

/**
 * Speakers named by `query`, else quoted in the role it describes ("the harbour minister"); a
 * person found by role brings every other spelling of their name (a surname-only speaker of another
 * article), so they merge into one person.
 */
async function findByNameOrRole(store: Store, query: string): Promise<Speaker[]> {
  const found = await store.quotes.findSpeakers(query, 20);
  if (found.length > 0) return found;
  const byRole = await store.quotes.speakersByRole(query.replace(/^(the|a|an)\s+/i, ''), 20);
  const all = new Map(byRole.map((s) => [s.key, s]));
  for (const s of byRole.slice(0, 5)) {
    for (const other of await store.quotes.findSpeakers(speakerKey(s.name).split(' ').pop() ?? s.name, 20)) {
      if (sameSpeaker(other.name, s.name)) all.set(other.key, other);
    }
  }
  return [...all.values()];
}

export async function whoSaid(store: Store, req: WhoSaidRequest): Promise<WhoSaidResult> {
  const raw = typeof req.query === 'string' ? req.query.trim() : '';
  if (!raw) return { kind: 'none', message: 'Give a name or a "phrase in quotes".' };
  if (raw.length > 300) return { kind: 'none', message: 'That query is too long (300 characters at most).' };
  const limit = Math.min(Math.max(Math.floor(req.limit ?? 10), 1), 50);
  const articleIds = await topicArticles(store, req.topic);
  if (articleIds && articleIds.length === 0) return { kind: 'none', message: `No articles about "${req.topic}" yet.` };
  const about = req.topic?.trim() ? ` about "${req.topic.trim()}"` : '';

  const quoted = QUOTED.exec(raw);
  if (quoted) {
    const phrase = quoted[1]!.trim();
    const quotes = await phraseSearch(store, phrase, limit, articleIds);
    return quotes.length > 0 ? { kind: 'phrase', phrase, quotes } : { kind: 'none', message: `Nobody is quoted saying "${phrase}"${about}.` };
  }

  const speakers = await findByNameOrRole(store, raw);
  if (speakers.length === 0) {
    const quotes = await phraseSearch(store, raw, limit, articleIds);
    if (quotes.length > 0) return { kind: 'phrase', phrase: raw, quotes };
    return { kind: 'none', message: `No quotes by anyone called "${raw}", and no quote says it${about}.` };
  }
  const groups = groupSpeakers(speakers);
  if (groups.length > 1) return { kind: 'ambiguous', query: raw, candidates: groups.map(mergeGroup) };
  const group = groups[0]!;
  const speaker = mergeGroup(group);
  const quotes = await store.quotes.bySpeakers(group.map((s) => s.key), { limit, ...(articleIds ? { articleIds } : {}) });
  if (quotes.length === 0) return { kind: 'none', message: `No quotes by ${speaker.name}${about}.` };
  return { kind: 'speaker', speaker, quotes };
}
