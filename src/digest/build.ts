// Digest engine: retrieve -> cluster into stories -> rank -> summarise -> Digest.
// Retrieval asks the store for topic matches within [since, until) (synonyms added, the store
// matches stem prefixes). A story is kept when at least one of its articles is about the topic
// (topic.ts onTopic), so same-event reports that word it differently stay with it while stray
// matches drop out. Stories are ranked by relevance, recency and how many outlets cover them.
// With `previous`, stories already posted are left out unless they have new articles ('update'),
// and unseen ones are marked 'new'. The optional model writes a short overview that is
// verified against the stories before it is kept.
import { partialNote } from '../store/search-bounds.ts';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import { MAX_DIGEST_STORIES, type Article, type Digest, type QuoteHit, type Story } from '../domain/types.ts';
import type { Store } from '../store/ports.ts';
import type { TextModel } from '../llm/port.ts';
import { centrality, clusterArticles, clusterFeatures } from '../nlp/cluster.ts';
import { onTopic, topicQuery } from './topic.ts';
import { leadMember, pickQuotes, sourceOf, storyKey, storySummary } from './story.ts';
import { writeOverview } from './overview.ts';
import { summaryCacheKey } from '../llm/summarise-llm.ts';
import { debugLog } from '../debug-log.ts';

export interface DigestRequest {
  topic: string;
  since: Date;
  until: Date;
  maxStories?: number;
  previous?: Digest | null;
  model?: TextModel | null;
  log?: Logger;
}

/** How many matches are considered; more than enough for a day of one topic, and bounds the work. */
export const RETRIEVE_LIMIT = 120;
const RECENCY_HALF_HOURS = 12;

interface Member {
  article: Article;
  relevance: number;
  /** Came from the previous digest, only to recognise updates. */
  anchor: boolean;
  /** Mentions the topic itself, not only something the store's prefix search matched. */
  onTopic: boolean;
}

export async function buildDigest(store: Store, req: DigestRequest): Promise<Digest> {
  const topic = req.topic.trim().replace(/\s+/g, ' ');
  const maxStories = Math.max(1, Math.min(MAX_DIGEST_STORIES, Math.floor(req.maxStories ?? 5)));
  const base: Digest = {
    id: randomUUID(),
    topic,
    since: req.since,
    until: req.until,
    stories: [],
    articleCount: 0,
    overview: null,
    createdAt: new Date(),
  };
  const query = topicQuery(topic);
  if (!query) return base;

  const hits = await store.articles.search({ query, since: req.since, until: req.until, limit: RETRIEVE_LIMIT });
  const note = partialNote(hits.partial);
  if (note) base.searchNote = note;
  if (hits.length === 0) return base;

  const maxRel = Math.max(...hits.map((h) => h.relevance), 1e-9);
  const about = onTopic(topic);
  const members: Member[] = hits.map((h) => ({ article: h.article, relevance: h.relevance / maxRel, anchor: false, onTopic: about(h.article) }));
  const prevIds = new Set(req.previous?.stories.flatMap((s) => s.articles.map((a) => a.id)) ?? []);
  members.push(...(await anchors(store, prevIds, members)));

  const drafts: Draft[] = [];
  for (const c of clustered(members)) {
    if (!c.members.some((m) => m.onTopic)) continue; // a stray match ("striker" for "strike"), not a story
    base.articleCount += c.members.filter((m) => !m.anchor).length;
    const d = draftOf(c, prevIds, req);
    if (d) drafts.push(d);
  }
  drafts.sort((a, b) => b.score - a.score || a.fresh[0]!.article.id.localeCompare(b.fresh[0]!.article.id));
  const top = drafts.slice(0, maxStories);
  base.storiesFound = drafts.length;

  const byArticle = await quotesByArticle(store, top.flatMap((d) => d.fresh.map((m) => m.article.id)), req.log);
  const cachedSummaries = req.model ? await cachedSummariesOf(store, top, req.model.model) : new Map<string, string>();
  base.stories = top.map((d) => storyOf(d, byArticle, cachedSummaries));

  if (req.model && base.stories.length > 0) base.overview = await writeOverview(req.model, base.stories, req.log);
  return base;
}

type Draft = { members: Member[]; fresh: Member[]; lead: Article; score: number; change?: 'new' | 'update' };

/**
 * Articles of the previous digest take part in clustering so a new report of an already posted
 * story is recognised as an update even when the earlier reports are outside the window now.
 */
async function anchors(store: Store, prevIds: Set<string>, members: Member[]): Promise<Member[]> {
  if (prevIds.size === 0) return [];
  const inWindow = new Set(members.map((m) => m.article.id));
  const missing = [...prevIds].filter((id) => !inWindow.has(id)).slice(0, 100);
  return (missing.length ? await store.articles.getMany(missing) : []).map((a) => ({ article: a, relevance: 0, anchor: true, onTopic: false }));
}

/** Same-event clusters of the members, each with its members' centrality in the cluster. */
function clustered(members: Member[]): { members: Member[]; central: Map<Member, number> }[] {
  const docs = members.map((m, i) => ({ ...m.article, m, i }));
  const features = clusterFeatures(docs);
  return clusterArticles(docs).map((c) => {
    const ms = c.map((x) => x.m);
    const scores = centrality(features, c.map((x) => x.i));
    return { members: ms, central: new Map(ms.map((m, k) => [m, scores[k]!])) };
  });
}

/** A cluster about the topic as a candidate story, or null when all of it was posted before. */
function draftOf(c: { members: Member[]; central: Map<Member, number> }, prevIds: Set<string>, req: DigestRequest): Draft | null {
  const ms = c.members;
  const seen = ms.filter((m) => m.anchor || prevIds.has(m.article.id));
  const fresh = ms.filter((m) => !m.anchor && !prevIds.has(m.article.id));
  if (fresh.length === 0) return null; // everything here was already posted (or is only an anchor)
  let change: Draft['change'];
  if (req.previous) change = seen.length > 0 ? 'update' : 'new';
  const outlets = new Set(fresh.map((m) => m.article.outlet.toLowerCase())).size;
  const newest = Math.max(...fresh.map((m) => m.article.publishedAt.getTime()));
  const ageH = Math.max(0, req.until.getTime() - newest) / 3600_000;
  const relevance = Math.max(...fresh.map((m) => m.relevance));
  const score = relevance * (1 + Math.log2(1 + outlets)) * (1 / (1 + ageH / RECENCY_HALF_HOURS)) + 0.05 * fresh.length;
  const lead = leadMember(fresh, fresh.map((m) => c.central.get(m)!)).article;
  return { members: ms, fresh, lead, score, change };
}

async function quotesByArticle(store: Store, ids: string[], log: Logger | undefined): Promise<Map<string, QuoteHit[]>> {
  let quotes: QuoteHit[] = [];
  try {
    quotes = ids.length ? await store.quotes.forArticles(ids) : [];
  } catch (err) {
    log?.warn({ err: (err as Error).message }, 'quotes unavailable for digest');
  }
  const byArticle = new Map<string, QuoteHit[]>();
  for (const q of quotes) byArticle.set(q.articleId, [...(byArticle.get(q.articleId) ?? []), q]);
  return byArticle;
}

/**
 * With a model configured, a verified model summary already cached for the lead article (the
 * summarise job writes them) is used; the digest itself never waits on the model for summaries.
 */
async function cachedSummariesOf(store: Store, top: Draft[], model: string): Promise<Map<string, string>> {
  const cached = new Map<string, string>();
  for (const d of top) {
    const s = await cachedModelSummary(store, d.lead, model);
    if (s) cached.set(d.lead.id, s);
  }
  return cached;
}

function storyOf(d: Draft, byArticle: Map<string, QuoteHit[]>, cachedSummaries: Map<string, string>): Story {
  const rep = d.lead;
  // The article the headline and summary come from leads (the heading links to it); the other
  // outlets follow, newest first.
  const articles = [...d.fresh]
    .sort((a, b) => Number(b.article === rep) - Number(a.article === rep) || b.article.publishedAt.getTime() - a.article.publishedAt.getTime())
    .map((m) => sourceOf(m.article));
  const story: Story = {
    key: storyKey(d.members.map((m) => m.article)),
    headline: rep.title.trim() || storySummary(rep).slice(0, 120),
    summary: cachedSummaries.get(rep.id) ?? storySummary(rep),
    quotes: pickQuotes(d.fresh.flatMap((m) => byArticle.get(m.article.id) ?? [])),
    articles,
    score: Math.round(d.score * 1000) / 1000,
  };
  if (d.change) story.change = d.change;
  return story;
}

async function cachedModelSummary(store: Store, a: Article, model: string): Promise<string | null> {
  try {
    const hit = await store.cache.get(summaryCacheKey(a.contentHash, model));
    if (!hit) return null;
    const v = JSON.parse(hit) as { summary?: unknown };
    if (!Array.isArray(v.summary) || !v.summary.every((x) => typeof x === 'string') || v.summary.length === 0) return null;
    return (v.summary as string[]).slice(0, 2).join(' ');
  } catch (err) {
    debugLog('cached model summary unusable, summarising offline: %s', err);
    return null;
  }
}
