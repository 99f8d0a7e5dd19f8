// Plain domain types shared by every layer. No behaviour, no I/O.

/** An article as stored. `text` is plain text, paragraphs separated by "\n\n". */
export interface Article {
  id: string;
  /** Canonical URL (tracking parameters and fragment removed), or file:// URL for local files. */
  url: string;
  /** Feed GUID / Atom id when the article came from a feed. */
  guid: string | null;
  sourceId: string | null;
  /** Outlet name shown to users ("The Harbour Courier"). */
  outlet: string;
  title: string;
  byline: string | null;
  publishedAt: Date;
  fetchedAt: Date;
  text: string;
  /** sha256 hex of the normalised title + text; equal hashes mean the same content. */
  contentHash: string;
  /** Where `text` came from (absent means 'feed'); see TextSource. */
  textSource?: TextSource;
  /** Why a thin item kept its teaser ("paywall", "robots.txt disallows the page", "HTTP 404"). */
  textNote?: string | null;
  /** Content hash of the feed's own version of the item (title + teaser), for feed items. */
  feedHash?: string | null;
}

/**
 * 'feed': the feed's text; 'pending': a thin item whose page is to be fetched; 'page': the article
 * page's text; 'teaser': a thin item kept as its teaser (textNote says why).
 */
export type TextSource = 'feed' | 'pending' | 'page' | 'teaser';

/** Per-source full text: fetch the page of thin items only, of every item, or never. */
export type FullTextMode = 'auto' | 'always' | 'never';

/** What ingest hands to the store; the store assigns nothing but may keep an existing id. */
export type NewArticle = Article;

export type QuoteKind = 'direct' | 'partial';

/** One quote found in an article. Offsets are JavaScript string indices of `text` in the article text. */
export interface Quote {
  text: string;
  /** Canonical full name ("Luc Marin") or organisation ("the Harbour Board"); null when unknown. */
  speaker: string | null;
  speakerRole: string | null;
  cue: string | null;
  kind: QuoteKind;
  start: number;
  end: number;
  /** 0..1 */
  confidence: number;
}

/** A speaker as merged across articles: one entry per person, with the ways they are written. */
export interface Speaker {
  /** Stable key (normalised canonical name), e.g. "emmanuel macron". */
  key: string;
  name: string;
  aliases: string[];
  role: string | null;
}

/** A stored quote joined with what a user needs to see it in context. */
export interface QuoteHit extends Quote {
  id: string;
  articleId: string;
  speakerKey: string | null;
  outlet: string;
  title: string;
  url: string;
  publishedAt: Date;
}

export type SourceKind = 'feed' | 'page' | 'file';

export interface Source {
  id: string;
  /** URL, or absolute file/folder path. */
  url: string;
  kind: SourceKind;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: Date | null;
  lastError: string | null;
  errorCount: number;
  nextRetryAt: Date | null;
  addedAt: Date;
  /** This source's full-text setting; null follows NEWSBOT_FULLTEXT. */
  fullText: FullTextMode | null;
}

export type Platform = 'discord' | 'slack' | 'console';

/** Where a message lives: enough to post into it or reply in its thread. */
export interface ChannelRef {
  platform: Platform;
  /** Guild id (Discord) or team id (Slack); 'local' for the console. */
  workspaceId: string;
  channelId: string;
  /** Thread id (Discord thread channel id, Slack thread_ts) when inside a thread. */
  threadId?: string | null;
}

export interface MessageRef {
  platform: Platform;
  channelId: string;
  /** Discord message id or Slack ts. */
  messageId: string;
  /** The thread started on (or under) the message, when one was. */
  threadId?: string | null;
}

export interface Subscription {
  id: string;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  topic: string;
  /** Five-field cron expression in `timezone` (a time of day "08:30" becomes "30 8 * * *"). */
  cron: string;
  /** IANA timezone, e.g. "Europe/Kyiv". */
  timezone: string;
  /** Quiet hours in local time "22:00-07:00", or null. */
  quietHours: string | null;
  maxStories: number;
  /** When nothing is new: post a short line ('note') or nothing ('silent'). */
  whenEmpty: 'note' | 'silent';
  createdBy: string;
  createdAt: Date;
}

/** A story: articles from one or more outlets about the same event. */
export interface Story {
  /** Stable key for "what changed" comparisons (derived from member article ids). */
  key: string;
  headline: string;
  summary: string;
  quotes: QuoteHit[];
  articles: (Pick<Article, 'id' | 'url' | 'outlet' | 'title' | 'publishedAt'> & { teaser?: boolean })[];
  score: number;
  /** Set when compared to a previous digest: 'new' story, or an 'update' with new articles. */
  change?: 'new' | 'update';
}

/** Most stories one digest shows. */
export const MAX_DIGEST_STORIES = 20;

export interface Digest {
  id: string;
  topic: string;
  since: Date;
  until: Date;
  stories: Story[];
  /** How many articles matched the topic in the window (before clustering). */
  articleCount: number;
  /** How many stories were found before the cap on stories shown (absent in older digests). */
  storiesFound?: number;
  /** Set when the search stopped at a bound (too broad a topic, or out of time): says what was covered. */
  searchNote?: string;
  overview: string | null;
  createdAt: Date;
}
