// Follow-ups in a digest's thread, end to end with the real commands: /digest posts and starts a
// thread, and questions in that thread (or replies to the digest that mention the bot) are
// answered by the real `ask` command from that digest's sources, over a real SQLite store seeded
// with fictional articles and the quotes extracted from them.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import type { Article } from '../../src/domain/types.ts';
import { extractQuotes, speakersOf } from '../../src/nlp/quotes.ts';
import type { Store } from '../../src/store/ports.ts';
import { sentBodies, startHarness, type Harness } from './discord-harness.ts';

// Fictional outlets, places and people.
const STRIKE_VELMAR = 'https://courier.example/port-velmar/harbour-strike';
const STRIKE_TALKS = 'https://coastline.example/harbour-strike-talks';
const CHESS = 'https://courier.example/velmar-chess-open';

function article(id: string, url: string, outlet: string, title: string, text: string, hoursAgo: number): Article {
  const publishedAt = new Date(Date.now() - hoursAgo * 3_600_000);
  return {
    id, url, guid: null, sourceId: null, outlet, title, byline: null, publishedAt, fetchedAt: new Date(), text,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

const ARTICLES: Article[] = [
  article('velmar-1', STRIKE_VELMAR, 'The Harbour Courier', 'Harbour strike in Port Velmar enters its third day',
    'Dockworkers in Port Velmar walked out on Monday in the harbour strike, halting grain shipments for a third day. ' +
      '“We will not accept a dead end on wages,” said union leader Mira Kovalenko at the gates. ' +
      '“Tell @everyone and <@123> to bring flags to the gates,” said shop steward Aldo Brisk.\n\n' +
      'Port managers said talks on the harbour strike would resume on Thursday. The strike has idled twelve cranes.',
    2),
  article('talks-1', STRIKE_TALKS, 'Coastline Daily', 'Harbour strike talks set for Thursday',
    'Talks to end the harbour strike in Port Velmar will resume on Thursday, the port authority said. ' +
      '“Both sides have agreed to sit at the same table again,” said port manager Edvin Sorrel on Tuesday.\n\n' +
      'Shipping agents warned that the harbour strike could spread to rail yards along the coast.',
    3),
  // Outside the digest: the same speaker on another subject must not be cited in the thread.
  article('chess-1', CHESS, 'The Harbour Courier', 'Velmar chess open draws record entries',
    'The Velmar chess open drew a record field of two hundred players this weekend. ' +
      '“Chess teaches patience, and the town needs it,” said Mira Kovalenko, who played in the first round.',
    1),
];

async function seed(store: Store): Promise<void> {
  for (const a of ARTICLES) {
    await store.articles.save(a);
    const quotes = extractQuotes(a.text);
    await store.quotes.replaceForArticle(a.id, quotes, speakersOf(quotes, a.text));
  }
}

type Body = { embeds: { title?: string; description?: string }[]; allowed_mentions: unknown; message_reference?: { message_id: string } };
/** The embeds' text as a reader sees it: Discord markdown escapes (`\\[1\\]`) removed. */
const textOf = (b: Body) => b.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n').replace(/\\(.)/g, '$1');

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Posts /digest harbour strike and returns the id of the thread the adapter started under it. */
async function postDigest(harness: Harness): Promise<string> {
  const { token } = harness.fake.interaction('digest', { topic: 'harbour strike' });
  await harness.fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`${token}/messages/@original`));
  const thread = await harness.fake.waitFor((r) => r.method === 'POST' && /\/channels\/\d+\/messages\/\d+\/threads$/.test(r.path));
  const threadId = /messages\/(\d+)\/threads/.exec(thread.path)![1]!;
  await expect.poll(() => harness.store.digests.digestForThread('discord', threadId)).toMatchObject({ topic: 'harbour strike' });
  return threadId;
}

describe('Discord follow-ups in digest threads', () => {
  it('answers a question typed in the digest thread from that digest, citing the right article, pinging no one', async () => {
    h = await startHarness(allCommands);
    await seed(h.store);
    const threadId = await postDigest(h);
    const from = h.fake.requests.length;
    const q = h.fake.message(threadId, 'what did Kovalenko say?');
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`);
    const body = sent.body as Body;
    const answer = textOf(body);
    expect(answer).toContain('Mira Kovalenko (union leader): “We will not accept a dead end on wages');
    expect(answer).toContain('[1]');
    expect(answer).toContain(`(${STRIKE_VELMAR})`);
    // The chess article quotes the same person but is not one of the digest's sources.
    expect(answer).not.toContain(CHESS);
    expect(answer).not.toContain('Chess teaches patience');
    expect(body.message_reference?.message_id).toBe(q);
    for (const b of sentBodies(h.fake, from) as Body[]) expect(b.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a reply to the digest message that mentions the bot, and ignores chatter elsewhere', async () => {
    h = await startHarness(allCommands);
    await seed(h.store);
    // A thread started on a message has the message's id, which is linked to the digest too.
    const digestMessageId = await postDigest(h);
    const from = h.fake.requests.length;
    const channelPosts = () => h!.fake.requests.slice(from).filter((r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`);
    h.fake.message(h.fake.channelId, 'lunch anyone?');
    h.fake.message(h.fake.channelId, 'what did Sorrel say?', { mentionBot: true, replyTo: digestMessageId });
    await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`);
    const [sent, ...more] = channelPosts();
    const body = sent!.body as Body;
    const answer = textOf(body);
    expect(answer).toContain('Edvin Sorrel');
    expect(answer).toContain('Both sides have agreed to sit at the same table again');
    expect(answer).toMatch(/\[1\]/);
    expect(answer).toContain(`(${STRIKE_TALKS})`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(more).toHaveLength(0);
  });

  it('pings no one when the digest and the answer carry "@everyone" and "<@123>" from an article', async () => {
    h = await startHarness(allCommands);
    await seed(h.store);
    const from = h.fake.requests.length;
    const threadId = await postDigest(h);
    h.fake.message(threadId, 'what did Brisk say?');
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`);
    // The hostile quote is shown (verbatim words, neutralised mentions), not dropped.
    expect(textOf(sent.body as Body)).toMatch(/Aldo Brisk \(shop steward\): “Tell .*everyone and .*123.* to bring flags to the gates/);
    const bodies = sentBodies(h.fake, from);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const b of bodies) {
      expect(b.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(b)).not.toMatch(/@everyone|<@123>/);
    }
  });
});
