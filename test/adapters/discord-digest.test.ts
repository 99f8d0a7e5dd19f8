import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { digest } from '../../commands/digest.ts';
import type { Article } from '../../src/domain/types.ts';
import { DISCORD_LIMITS } from '../../src/render/discord.ts';
import type { Store } from '../../src/store/ports.ts';
import { sentBodies, startHarness, type Harness } from './discord-harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const TOWNS = ['Port Velmar', 'Ostrava Bay', 'Kellin', 'Marrow Point', 'Saltreach', 'Dunmere', 'Vask', 'Brenholt', 'Quillon', 'Tarsk', 'Elmsford', 'Corvane'];

function article(i: number, town: string, extra = '', pad = ''): Article {
  const text =
    `Dockworkers in ${town} walked out on Monday in the harbour strike, halting grain shipments for a ${i + 2}th day${pad}. ` +
    `“We will not accept a dead end on wages in ${town},” said union leader Mira Kovalenko at the gates. ${extra}\n\n` +
    `Port managers in ${town} said talks on the harbour strike would resume on Thursday${pad}. The strike has idled ${i + 10} cranes. ` +
    `Shipping agents in ${town} warned that the harbour strike could spread to rail yards along the coast${pad}.`;
  return {
    id: `a${i}`,
    url: `https://courier.example/${town.toLowerCase().replace(/\s/g, '-')}/${i}`,
    guid: null,
    sourceId: null,
    outlet: i % 2 ? 'The Harbour Courier' : 'Coastline Daily',
    title: `Harbour strike in ${town} enters day ${i + 2}`,
    byline: null,
    publishedAt: new Date(Date.now() - (i + 1) * 3_600_000),
    fetchedAt: new Date(),
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

function gateSearch(gate: Promise<void>): (s: Store) => Store {
  return (s) => ({
    ...s,
    articles: {
      ...s.articles,
      search: async (q) => {
        await gate;
        return s.articles.search(q);
      },
    },
  });
}

describe('/digest on Discord', () => {
  it('defers before the slow store answers, then edits in embeds within limits, starts a thread and links it', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    h = await startHarness([digest], { wrapStore: gateSearch(gate) });
    for (let i = 0; i < 3; i++) await h.store.articles.save(article(i, TOWNS[i]!));
    const from = h.fake.requests.length;
    const { id, token } = h.fake.interaction('digest', { topic: 'harbour strike' });
    const deferral = await h.fake.waitFor((r) => r.path === `/interactions/${id}/${token}/callback`);
    expect(deferral.body).toMatchObject({ type: 5, data: { flags: 0 } });
    expect(h.fake.requests.slice(from).some((r) => r.path.includes(`/webhooks/`))).toBe(false);
    open();
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`${token}/messages/@original`));
    const body = edit.body as { embeds: { title?: string; description?: string }[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds.length).toBeGreaterThan(0);
    expect(body.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    const thread = await h.fake.waitFor((r) => r.method === 'POST' && /\/channels\/\d+\/messages\/\d+\/threads$/.test(r.path));
    const threadId = /messages\/(\d+)\/threads/.exec(thread.path)![1]!;
    await expect.poll(() => h!.store.digests.digestForThread('discord', threadId)).toMatchObject({ topic: 'harbour strike' });
  });

  it('splits a long digest over several messages, every one within the limits', async () => {
    h = await startHarness([digest]);
    // Distinct events (unique wording per town) with long sentences, so five stories exceed one message.
    const pad = (i: number) => ' ' + Array.from({ length: 120 }, (_, k) => `${TOWNS[i]!.slice(0, 4).toLowerCase()}${String.fromCharCode(97 + (k % 26))}${k}`).join(' ');
    for (let i = 0; i < TOWNS.length; i++) await h.store.articles.save(article(i, TOWNS[i]!, '', pad(i)));
    const from = h.fake.requests.length;
    const { token } = h.fake.interaction('digest', { topic: 'harbour strike', since: '7d' });
    await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(token));
    // The thread is started after the last follow-up message.
    await h.fake.waitFor((r) => r.method === 'POST' && r.path.endsWith('/threads'));
    const bodies = sentBodies(h.fake, from) as { embeds: { title?: string; description?: string }[]; allowed_mentions: unknown }[];
    for (const b of bodies) {
      expect(b.allowed_mentions).toEqual({ parse: [] });
      expect(b.embeds.length).toBeLessThanOrEqual(10);
      const total = b.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
      expect(total).toBeLessThanOrEqual(6000);
      for (const e of b.embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    }
    expect(bodies.length).toBeGreaterThan(1);
  });

  it('pings no one when an article says "@everyone" and "<@123>"', async () => {
    h = await startHarness([digest]);
    await h.store.articles.save(article(0, 'Port Velmar', 'A flyer read: @everyone come to the gates, and <@123> <@&456> bring flags.'));
    await h.store.articles.save(article(1, 'Kellin', 'Organisers wrote @here and <@123> on the wall.'));
    const from = h.fake.requests.length;
    const { token } = h.fake.interaction('digest', { topic: 'harbour strike' });
    await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(token));
    const bodies = sentBodies(h.fake, from);
    expect(bodies.length).toBeGreaterThan(0);
    for (const b of bodies) {
      expect(b.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(b)).not.toMatch(/@everyone|@here|<@123>|<@&456>/);
    }
  });
});
