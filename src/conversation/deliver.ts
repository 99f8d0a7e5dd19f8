// Delivering a reply: private replies to the user, public ones in the channel. A digest is saved
// before it is posted (so a follow-up arriving right after the post finds it), a thread is
// started under it, and the thread and the message are linked to it. A post that finally fails
// is recorded (failed-posts.ts) and the user is told privately; nothing is thrown from here.
import { PartialPostError } from '../chat/port.ts';
import type { MessageRef } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import type { DigestStore } from '../store/ports.ts';
import type { CommandContext, Replier, Reply } from './types.ts';

export interface DeliveryDeps {
  digests: Pick<DigestStore, 'save' | 'linkThread'>;
  log: Logger;
  /** Records a post that finally failed (src/conversation/failed-posts.ts). */
  recordFailure(platform: CommandContext['platform'], f: { what: string; channelId: string }, err: unknown): Promise<void>;
}

export const digestThreadName = (topic: string) => `Questions: ${topic}`.slice(0, 100);

/**
 * Links a posted digest to its thread and to its first message, so a message in the thread or a
 * reply to the post reaches it from any process, after any restart.
 */
export async function linkDigest(digests: Pick<DigestStore, 'linkThread'>, ref: MessageRef, digestId: string): Promise<void> {
  if (ref.threadId) await digests.linkThread(ref.platform, ref.threadId, digestId);
  if (ref.threadId !== ref.messageId) await digests.linkThread(ref.platform, ref.messageId, digestId);
}

const DEFAULT_FAILURE = 'Sorry, posting the answer failed. It has been recorded; please try again.';

async function tellPrivately(out: Replier, text: string, log: Logger): Promise<void> {
  try {
    await out.private({ text });
  } catch (err) {
    log.warn({ err }, 'could not tell the user privately');
  }
}

export async function deliver(reply: Reply, ctx: CommandContext, out: Replier, d: DeliveryDeps, what: string): Promise<void> {
  const fail = async (err: unknown) => {
    await d.recordFailure(ctx.platform, { what, channelId: ctx.channelId }, err);
    await tellPrivately(out, out.failureText?.(err) ?? DEFAULT_FAILURE, d.log);
  };
  if (reply.kind === 'private' || reply.visibility === 'private') {
    try {
      await out.private(reply.kind === 'private' ? { text: reply.text } : { doc: reply.doc });
    } catch (err) {
      await fail(err);
    }
    return;
  }
  const digest = reply.digest;
  // Inside a thread a digest cannot start its own; it is still saved (for `newsbot ask --digest`).
  const threaded = digest !== undefined && !ctx.threadId;
  let posted: MessageRef;
  try {
    if (digest) await d.digests.save(digest, { platform: ctx.platform, workspaceId: ctx.workspaceId, channelId: ctx.channelId });
    const p = await out.public(reply.doc, threaded ? { startThread: digestThreadName(digest.topic) } : {});
    if (p.threadError !== undefined) await d.recordFailure(ctx.platform, { what: 'digest thread', channelId: ctx.channelId }, p.threadError);
    posted = p;
  } catch (err) {
    if (!(err instanceof PartialPostError)) return fail(err);
    // The head of the answer is in the channel; the missing rest is recorded, the thread still linked.
    await d.recordFailure(ctx.platform, { what: `${what} (${err.sent} of ${err.total} messages sent)`, channelId: ctx.channelId }, err);
    posted = err.ref;
  }
  d.log.info({ what, channel: ctx.channelId, messageId: posted.messageId, digestId: digest?.id }, 'reply posted');
  if (!threaded) return;
  try {
    await linkDigest(d.digests, posted, digest.id);
  } catch (err) {
    d.log.error({ err, digestId: digest.id, messageId: posted.messageId }, 'digest thread not linked; follow-ups there will be answered generally');
  }
}
