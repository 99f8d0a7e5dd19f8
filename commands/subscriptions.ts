// /subscriptions — lists this channel's scheduled digests with their ids (privately).
import type { CommandDeps } from './deps.ts';
import { describe, shortId } from './subscribe.ts';
import type { Command } from './types.ts';

export const subscriptions: Command<CommandDeps> = {
  name: 'subscriptions',
  description: "List this channel's scheduled digests",
  manage: false,
  visibility: 'private',
  options: [],
  parseText() {
    return {};
  },
  async run(_raw, ctx, deps) {
    const subs = await deps.store.subscriptions.list({ platform: ctx.platform, workspaceId: ctx.workspaceId, channelId: ctx.channelId });
    if (subs.length === 0) return { kind: 'private', text: 'This channel has no subscriptions. Add one with /subscribe ukraine 08:30 Europe/Kyiv' };
    const lines = subs
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((s) => `• ${shortId(s)} "${s.topic}": ${describe(s)}, up to ${s.maxStories} stories`);
    return { kind: 'private', text: [`Subscriptions in this channel (${subs.length}):`, ...lines, 'Remove one with /unsubscribe <id>.'].join('\n') };
  },
};
