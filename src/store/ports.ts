// Store ports: one small interface per aggregate. Every adapter (SQLite, PostgreSQL)
// implements all of them and passes the same contract suite (test/contract/store.contract.ts).
// All methods are async so the embedded and the networked adapters share one shape.
import type {
  Article,
  Digest,
  FullTextMode,
  MessageRef,
  NewArticle,
  Platform,
  Quote,
  QuoteHit,
  Source,
  SourceKind,
  Speaker,
  Subscription,
} from '../domain/types.ts';

export interface ArticleHit {
  article: Article;
  /** Full-text relevance, higher is better (adapter-specific scale, only comparable within one result). */
  relevance: number;
}

/**
 * Search hits, best first. `partial` says the search stopped at a bound (src/store/search-bounds.ts):
 * 'cap' when more articles matched than are ranked, 'time' when its time budget ran out before the
 * oldest part of the window; `searchedFrom` is the oldest publication time it covered in full.
 */
export type SearchResult = ArticleHit[] & { partial?: { reason: 'time' | 'cap'; searchedFrom: Date } };

export interface ArticleStore {
  /** Finds a stored article that is the same as the given keys (any of canonical URL, GUID or content hash). */
  findExisting(keys: { url: string; guid: string | null; contentHash: string }): Promise<Article | null>;
  /** Inserts, or replaces the row with the same id (an edited article keeps its id). */
  save(article: NewArticle): Promise<void>;
  /**
   * save() for many articles in one transaction: all are stored or none (a bad article rejects the
   * batch). Within a batch a later article with the same id wins. Empty batches are a no-op.
   */
  saveMany(articles: NewArticle[]): Promise<void>;
  get(id: string): Promise<Article | null>;
  getMany(ids: string[]): Promise<Article[]>;
  /**
   * Full-text search over title + text, restricted to publishedAt in [since, until) first, then
   * ranked by relevance. `query` is user text; the adapter makes it safe for its query syntax.
   * Terms are ORed with stem/prefix matching so "ukraine" finds "Ukrainian". Cost follows the window,
   * not the stored history; without a window the newest articles are searched first.
   */
  search(q: { query: string; since?: Date; until?: Date; limit?: number }): Promise<SearchResult>;
  /**
   * Deletes articles published before `date` (and their quotes); returns how many. Works in short
   * transactions (old time buckets dropped whole), yielding between them so other work never stalls.
   */
  pruneBefore(date: Date): Promise<number>;
  /**
   * Records that the article's quotes and summary were worked out for this content hash. A no-op
   * when the stored text has changed since (its hash differs): that version is still pending.
   */
  markProcessed(id: string, contentHash: string): Promise<void>;
  /**
   * Articles not processed since they were stored or last changed (save() makes an article
   * pending), ordered by id, after `after` when given. For re-enqueueing work a crash lost.
   */
  pending(opts: { limit: number; after?: string }): Promise<{ id: string; contentHash: string }[]>;
}

export interface QuoteStore {
  /** Replaces all quotes of an article (idempotent) and merges their speakers into the speaker index. */
  replaceForArticle(articleId: string, quotes: Quote[], speakers: Speaker[]): Promise<void>;
  /** Speakers whose name or any alias contains every word of `name` (case-insensitive). */
  findSpeakers(name: string, limit?: number): Promise<Speaker[]>;
  /**
   * Speakers quoted in a role that contains every word of `role` (case-insensitive), as written
   * beside their quotes ("Valdoria's foreign minister" for "foreign minister"); most quoted first.
   */
  speakersByRole(role: string, limit?: number): Promise<Speaker[]>;
  /** Quotes by any of the given speaker keys, newest article first. */
  bySpeakers(keys: string[], opts?: { limit?: number; articleIds?: string[] }): Promise<QuoteHit[]>;
  /** Quotes whose text contains the phrase (case-insensitive), newest first. */
  byPhrase(phrase: string, opts?: { limit?: number }): Promise<QuoteHit[]>;
  forArticles(articleIds: string[]): Promise<QuoteHit[]>;
}

export interface SourceStore {
  /** Adds a source, or returns the existing one with the same url (its settings unchanged). */
  add(s: { url: string; kind: SourceKind; title?: string | null; fullText?: FullTextMode | null }): Promise<Source>;
  /** Sets a source's full-text mode (null: follow NEWSBOT_FULLTEXT); false when no such source. */
  setFullText(idOrUrl: string, mode: FullTextMode | null): Promise<boolean>;
  /** Articles kept as teasers (paywall, robots.txt, …) per source id; sources with none are absent. */
  teaserCounts(): Promise<Record<string, number>>;
  list(): Promise<Source[]>;
  /** Removes by id or url; returns whether one was removed. */
  remove(idOrUrl: string): Promise<boolean>;
  get(idOrUrl: string): Promise<Source | null>;
  /** Records the outcome of one fetch: success resets the error count, failure sets lastError and nextRetryAt. */
  recordFetch(
    id: string,
    outcome:
      | { ok: true; etag: string | null; lastModified: string | null; title?: string | null; at: Date }
      | { ok: false; error: string; at: Date; nextRetryAt: Date },
  ): Promise<void>;
}

export interface SubscriptionStore {
  add(s: Omit<Subscription, 'id' | 'createdAt'>): Promise<Subscription>;
  list(filter?: { platform?: string; workspaceId?: string; channelId?: string }): Promise<Subscription[]>;
  get(id: string): Promise<Subscription | null>;
  remove(id: string): Promise<boolean>;
}

export type PostState = 'claimed' | 'posted' | 'failed';

/** Exactly-once bookkeeping for scheduled posts: one row per (subscription, period). */
export interface PostStore {
  /**
   * Claims the period. Returns true when this caller now owns it: no row existed, or the row is
   * 'failed', or 'claimed' but older than `staleAfterMs` (its owner died). Never true for 'posted'.
   */
  claim(subscriptionId: string, period: string, owner: string, staleAfterMs: number): Promise<boolean>;
  markPosted(subscriptionId: string, period: string, ref: MessageRef, digestId: string | null): Promise<void>;
  markFailed(subscriptionId: string, period: string, error: string): Promise<void>;
  /** The most recent posted period of a subscription, if any. */
  lastPosted(subscriptionId: string): Promise<{ period: string; digestId: string | null; postedAt: Date } | null>;
  failedPosts(): Promise<{ subscriptionId: string; period: string; error: string; at: Date }[]>;
}

/** Digests as posted, and the chat threads that hang under them. */
export interface DigestStore {
  save(d: Digest, where: { platform: string; workspaceId: string; channelId: string } | null): Promise<void>;
  get(id: string): Promise<Digest | null>;
  /** The newest digest posted to this channel for this topic (for "what changed"). */
  latestFor(where: { platform: string; workspaceId: string; channelId: string }, topic: string): Promise<Digest | null>;
  linkThread(platform: string, threadId: string, digestId: string): Promise<void>;
  digestForThread(platform: string, threadId: string): Promise<Digest | null>;
}

/** A chat post that finally failed (after the platform client's own retries). */
export interface ChatFailure {
  /** Every platform but the console, whose failures are only logged. */
  platform: Exclude<Platform, 'console'>;
  /** What was being posted, e.g. "digest", "follow-up answer". */
  what: string;
  channelId: string;
  error: string;
  at: Date;
}

/** Failed chat posts, one row each, kept so they stay visible (`newsbot jobs failed`). */
export interface ChatFailureStore {
  /** Adds one; only the newest CHAT_FAILURES_KEPT of its platform are kept. */
  record(f: ChatFailure): Promise<void>;
  /** All kept failures, oldest first. */
  list(): Promise<ChatFailure[]>;
}

export const CHAT_FAILURES_KEPT = 100;

/** Small key/value cache (model outputs by content hash + model + prompt version) and model usage. */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  /** Adds token usage for a UTC day (YYYY-MM-DD) and model. */
  addUsage(day: string, model: string, promptTokens: number, completionTokens: number): Promise<void>;
  usage(sinceDay: string): Promise<{ day: string; model: string; promptTokens: number; completionTokens: number; calls: number }[]>;
}

export interface Store {
  articles: ArticleStore;
  quotes: QuoteStore;
  sources: SourceStore;
  subscriptions: SubscriptionStore;
  posts: PostStore;
  digests: DigestStore;
  chatFailures: ChatFailureStore;
  cache: CacheStore;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
