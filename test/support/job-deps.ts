// JobDeps over a real store for job and scheduling tests. The digest builder here is a plain
// function over the store's search (one story per article), standing in for src/digest so these
// tests exercise the claim/post/record protocol, not ranking.
import type { JobDeps, PostFn } from '../../jobs/deps.ts';
import type { ChannelRef, Digest, MessageRef } from '../../src/domain/types.ts';
import type { Logger } from '../../src/log.ts';
import type { JobQueue } from '../../src/queue/port.ts';
import type { Doc } from '../../src/render/document.ts';
import type { Store } from '../../src/store/ports.ts';

export interface Posted {
  where: ChannelRef;
  doc: Doc;
  ref: MessageRef;
}

/** A chat "platform" that records what was posted; `failNext` makes the next post throw. */
export function recordingChat(): { post: PostFn; posted: Posted[]; failNext: (n?: number) => void } {
  const posted: Posted[] = [];
  let fail = 0;
  let seq = 0;
  return {
    posted,
    failNext: (n = 1) => void (fail = n),
    post: async (where, doc, opts) => {
      if (fail > 0) {
        fail--;
        throw new Error('chat API unavailable');
      }
      const messageId = `m${++seq}-${process.pid}`;
      const ref: MessageRef = { platform: where.platform, channelId: where.channelId, messageId, threadId: opts?.startThread ? `t-${messageId}` : null };
      posted.push({ where, doc, ref });
      return ref;
    },
  };
}

export async function searchDigest(store: Store, q: { topic: string; since: Date; until: Date; maxStories: number; previous: Digest | null }): Promise<Digest> {
  const hits = await store.articles.search({ query: q.topic, since: q.since, until: q.until, limit: q.maxStories });
  const seen = new Set(q.previous?.stories.flatMap((s) => s.articles.map((a) => a.id)) ?? []);
  return {
    id: `d-${q.topic}-${q.until.getTime()}-${process.pid}`,
    topic: q.topic,
    since: q.since,
    until: q.until,
    articleCount: hits.length,
    overview: null,
    createdAt: q.until,
    stories: hits.map(({ article: a }) => ({
      key: a.id,
      headline: a.title,
      summary: a.text.slice(0, 100),
      quotes: [],
      articles: [{ id: a.id, url: a.url, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt }],
      score: 1,
      ...(q.previous ? (seen.has(a.id) ? {} : { change: 'new' as const }) : {}),
    })),
  };
}

export function makeJobDeps(o: { store: Store; queue: Pick<JobQueue, 'enqueue'>; log: Logger; post: PostFn | null; now?: () => Date }): JobDeps {
  return {
    store: o.store,
    queue: o.queue,
    log: o.log,
    now: o.now ?? (() => new Date()),
    retentionDays: 30,
    ingest: async () => ({ changed: [], pending: [] }),
    fetchFullText: async () => ({ status: 'skipped', reason: 'no pages in these tests' }),
    extractQuotes: () => [],
    speakersOf: () => [],
    buildDigest: (q) => searchDigest(o.store, q),
    digestDoc: (d) => ({ title: `Digest: ${d.topic}`, blocks: d.stories.map((s) => ({ type: 'heading' as const, text: s.headline })) }),
    post: o.post,
    owner: `test:${process.pid}`,
  };
}

let n = 0;
/** A stored article about `topic` published `hoursAgo` hours ago. */
export async function addArticle(store: Store, topic: string, hoursAgo = 1, title?: string): Promise<string> {
  n++;
  const id = `a${n}-${process.pid}-${Date.now()}`;
  const text = `The ${topic} council met on Tuesday. "We will keep the harbour open," said Mara Quill, the harbour master.`;
  await store.articles.save({
    id,
    url: `https://harbour-courier.example/${id}`,
    guid: null,
    sourceId: null,
    outlet: 'The Harbour Courier',
    title: title ?? `${topic} council meets (${n})`,
    byline: null,
    publishedAt: new Date(Date.now() - hoursAgo * 3600_000),
    fetchedAt: new Date(),
    text,
    contentHash: `h-${id}`,
  });
  return id;
}
