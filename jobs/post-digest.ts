// post-digest: posts the scheduled digest of one subscription for one period, at most once.
// Exactly-once protocol (src/store/ports.ts PostStore):
//   1. claim (subscription, period) — false means posted already or another process is on it;
//   2. build the digest (failures here mark the claim failed and rethrow: the queue retries);
//   3. post, then record the message reference at once. After a successful post nothing may make
//      the job run again: bookkeeping errors become PermanentJobError, never a retry that re-posts.
import { z } from 'zod';
import { PartialPostError } from '../src/chat/port.ts';
import { linkDigest } from '../src/conversation/deliver.ts';
import type { ChannelRef, Digest, MessageRef } from '../src/domain/types.ts';
import { PermanentJobError } from '../src/queue/port.ts';
import type { Doc } from '../src/render/document.ts';
import type { JobDefinition } from './deps.ts';
import { idPart } from './ids.ts';

const schema = z.object({
  subscriptionId: z.string().min(1).max(200),
  /** Local fire time "YYYY-MM-DDTHH:mm" (src/schedule/period.ts). */
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
});

/** A claim older than this is taken to belong to a dead process. Longer than any digest build. */
export const CLAIM_STALE_MS = 15 * 60_000;
const MAX_LOOKBACK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

function emptyNote(topic: string, since: Date): Doc {
  return {
    title: `No new stories: ${topic}`,
    blocks: [
      {
        type: 'paragraph',
        inlines: [{ t: 'text', text: `Nothing new about "${topic}" since ${since.toISOString().slice(0, 16).replace('T', ' ')} UTC.` }],
      },
    ],
  };
}

const isEmpty = (d: Digest, previous: Digest | null) =>
  d.stories.length === 0 || (previous !== null && d.stories.every((s) => !s.change));

async function persist(fn: () => Promise<void>, tries = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}

export const postDigest: JobDefinition<typeof schema> = {
  name: 'post-digest',
  schema,
  jobId: (p) => `post-digest.${idPart(p.subscriptionId)}.${idPart(p.period)}`,
  worker: { concurrency: 2, attempts: 5, backoffMs: 5000 },
  async process(p, deps, ctx) {
    const sub = await deps.store.subscriptions.get(p.subscriptionId);
    if (!sub) {
      ctx.log.info({ subscriptionId: p.subscriptionId }, 'subscription removed; nothing to post');
      return;
    }
    if (!deps.post) throw new Error('this process cannot post to chat');
    const claimed = await deps.store.posts.claim(sub.id, p.period, deps.owner, CLAIM_STALE_MS);
    if (!claimed) {
      ctx.log.info({ subscriptionId: sub.id, period: p.period }, 'period already posted or being posted');
      return;
    }
    const where: ChannelRef = { platform: sub.platform, workspaceId: sub.workspaceId, channelId: sub.channelId };
    let digest: Digest | null = null;
    let doc: Doc;
    const until = deps.now();
    try {
      const previous = await deps.store.digests.latestFor(where, sub.topic);
      const last = await deps.store.posts.lastPosted(sub.id);
      const start = previous?.until ?? last?.postedAt ?? new Date(until.getTime() - DAY_MS);
      const since = new Date(Math.max(start.getTime(), until.getTime() - MAX_LOOKBACK_MS));
      digest = await deps.buildDigest({ topic: sub.topic, since, until, maxStories: sub.maxStories, previous });
      if (isEmpty(digest, previous)) {
        digest = null;
        if (sub.whenEmpty === 'silent') {
          // Nothing is posted; the period is still done. An empty messageId records the silence.
          await deps.store.posts.markPosted(sub.id, p.period, { platform: sub.platform, channelId: sub.channelId, messageId: '' }, null);
          ctx.log.info({ subscriptionId: sub.id, period: p.period }, 'no new stories; staying silent');
          return;
        }
        doc = emptyNote(sub.topic, since);
      } else {
        doc = deps.digestDoc(digest);
        await deps.store.digests.save(digest, where);
      }
    } catch (err) {
      await deps.store.posts.markFailed(sub.id, p.period, String((err as Error).message ?? err)).catch((e) => ctx.log.warn({ err: e, subscriptionId: sub.id }, 'could not record the failed post'));
      throw err;
    }

    let ref: MessageRef;
    try {
      ref = await deps.post(where, doc, digest ? { startThread: `${sub.topic} digest`.slice(0, 90) } : {});
    } catch (err) {
      if (err instanceof PartialPostError) {
        // The head of the digest is in the channel: the period is posted. The missing rest was
        // recorded by the adapter; posting again would repeat what people already see.
        ref = err.ref;
        ctx.log.warn({ subscriptionId: sub.id, period: p.period, sent: err.sent, total: err.total, err: err.message }, 'digest posted in part');
      } else {
        await deps.store.posts.markFailed(sub.id, p.period, String((err as Error).message ?? err)).catch((e) => ctx.log.warn({ err: e, subscriptionId: sub.id }, 'could not record the failed post'));
        throw err;
      }
    }
    try {
      await persist(() => deps.store.posts.markPosted(sub.id, p.period, ref, digest?.id ?? null));
      if (digest) await persist(() => linkDigest(deps.store.digests, ref, digest!.id));
    } catch (err) {
      throw new PermanentJobError(`posted ${ref.messageId} but could not record it: ${(err as Error).message}`);
    }
    ctx.log.info({ subscriptionId: sub.id, period: p.period, messageId: ref.messageId }, 'digest posted');
  },
};
