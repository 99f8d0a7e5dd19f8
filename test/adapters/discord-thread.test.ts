// Follow-ups in a digest's thread. The answering engine is exercised by its own tests; here a
// stand-in `ask` command (implementing the Command contract) echoes the digest it was given, so
// these tests pin down the adapter's part: which messages are follow-ups, which digest they
// resolve to through the store, and how the answer is posted.
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../commands/types.ts';
import type { CommandDeps } from '../../commands/deps.ts';
import { link, paragraph, text } from '../../src/render/document.ts';
import { startHarness, type Harness } from './discord-harness.ts';

const askFromDigest: Command<CommandDeps> = {
  name: 'ask',
  description: 'Ask',
  manage: false,
  options: [{ name: 'question', description: 'q', type: 'string', required: true }],
  parseText: (t) => ({ question: t }),
  async run(raw, ctx, deps) {
    const d = ctx.threadId ? await deps.store.digests.digestForThread(ctx.platform, ctx.threadId) : null;
    return { kind: 'doc', doc: { title: `Answer: ${raw.question}`, blocks: [paragraph(text(`From digest ${d?.id ?? 'none'} [1]`), link('[1] Courier', 'https://courier.example/1'))] } };
  },
};

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function withDigest(): Promise<Harness> {
  const harness = await startHarness([askFromDigest]);
  const now = new Date();
  await harness.store.digests.save(
    { id: 'dg1', topic: 'harbour strike', since: new Date(now.getTime() - 86_400_000), until: now, stories: [], articleCount: 0, overview: null, createdAt: now },
    { platform: 'discord', workspaceId: harness.fake.guildId, channelId: harness.fake.channelId },
  );
  await harness.store.digests.linkThread('discord', '777000111', 'dg1');
  return harness;
}

describe('Discord follow-ups in digest threads', () => {
  it('answers a message in a linked thread from that digest, as a reply that pings no one', async () => {
    h = await withDigest();
    const q = h.fake.message('777000111', 'what did Kovalenko say?');
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.path === '/channels/777000111/messages');
    const body = sent.body as { embeds: { title: string; description: string }[]; allowed_mentions: unknown; message_reference: { message_id: string } };
    expect(body.embeds[0]!.title).toBe('Answer: what did Kovalenko say?');
    expect(body.embeds[0]!.description).toContain('From digest dg1');
    expect(body.embeds[0]!.description).toContain('(https://courier.example/1)');
    expect(body.message_reference.message_id).toBe(q);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a reply to the digest message that mentions the bot, and ignores chatter elsewhere', async () => {
    h = await withDigest();
    h.fake.message(h.fake.channelId, 'lunch anyone?');
    h.fake.message(h.fake.channelId, 'and the port?', { mentionBot: true, replyTo: '777000111' });
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`);
    const body = sent.body as { embeds: { title: string; description: string }[] };
    expect(body.embeds[0]!.title).toBe('Answer: and the port?');
    expect(body.embeds[0]!.description).toContain('From digest dg1');
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'))).toHaveLength(1);
  });
});
