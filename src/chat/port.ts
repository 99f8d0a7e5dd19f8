// Chat-platform port. Adapters (console, discord, slack) receive commands and thread messages,
// route them through the platform-neutral command router, and own acknowledgement, rendering,
// limits and escaping. The core only ever asks an adapter to post a Doc somewhere.
import type { ChannelRef, MessageRef } from '../domain/types.ts';
import type { Doc } from '../render/document.ts';

export interface ChatAdapter {
  readonly platform: 'discord' | 'slack' | 'console';
  start(): Promise<void>;
  /**
   * Posts a document to a channel (splitting it over several messages if it exceeds the
   * platform's limits). With `startThread`, starts a thread on the first message and returns its id.
   */
  post(where: ChannelRef, doc: Doc, opts?: { startThread?: string }): Promise<MessageRef>;
  /** Throws when the platform connection is down (for /healthz). */
  health(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A post split over several messages whose first message went out but a later one finally
 * failed. The post exists (retrying would repeat what is already in the channel), so callers
 * that post at most once treat `ref` as posted and report the missing rest.
 */
export class PartialPostError extends Error {
  constructor(
    readonly ref: MessageRef,
    readonly sent: number,
    readonly total: number,
    options?: { cause?: unknown },
  ) {
    super(`posted ${sent} of ${total} messages: ${(options?.cause as Error | undefined)?.message ?? 'unknown error'}`, options);
    this.name = 'PartialPostError';
  }
}
