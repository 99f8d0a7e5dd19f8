// Deterministic synthetic news corpus for benchmarks. Article i depends only on (seed, i), so
// generateArticles(1000) is a prefix of generateArticles(100000) and two runs give identical bytes.
// Articles are 3-6 KB of plain text (paragraphs separated by "\n\n") over several topics, with
// fictional people and outlets and quotes in the usual news shapes (direct, partial, pronoun and
// organisation speakers). Speed matters: 100k articles must take seconds, so sentences are built
// from small functions rather than parsed templates.
import { createHash } from 'node:crypto';
import type { Article } from '../src/domain/types.ts';
import { CUE_VERBS, FILLER, FIRST_NAMES, OUTLETS, SURNAMES, TOPICS, type TopicVocab } from './synthetic-vocab.ts';

/** Fixed "now" of the corpus, so dates do not drift between runs. */
export const SYNTHETIC_END = new Date('2026-11-28T12:00:00Z');

/** Topic queries a user might type, for search benchmarks (each matches one topic or more). */
export const TOPIC_QUERIES = [
  'ukraine', 'kyiv grain corridor', 'ceasefire talks', 'sanctions', 'inflation', 'interest rates central bank',
  'drought', 'emissions target', 'cybersecurity', 'semiconductor', 'championship final', 'vaccine',
  'hospital waiting lists', 'telescope', 'fossil', 'refugees border',
];

export interface GenerateOptions {
  /** Newest possible publishedAt (default SYNTHETIC_END). */
  start?: Date;
  /** publishedAt is spread uniformly over [start - spanDays, start] (default 30). */
  spanDays?: number;
  /**
   * 'random' (default): each date is independent of the index, so any prefix of the corpus covers the
   * whole span. 'chronological': article i of `total` is dated at i/total through the span, give or
   * take a few hours (feeds arrive late), as a bot that has been running for a month would have
   * stored them; dates then depend on `total`.
   */
  order?: 'random' | 'chronological';
  /** Corpus size, needed by 'chronological' (generateArticles sets it). */
  total?: number;
}

const JITTER_MS = 6 * 3600 * 1000;

type Rng = () => number;

/** mulberry32: tiny, fast, good enough for text generation. */
function mulberry32(a: number): Rng {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes seed and index into an independent 32-bit stream seed. */
function streamSeed(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Two different items (the list has at least two). */
function pair<T>(r: Rng, xs: readonly T[]): [T, T] {
  const a = Math.floor(r() * xs.length);
  const b = (a + 1 + Math.floor(r() * (xs.length - 1))) % xs.length;
  return [xs[a]!, xs[b]!];
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const WEEKDAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'on Sunday', 'this week', 'late on Thursday'];

interface Person {
  name: string;
  surname: string;
  pronoun: 'she' | 'he';
  role: string;
}

function person(r: Rng, t: TopicVocab): Person {
  const [first, pronoun] = pick(r, FIRST_NAMES);
  const surname = pick(r, SURNAMES);
  return { name: `${first} ${surname}`, surname, pronoun, role: pick(r, t.roles) };
}

/** One body sentence; `people` are the article's recurring speakers (pronouns refer to the last one named). */
function sentence(r: Rng, t: TopicVocab, people: Person[], state: { last: Person | null }): string {
  const p = pick(r, people);
  const k = Math.floor(r() * 11);
  switch (k) {
    case 0:
      state.last = p;
      return `“${pick(r, t.sayings)},” said ${cap(p.role)} ${p.name}.`;
    case 1:
      if (state.last) return `“${pick(r, t.sayings)},” ${state.last.pronoun} ${pick(r, CUE_VERBS)}.`;
      state.last = p;
      return `${p.name}, the ${p.role}, ${pick(r, CUE_VERBS)} that ${pick(r, t.things)} was “${pick(r, t.sayings).toLowerCase()}”.`;
    case 2:
      state.last = p;
      return `${p.name}, the ${p.role}, described ${pick(r, t.things)} as “${pick(r, t.sayings).split(' ').slice(0, 5).join(' ').toLowerCase()}”.`;
    case 3:
      return `${cap(pick(r, t.orgs))} said ${pick(r, t.things)} would be reviewed ${pick(r, WEEKDAYS).replace('on ', 'by ')}.`;
    case 4:
      return `${cap(pick(r, t.orgs))} ${pick(r, t.actions)} ${pick(r, t.things)} in ${pick(r, t.places)} ${pick(r, WEEKDAYS)}.`;
    case 5:
      return `The debate over ${pick(r, t.terms)} has dominated politics in ${pick(r, t.places)} for months.`;
    case 6:
      return `About ${1 + Math.floor(r() * 98)}${r() < 0.5 ? ',000' : ''} people were affected by ${pick(r, t.things)}, according to ${pick(r, t.orgs)}.`;
    case 7:
      return `The move follows ${pick(r, t.things)}, which ${pick(r, t.orgs)} ${pick(r, t.actions)} earlier this ${r() < 0.5 ? 'month' : 'year'}.`;
    case 8: {
      const [a, b] = pair(r, t.terms);
      return `Questions about ${a} and ${b} are expected to return when ministers meet in ${pick(r, t.places)}.`;
    }
    default:
      return pick(r, FILLER);
  }
}

function dateSlug(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, '/');
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/^-+|-+$/g, '');
}

function publishedMs(u: number, i: number, end: number, spanMs: number, opts: GenerateOptions): number {
  if (opts.order !== 'chronological' || !opts.total) return end - Math.floor(u * spanMs);
  const at = end - spanMs + ((i + 0.5) / opts.total) * spanMs + (u - 0.5) * JITTER_MS;
  return Math.floor(Math.min(end, Math.max(end - spanMs, at)));
}

/** Builds article `i` of the corpus for `seed`. */
export function syntheticArticle(i: number, seed = 1, opts: GenerateOptions = {}): Article {
  const r = mulberry32(streamSeed(seed, i));
  const end = (opts.start ?? SYNTHETIC_END).getTime();
  const spanMs = (opts.spanDays ?? 30) * 86_400_000;
  const t = pick(r, TOPICS);
  const aside = r() < 0.2 ? pick(r, TOPICS) : t; // some stories touch a second topic
  const outlet = pick(r, OUTLETS);
  const people = [person(r, t), person(r, t), person(r, aside)];
  const lead = people[0]!;
  const thing = pick(r, t.things);
  const place = pick(r, t.places);
  const title = `${cap(lead.role)} ${lead.name} ${pick(r, t.actions)} ${thing} in ${place}`;
  const publishedAt = new Date(publishedMs(r(), i, end, spanMs, opts));

  const state: { last: Person | null } = { last: null };
  const [termA, termB] = pair(r, t.terms);
  const paragraphs: string[] = [
    `${place.toUpperCase()} — ${cap(pick(r, t.orgs))} ${pick(r, t.actions)} ${thing} ${pick(r, WEEKDAYS)}, ` +
      `as pressure grew over ${termA} and ${termB}.`,
  ];
  const target = 3000 + Math.floor(r() * 2800);
  let length = paragraphs[0]!.length + title.length;
  while (length < target) {
    const topic = r() < 0.15 ? aside : t;
    const count = 2 + Math.floor(r() * 3);
    const sentences: string[] = [];
    for (let s = 0; s < count; s++) {
      let next = sentence(r, topic, people, state);
      if (next === sentences[s - 1]) next = sentence(r, topic, people, state); // avoid stutter
      sentences.push(next);
    }
    const para = sentences.join(' ');
    paragraphs.push(para);
    length += para.length + 2;
  }
  const text = paragraphs.join('\n\n');
  const id = `syn-${seed}-${i}`;
  return {
    id,
    url: `https://${slugify(outlet)}.example/${dateSlug(publishedAt)}/${i}-${slugify(title)}`,
    guid: `urn:newsbot:synthetic:${seed}:${i}`,
    sourceId: null,
    outlet,
    title,
    byline: `${pick(r, FIRST_NAMES)[0]} ${pick(r, SURNAMES)}`,
    publishedAt,
    fetchedAt: new Date(publishedAt.getTime() + 60_000),
    text,
    contentHash: createHash('sha256').update(`${title}\n\n${text}`).digest('hex'),
  };
}

/** Yields `n` deterministic articles (index 0..n-1) for `seed`. */
export function* generateArticles(n: number, seed = 1, opts: GenerateOptions = {}): Generator<Article> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const withTotal = { ...opts, total: opts.total ?? n };
  for (let i = 0; i < n; i++) yield syntheticArticle(i, seed, withTotal);
}
