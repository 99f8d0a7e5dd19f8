// Platform-neutral command contract. A command is data (name, options) plus run(), which
// returns a neutral Reply. Platform adapters register the definitions, parse platform input
// into the raw option map, check `manage` rights, acknowledge within 3 s, and render the Reply.
import type { Digest, Platform } from '../src/domain/types.ts';
import type { Doc } from '../src/render/document.ts';

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
  /** Whether the user may manage sources and subscriptions (checked by the adapter). */
  canManage: boolean;
}

export type Reply =
  /** Shown to everyone in the channel. `digest` set: the adapter starts a thread and links it. */
  | { kind: 'doc'; doc: Doc; digest?: Digest }
  /** Shown only to the user (errors, usage help, confirmations of private actions). */
  | { kind: 'private'; text: string };

export interface Command<Deps> {
  name: string;
  description: string;
  options: OptionDef[];
  /** Requires channel-manager rights (Manage Server/Channels on Discord, admin on Slack). */
  manage: boolean;
  /** Free-text form for Slack and the console: `/digest ukraine 3d` -> raw options. */
  parseText(text: string): Record<string, string> | { error: string };
  run(raw: Record<string, string | undefined>, ctx: CommandContext, deps: Deps): Promise<Reply>;
}
