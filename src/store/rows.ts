// Row -> domain mapping shared by the store adapters. Column names are the same in SQLite and
// PostgreSQL; only timestamps differ (SQLite stores epoch ms, pg returns timestamptz as Date),
// so a timestamp column is typed `Ts` and read through `new Date(…)`, which accepts both.
import type { Article, FullTextMode, Platform, QuoteHit, Source, SourceKind, Subscription, TextSource } from '../domain/types.ts';

export type Ts = number | Date;

/** Bounds a caller's limit to [1, max], with a default for missing or nonsense values. */
export function clampLimit(limit: number | undefined, fallback: number, max = 1000): number {
  if (limit == null || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

const date = (t: Ts): Date => new Date(t);
const dateOrNull = (t: Ts | null): Date | null => (t === null ? null : new Date(t));

export interface ArticleRow {
  id: string;
  url: string;
  guid: string | null;
  source_id: string | null;
  outlet: string;
  title: string;
  byline: string | null;
  published_at: Ts;
  fetched_at: Ts;
  text: string;
  content_hash: string;
  text_source?: string | null;
  text_note?: string | null;
  feed_hash?: string | null;
}

export const articleFromRow = (r: ArticleRow): Article => ({
  id: r.id,
  url: r.url,
  guid: r.guid,
  sourceId: r.source_id,
  outlet: r.outlet,
  title: r.title,
  byline: r.byline,
  publishedAt: date(r.published_at),
  fetchedAt: date(r.fetched_at),
  text: r.text,
  contentHash: r.content_hash,
  textSource: (r.text_source ?? 'feed') as TextSource,
  textNote: r.text_note ?? null,
  feedHash: r.feed_hash ?? null,
});

export interface SourceRow {
  id: string;
  url: string;
  kind: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: Ts | null;
  last_error: string | null;
  error_count: number;
  next_retry_at: Ts | null;
  added_at: Ts;
  fulltext?: string | null;
}

export const sourceFromRow = (r: SourceRow): Source => ({
  id: r.id,
  url: r.url,
  kind: r.kind as SourceKind,
  title: r.title,
  etag: r.etag,
  lastModified: r.last_modified,
  lastFetchedAt: dateOrNull(r.last_fetched_at),
  lastError: r.last_error,
  errorCount: Number(r.error_count),
  nextRetryAt: dateOrNull(r.next_retry_at),
  addedAt: date(r.added_at),
  fullText: (r.fulltext ?? null) as FullTextMode | null,
});

export interface SubscriptionRow {
  id: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
  topic: string;
  cron: string;
  timezone: string;
  quiet_hours: string | null;
  max_stories: number;
  when_empty: string;
  created_by: string;
  created_at: Ts;
}

export const subscriptionFromRow = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform as Platform,
  workspaceId: r.workspace_id,
  channelId: r.channel_id,
  topic: r.topic,
  cron: r.cron,
  timezone: r.timezone,
  quietHours: r.quiet_hours,
  maxStories: r.max_stories,
  whenEmpty: r.when_empty === 'silent' ? 'silent' : 'note',
  createdBy: r.created_by,
  createdAt: date(r.created_at),
});

export interface QuoteHitRow {
  id: string;
  article_id: string;
  text: string;
  speaker: string | null;
  speaker_key: string | null;
  speaker_role: string | null;
  cue: string | null;
  kind: string;
  start_offset: number;
  end_offset: number;
  confidence: number;
  outlet: string;
  title: string;
  url: string;
  published_at: Ts;
}

export const quoteHitFromRow = (r: QuoteHitRow): QuoteHit => ({
  id: r.id,
  articleId: r.article_id,
  text: r.text,
  speaker: r.speaker,
  speakerKey: r.speaker_key,
  speakerRole: r.speaker_role,
  cue: r.cue,
  kind: r.kind === 'partial' ? 'partial' : 'direct',
  start: r.start_offset,
  end: r.end_offset,
  confidence: Number(r.confidence),
  outlet: r.outlet,
  title: r.title,
  url: r.url,
  publishedAt: date(r.published_at),
});
