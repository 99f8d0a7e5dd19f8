// The conversation, once for every platform. An adapter translates a platform event into one of
// these calls and hands over a Replier for the answer; everything else happens here.
import type { ChatAdapter } from '../chat/port.ts';
import type { ChannelRef, MessageRef } from '../domain/types.ts';
import type { Doc } from '../render/document.ts';
import { deliver, linkDigest, type DeliveryDeps } from './deliver.ts';
import { recordFailedPost } from './failed-posts.ts';
import { followUp } from './follow-up.ts';
import { parseLine, precheck, runCommand, unknownCommand } from './route.ts';
import type { Command, CommandContext, CommandDeps, IncomingMessage, Replier } from './types.ts';

export interface Conversation {
  readonly commands: Command[];
  /** Synchronous checks before acknowledging; a private refusal, or null (route.ts precheck). */
  precheck(name: string, raw: Record<string, string | undefined>, ctx: Pick<CommandContext, 'platform' | 'canManage'>): string | null;
  /** Free text typed after a command name -> its options, or the usage error to show privately. */
  parse(name: string, text: string): Record<string, string> | { error: string };
  /** Runs a command with structured options and delivers its reply. Never throws. */
  command(name: string, raw: Record<string, string | undefined>, ctx: CommandContext, out: Replier): Promise<void>;
  /** Runs a typed line ("/digest ukraine 3d") and delivers its reply. Never throws. */
  line(text: string, ctx: CommandContext, out: Replier): Promise<void>;
  /** A channel message: answered when it is a follow-up question. Resolves whether it was. */
  message(m: IncomingMessage, out: Replier): Promise<boolean>;
  /** Records a post that finally failed, so it stays visible (`newsbot jobs failed`). */
  recordFailure: DeliveryDeps['recordFailure'];
  /** Posting for scheduled work: through the chat adapter of the channel's platform; failures recorded. */
  post(chats: () => ChatAdapter[]): (where: ChannelRef, doc: Doc, opts?: { startThread?: string }) => Promise<MessageRef>;
  /** Links a posted digest to its thread and first message. */
  linkDigest(ref: MessageRef, digestId: string): Promise<void>;
}

export function createConversation(o: { commands: Command[]; deps: CommandDeps }): Conversation {
  const { commands, deps } = o;
  const recordFailure: DeliveryDeps['recordFailure'] = (platform, f, err) => recordFailedPost(deps.store.chatFailures, deps.log, platform, f, err);
  const delivery: DeliveryDeps = { digests: deps.store.digests, log: deps.log, recordFailure };
  const find = (name: string) => commands.find((c) => c.name === name);

  async function command(name: string, raw: Record<string, string | undefined>, ctx: CommandContext, out: Replier): Promise<void> {
    const cmd = find(name);
    const reply = cmd ? await runCommand(cmd, raw, ctx, deps) : ({ kind: 'private', text: unknownCommand(commands) } as const);
    await deliver(reply, ctx, out, delivery, `/${name} reply`);
  }

  return {
    commands,
    precheck: (name, raw, ctx) => precheck(commands, name, raw, ctx),
    parse(name, text) {
      const cmd = find(name);
      return cmd ? cmd.parseText(text) : { error: unknownCommand(commands) };
    },
    command,
    async line(text, ctx, out) {
      const p = parseLine(commands, text);
      if ('error' in p) return deliver({ kind: 'private', text: p.error }, ctx, out, delivery, 'usage');
      return command(p.cmd.name, p.raw, ctx, out);
    },
    message: (m, out) => followUp(m, out, { commands, deps, delivery }),
    recordFailure,
    post(chats) {
      return async (where, doc, opts) => {
        const chat = chats().find((c) => c.platform === where.platform);
        if (!chat) throw new Error(`no ${where.platform} connection in this process`);
        try {
          const posted = await chat.post(where, doc, opts);
          if (posted.threadError !== undefined) await recordFailure(where.platform, { what: 'scheduled digest thread', channelId: where.channelId }, posted.threadError);
          return posted;
        } catch (err) {
          await recordFailure(where.platform, { what: `post "${doc.title.slice(0, 100)}"`, channelId: where.channelId }, err);
          throw err;
        }
      };
    },
    linkDigest: (ref, digestId) => linkDigest(deps.store.digests, ref, digestId),
  };
}
