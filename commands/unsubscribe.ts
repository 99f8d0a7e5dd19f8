// /unsubscribe id — removes one of this channel's subscriptions (the id or its first 6+ characters
// as /subscriptions shows them). Needs manage rights; never touches another channel's.
import { z } from 'zod';
import type { CommandDeps } from './deps.ts';
import { present, splitFreeText, usageError } from './options.ts';
import { describe, shortId } from './subscribe.ts';
import type { Command } from './types.ts';

const USAGE = '/unsubscribe id:<id from /subscriptions>, e.g. /unsubscribe 3f2a9c1b';
const args = z.object({
  id: z
    .string({ error: 'id is missing' })
    .trim()
    .min(6, 'id must be at least 6 characters of the id /subscriptions shows')
    .max(64, 'id is too long')
    .regex(/^[\w-]+$/, 'id is letters, digits and dashes'),
});

export const unsubscribe: Command<CommandDeps> = {
  name: 'unsubscribe',
  description: "Stop one of this channel's scheduled digests",
  manage: true,
  visibility: 'private',
  options: [{ name: 'id', description: 'Subscription id (see /subscriptions)', type: 'string', required: true, maxLength: 64 }],
  parseText(text): Record<string, string> | { error: string } {
    const { words, named } = splitFreeText(text, ['id']);
    const id = named.id ?? words[0];
    if (!id) return { error: `Say which subscription. Type: ${USAGE}` };
    return { id };
  },
  async run(raw, ctx, deps) {
    const parsed = args.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, USAGE) };
    const id = parsed.data.id.toLowerCase();
    const mine = await deps.store.subscriptions.list({ platform: ctx.platform, workspaceId: ctx.workspaceId, channelId: ctx.channelId });
    const matches = mine.filter((s) => s.id.toLowerCase() === id || s.id.toLowerCase().startsWith(id));
    if (matches.length === 0) return { kind: 'private', text: `No subscription ${parsed.data.id} in this channel. Type /subscriptions to see this channel's ids.` };
    if (matches.length > 1) return { kind: 'private', text: `${parsed.data.id} matches ${matches.length} subscriptions; type more of the id.` };
    const sub = matches[0]!;
    await deps.store.subscriptions.remove(sub.id);
    await deps.onSubscriptionsChanged();
    deps.log.info({ subscriptionId: sub.id, by: ctx.userId }, 'subscription removed');
    return { kind: 'private', text: `Unsubscribed: "${sub.topic}" (${describe(sub)}), id ${shortId(sub)}.` };
  },
};
