import { afterEach, describe, expect, it } from 'vitest';
import { sources } from '../../commands/sources.ts';
import { subscribe } from '../../commands/subscribe.ts';
import type { Store } from '../../src/store/ports.ts';
import type { ChatFailureStore } from '../../src/store/ports.ts';

const discordFailures = async (failures: ChatFailureStore) => (await failures.list()).filter((f) => f.platform === 'discord');
import { PartialPostError } from '../../src/chat/port.ts';
import { paragraph, text } from '../../src/render/document.ts';
import { MEMBER_ONLY } from '../support/fake-discord.ts';
import { sentBodies, startHarness, type Harness } from './discord-harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A store whose source listing waits until the test opens the gate. */
function gatedStore(gate: Promise<void>): (s: Store) => Store {
  return (s) => ({
    ...s,
    sources: {
      ...s.sources,
      list: async () => {
        await gate;
        return s.sources.list();
      },
    },
  });
}

describe('Discord adapter (real discord.js against a fake Discord)', () => {
  it('connects through /gateway/bot, identifies with the three intents and registers the commands once', async () => {
    h = await startHarness([sources]);
    expect(h.fake.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
    const identify = h.fake.identifies[0] as { intents: number };
    expect(identify.intents).toBe(1 | 512 | 32768);
    const puts = h.fake.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    expect(puts).toHaveLength(1);
    expect((puts[0]!.body as { name: string }[]).map((c) => c.name)).toEqual(['sources']);
  });

  it('defers at once while the store is still busy, then edits the answer in', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    h = await startHarness([sources], { wrapStore: gatedStore(gate) });
    const { id, token } = h.fake.interaction('sources', { action: 'list' });
    const deferral = await h.fake.waitFor((r) => r.path === `/interactions/${id}/${token}/callback`);
    // The store has not answered yet: the deferral did not wait for it.
    expect(h.fake.requests.some((r) => r.path.includes(`/webhooks/${h!.fake.appId}/${token}`))).toBe(false);
    expect(deferral.body).toMatchObject({ type: 5, data: { flags: 64 } });
    open();
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`${token}/messages/@original`));
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(JSON.stringify(edit.body)).toContain('No sources yet');
  });

  it('refuses /sources add to a member without Manage Channels or Manage Server', async () => {
    h = await startHarness([sources]);
    const { token } = h.fake.interaction('sources', { action: 'add', url: 'https://courier.example/feed.xml' }, { permissions: MEMBER_ONLY });
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(JSON.stringify(edit.body)).toContain('needs Manage Channels');
    expect(await h.store.sources.list()).toEqual([]);
    expect(h.jobs).toEqual([]);
  });

  it('refuses /subscribe to a member without manager rights, privately and before touching the store', async () => {
    h = await startHarness([sources, subscribe]);
    const { id, token } = h.fake.interaction('subscribe', { topic: 'harbour', time: '08:00', timezone: 'Europe/Kyiv' }, { permissions: MEMBER_ONLY });
    const cb = await h.fake.waitFor((r) => r.path === `/interactions/${id}/${token}/callback`);
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(cb.body)).toContain('needs Manage Channels');
    expect(await h.store.subscriptions.list()).toEqual([]);
  });

  it('lets a manager add a source, which is stored and queued for ingest', async () => {
    h = await startHarness([sources]);
    const { token } = h.fake.interaction('sources', { action: 'add', url: 'https://courier.example/feed.xml' });
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(JSON.stringify(edit.body)).toContain('Added https://courier.example/feed.xml');
    expect((await h.store.sources.list()).map((s) => s.url)).toEqual(['https://courier.example/feed.xml']);
    const [source] = await h.store.sources.list();
    expect(h.jobs).toHaveLength(1);
    expect(h.jobs[0]).toMatchObject({ name: 'ingest-source', payload: { sourceId: source!.id } });
    expect((h.jobs[0]!.payload as { window: string }).window).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  });

  it('answers a bad argument privately with what to type, without deferring', async () => {
    h = await startHarness([sources]);
    const { id, token } = h.fake.interaction('sources', { action: 'burn' });
    const cb = await h.fake.waitFor((r) => r.path === `/interactions/${id}/${token}/callback`);
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(JSON.stringify(cb.body)).toContain('Type: /sources');
  });

  it('posts a scheduled document once, with its thread, pinging no one', async () => {
    h = await startHarness([sources]);
    const before = h.fake.requests.length;
    const ref = await h.adapter.post(
      { platform: 'discord', workspaceId: h.fake.guildId, channelId: h.fake.channelId },
      { title: 'Morning digest @everyone', blocks: [{ type: 'paragraph', inlines: [{ t: 'text', text: 'Ping @everyone and <@123> now' }] }] },
      { startThread: 'Questions: harbour' },
    );
    const posts = h.fake.requests.slice(before).filter((r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`);
    expect(posts).toHaveLength(1);
    expect(ref.threadId).toBe(ref.messageId);
    const body = JSON.stringify(posts[0]!.body);
    expect(body).not.toMatch(/@everyone|<@123>/);
    for (const b of sentBodies(h.fake, before)) expect(b.allowed_mentions).toEqual({ parse: [] });
  });

  it('retries a 500 on message send, then records the final failure and surfaces it', async () => {
    h = await startHarness([sources], { restRetries: 2 });
    const where = { platform: 'discord' as const, workspaceId: h.fake.guildId, channelId: h.fake.channelId };
    const doc = { title: 'Digest', blocks: [] };
    h.fake.fail('POST', /\/channels\/\d+\/messages$/, 500, 1);
    const ok = await h.adapter.post(where, doc);
    expect(ok.messageId).toBeTruthy();
    const sends = () => h!.fake.requests.filter((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path)).length;
    expect(sends()).toBe(2);

    h.fake.fail('POST', /\/channels\/\d+\/messages$/, 500, 10);
    await expect(h.adapter.post(where, doc)).rejects.toThrow();
    expect(sends()).toBe(2 + 3);
    const failures = await discordFailures(h.store.chatFailures);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ channelId: h.fake.channelId });
  });

  it('reports a post whose later message failed as partly posted, with its head and thread', async () => {
    h = await startHarness([sources], { restRetries: 1 });
    const where = { platform: 'discord' as const, workspaceId: h.fake.guildId, channelId: h.fake.channelId };
    // 30 sections of about 900 characters: far over one message's 6000, so it splits.
    const blocks = Array.from({ length: 30 }, (_, i) => paragraph(text(`Section ${i}: ${'the harbour ferries ran late again '.repeat(26)}`)));
    h.fake.fail('POST', /\/channels\/\d+\/messages$/, 500, 10, 1);
    const err = await h.adapter.post(where, { title: 'Long digest', blocks }, { startThread: 'Questions' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialPostError);
    const partial = err as PartialPostError;
    expect(partial.sent).toBe(1);
    expect(partial.total).toBeGreaterThan(1);
    const threads = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${where.channelId}/messages/${partial.ref.messageId}/threads`);
    expect(threads).toHaveLength(1);
    expect(partial.ref.threadId).toBeTruthy();
    expect((await discordFailures(h.store.chatFailures))[0]?.what).toContain(`1 of ${partial.total}`);
  });
});
