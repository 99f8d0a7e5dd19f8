// Follow-up routing: a message in a digest's thread, or one that mentions the bot, becomes an
// `/ask` scoped to that digest (the thread is linked to it in the store, so this survives
// restarts and works across processes). Anything else in a channel is not ours to answer.
import { deliver, type DeliveryDeps } from './deliver.ts';
import { runCommand } from './route.ts';
import type { Command, CommandContext, CommandDeps, IncomingMessage, Replier } from './types.ts';

/** The first of the message's places that is linked to a digest, or null. */
async function linkedThread(m: IncomingMessage, deps: CommandDeps): Promise<string | null> {
  const keys = [...m.threadKeys, ...(m.mentionsBot && m.replyTo ? [m.replyTo] : [])];
  for (const key of keys) {
    if (await deps.store.digests.digestForThread(m.platform, key)) return key;
  }
  return null;
}

export async function followUp(
  m: IncomingMessage,
  out: Replier,
  o: { commands: Command[]; deps: CommandDeps; delivery: DeliveryDeps },
): Promise<boolean> {
  const text = m.text.trim();
  const ask = o.commands.find((c) => c.name === 'ask');
  if (!text || !ask) return false;
  const threadId = await linkedThread(m, o.deps);
  if (!threadId && !m.mentionsBot) return false;
  const ctx: CommandContext = {
    platform: m.platform,
    workspaceId: m.workspaceId,
    channelId: m.channelId,
    threadId,
    userId: m.userId,
    // A follow-up question never manages anything.
    canManage: false,
  };
  const raw = ask.parseText(text);
  const reply =
    'error' in raw && typeof raw.error === 'string'
      ? ({ kind: 'private', text: raw.error } as const)
      : await runCommand(ask, raw as Record<string, string>, ctx, o.deps);
  await deliver(reply, ctx, out, o.delivery, 'follow-up answer');
  return true;
}
