// The platform-neutral conversation contract. A command is data (name, options, where its answers
// go) plus run(), which returns a neutral Reply; every reply declares its visibility. Platform
// adapters translate events into these calls and these replies into platform calls (a Replier);
// routing, rights, visibility, digest threads, follow-ups and failed-post records live here.
import type { Config } from '../config.ts';
import type { Posted } from '../chat/port.ts';
import type { Digest, Platform } from '../domain/types.ts';
import type { TextModel } from '../llm/port.ts';
import type { Logger } from '../log.ts';
import type { Work } from '../queue/work.ts';
import type { Doc } from '../render/document.ts';
import type { Store } from '../store/ports.ts';

export type { Posted };

/** Private: only the person who asked sees it. Public: everyone in the channel (or thread). */
export type Visibility = 'private' | 'public';

export interface OptionDef {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required: boolean;
  choices?: { name: string; value: string }[];
  maxLength?: number;
}

export interface CommandContext {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /** Set when the command was used inside a thread (Discord thread channel id, Slack thread_ts). */
  threadId: string | null;
  userId: string;
  /** Whether the user may manage sources and subscriptions (the platform's notion of it). */
  canManage: boolean;
}

export type Reply =
  /**
   * A document. `public` replies are posted in the channel; `private` ones only to the user.
   * `digest` set on a public reply: the conversation saves it, starts a thread under the post and
   * links the thread to it (follow-up questions there are answered from its sources).
   */
  | { kind: 'doc'; visibility: Visibility; doc: Doc; digest?: Digest }
  /** A short text only the user sees (errors, usage help, confirmations of private actions). */
  | { kind: 'private'; text: string };

/** What commands may use. Built once in the composition root and passed to every run(). */
export interface CommandDeps {
  config: Config;
  store: Store;
  model: TextModel | null;
  /** Work for later (a source added from chat is ingested at once, by a job). */
  work: Pick<Work, 'ingestSource'>;
  log: Logger;
  now: () => Date;
  /** Reconciles schedules after a subscription was added or removed. */
  onSubscriptionsChanged: () => Promise<void>;
}

export interface Command<Deps = CommandDeps> {
  name: string;
  description: string;
  options: OptionDef[];
  /** Requires channel-manager rights (Manage Server/Channels on Discord, admin on Slack). */
  manage: boolean;
  /**
   * Where this command's answers usually go, known before it runs: adapters that must
   * acknowledge at once (Discord's deferral) acknowledge this way. Each Reply still decides.
   */
  visibility: Visibility;
  /** Free-text form for Slack and the console: `/digest ukraine 3d` -> raw options. */
  parseText(text: string): Record<string, string> | { error: string };
  run(raw: Record<string, string | undefined>, ctx: CommandContext, deps: Deps): Promise<Reply>;
}

/**
 * How one incoming event is answered on its platform. Adapters implement it per event: it is
 * where rendering, splitting, ephemerals and platform limits live.
 */
export interface Replier {
  /** Shows text or a document to the person who asked only (as privately as the platform can). */
  private(content: { text: string } | { doc: Doc }): Promise<void>;
  /**
   * Posts in the channel, or in the thread the event came from. With `startThread`, starts a
   * thread named so under the first message. Throws PartialPostError when only part went out.
   */
  public(doc: Doc, opts?: { startThread?: string }): Promise<Posted>;
  /** A sentence the user can act on for a failed post (platform error codes); optional. */
  failureText?(err: unknown): string;
}

/** A channel message that may be a follow-up question, already translated from the platform. */
export interface IncomingMessage {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  userId: string;
  /** The words, with mentions of the bot removed and platform markup decoded. */
  text: string;
  /** Whether the bot was mentioned (a mention is a question even outside a digest thread). */
  mentionsBot: boolean;
  /** Places a digest thread could be linked under: the thread (channel) the message is in. */
  threadKeys: string[];
  /** The message this one replies to; consulted only when the bot is mentioned. */
  replyTo?: string | null;
}
