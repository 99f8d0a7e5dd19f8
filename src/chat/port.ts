// Chat-platform port. Adapters (console, discord, slack) translate platform events into calls on
// the conversation core (src/conversation/) and its replies into platform calls; they own
// acknowledgement, rendering, limits and escaping. Scheduled work only asks them to post a Doc.
import type { ChannelRef, MessageRef } from '../domain/types.ts';
import type { Doc } from '../render/document.ts';

/** A message posted publicly, with the thread started under it when one was asked for. */
export interface Posted extends MessageRef {
  /** The post went out but its thread could not be started (the caller records it). */
  threadError?: unknown;
}

export interface ChatAdapter {
  readonly platform: 'discord' | 'slack' | 'console';
  start(): Promise<void>;
  /**
   * Posts a document to a channel (splitting it over several messages if it exceeds the
   * platform's limits). With `startThread`, starts a thread on the first message and returns its id.
   */
  post(where: ChannelRef, doc: Doc, opts?: { startThread?: string }): Promise<Posted>;
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
