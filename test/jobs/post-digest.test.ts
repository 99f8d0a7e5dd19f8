import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobDeps } from '../../jobs/deps.ts';
import { postDigest } from '../../jobs/post-digest.ts';
import { PartialPostError } from '../../src/chat/port.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { createLogger } from '../../src/log.ts';
import type { Subscription } from '../../src/domain/types.ts';
import type { Store } from '../../src/store/ports.ts';
import { addArticle, makeJobDeps, recordingChat } from '../support/job-deps.ts';

const log = createLogger('silent');
const ctx = { jobId: 'j', attempt: 1, log };

async function subscribe(store: Store, over: Partial<Subscription> = {}): Promise<Subscription> {
  return store.subscriptions.add({
    platform: 'discord', workspaceId: 'g1', channelId: 'c1', topic: 'harbour', cron: '30 8 * * *',
    timezone: 'Europe/Kyiv', quietHours: null, maxStories: 5, whenEmpty: 'note', createdBy: 'u1', ...over,
  });
}

describe('post-digest job', () => {
  let store: Store;
  let chat: ReturnType<typeof recordingChat>;
  let deps: JobDeps;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    chat = recordingChat();
    deps = makeJobDeps({ store, queue: { enqueue: async () => 'x' }, log, post: chat.post });
  });
  afterEach(() => store.close());

  it('posts a period once, records the message and links the thread, and does nothing on a second run', async () => {
    const sub = await subscribe(store);
    await addArticle(store, 'harbour');
    const p = { subscriptionId: sub.id, period: '2026-11-28T08:30' };
    await postDigest.process(p, deps, ctx);
    await postDigest.process(p, deps, ctx);
    expect(chat.posted).toHaveLength(1);
    expect(chat.posted[0]!.where).toEqual({ platform: 'discord', workspaceId: 'g1', channelId: 'c1' });
    const last = await store.posts.lastPosted(sub.id);
    expect(last?.period).toBe('2026-11-28T08:30');
    const thread = chat.posted[0]!.ref.threadId!;
    expect((await store.digests.digestForThread('discord', thread))?.id).toBe(last?.digestId);
  });

  it('marks a failed post as failed and posts it on the retry', async () => {
    const sub = await subscribe(store);
    await addArticle(store, 'harbour');
    const p = { subscriptionId: sub.id, period: '2026-11-28T08:30' };
    chat.failNext();
    await expect(postDigest.process(p, deps, ctx)).rejects.toThrow('chat API unavailable');
    expect((await store.posts.failedPosts()).map((f) => f.period)).toEqual(['2026-11-28T08:30']);
    await postDigest.process(p, deps, { ...ctx, attempt: 2 });
    expect(chat.posted).toHaveLength(1);
    expect(await store.posts.failedPosts()).toEqual([]);
  });

  it('counts a digest whose head went out but whose rest failed as posted, and never posts it again', async () => {
    const sub = await subscribe(store);
    await addArticle(store, 'harbour');
    let calls = 0;
    const partly: JobDeps['post'] = async (where) => {
      calls++;
      const ref = { platform: where.platform, channelId: where.channelId, messageId: 'm-head', threadId: 't-head' };
      throw new PartialPostError(ref, 1, 3, { cause: new Error('500 on message 2') });
    };
    const d = { ...deps, post: partly };
    const p = { subscriptionId: sub.id, period: '2026-11-28T08:30' };
    await postDigest.process(p, d, ctx);
    await postDigest.process(p, d, { ...ctx, attempt: 2 });
    expect(calls).toBe(1);
    expect((await store.posts.lastPosted(sub.id))?.period).toBe('2026-11-28T08:30');
    expect(await store.posts.failedPosts()).toEqual([]);
    expect((await store.digests.digestForThread('discord', 't-head'))?.topic).toBe('harbour');
  });

  it('posts a short note when nothing is new and the subscription asks for one', async () => {
    const sub = await subscribe(store, { topic: 'lighthouse' });
    await postDigest.process({ subscriptionId: sub.id, period: '2026-11-28T08:30' }, deps, ctx);
    expect(chat.posted).toHaveLength(1);
    expect(chat.posted[0]!.doc.title).toBe('No new stories: lighthouse');
  });

  it('stays silent when nothing is new and the subscription says silent, yet closes the period', async () => {
    const sub = await subscribe(store, { topic: 'lighthouse', whenEmpty: 'silent' });
    await postDigest.process({ subscriptionId: sub.id, period: '2026-11-28T08:30' }, deps, ctx);
    expect(chat.posted).toHaveLength(0);
    expect((await store.posts.lastPosted(sub.id))?.period).toBe('2026-11-28T08:30');
  });

  it('treats stories already in the previous digest as nothing new', async () => {
    const sub = await subscribe(store);
    await addArticle(store, 'harbour');
    await postDigest.process({ subscriptionId: sub.id, period: '2026-11-27T08:30' }, deps, ctx);
    // The next day: the only article was already posted, so the digest carries no change.
    const later = { ...deps, now: () => new Date(Date.now() + 1000) };
    await postDigest.process({ subscriptionId: sub.id, period: '2026-11-28T08:30' }, later, ctx);
    expect(chat.posted.map((x) => x.doc.title)).toEqual(['Digest: harbour', 'No new stories: harbour']);
  });

  it('does nothing for a subscription that was removed', async () => {
    await postDigest.process({ subscriptionId: 'gone', period: '2026-11-28T08:30' }, deps, ctx);
    expect(chat.posted).toHaveLength(0);
  });
});
