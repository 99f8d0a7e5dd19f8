// Fixtures for the store contract suite: fictional outlets, people and texts. Each test works in
// its own time era and with its own ids, so tests can share one database without seeing each other.
import { randomUUID } from 'node:crypto';
import type { Article, Quote, Speaker } from '../../src/domain/types.ts';
import type { Store } from '../../src/store/ports.ts';

export interface StoreCtx {
  /** The store currently open for this suite. */
  store(): Store;
  /** Closes the current store and opens the same database again. */
  reopen(): Promise<Store>;
}

const DAY = 24 * 3600 * 1000;
let eraCounter = 0;

/**
 * Starts the eras again from 2001. Each contract run has a database of its own, so eras need only
 * be unique within a run; starting each run at the same era keeps the dates every test sees the
 * same whichever files ran before it in the same worker.
 */
export function resetEras(): void {
  eraCounter = 0;
}

/** A fresh 60-day era (starting 2001) for one test: articles dated inside it match nothing else. */
export function era(): { at: (day: number) => Date; since: Date; until: Date } {
  const base = Date.UTC(2001, 0, 1) + eraCounter++ * 60 * DAY;
  return { at: (day) => new Date(base + day * DAY), since: new Date(base), until: new Date(base + 60 * DAY) };
}

export const uid = (prefix = 'x'): string => `${prefix}-${randomUUID()}`;

export function article(over: Partial<Article> & { publishedAt: Date }): Article {
  const id = over.id ?? uid('art');
  return {
    id,
    url: `https://harbour-courier.example/news/${id}`,
    guid: null,
    sourceId: null,
    outlet: 'The Harbour Courier',
    title: 'Council debates the harbour budget',
    byline: 'Mira Castellan',
    fetchedAt: new Date(over.publishedAt.getTime() + 60_000),
    text: 'The council met on Tuesday.\n\nMembers argued about dredging costs.',
    contentHash: `hash-${id}`,
    textSource: 'feed',
    textNote: null,
    feedHash: null,
    ...over,
  };
}

export function quote(text: string, speaker: string | null, over: Partial<Quote> = {}): Quote {
  return {
    text,
    speaker,
    speakerRole: null,
    cue: 'said',
    kind: 'direct',
    start: 0,
    end: text.length,
    confidence: 0.9,
    ...over,
  };
}

export function speaker(name: string, aliases: string[] = [], role: string | null = null): Speaker {
  return { key: name.toLowerCase(), name, aliases, role };
}
