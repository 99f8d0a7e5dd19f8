// The real Bolt app in HTTP mode, driven by correctly signed requests, talking to a fake Slack
// Web API on loopback, with the real SQLite store behind a delaying wrapper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/adapters/sqlite/store.ts';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { SlackPostError } from '../../../src/adapters/slack/post-messages.ts';
import { PartialPostError } from '../../../src/chat/port.ts';
import { createConversation } from '../../../src/conversation/conversation.ts';
import type { ChatFailureStore } from '../../../src/store/ports.ts';

const slackFailures = async (failures: ChatFailureStore) => (await failures.list()).filter((f) => f.platform === 'slack');
import { createLogger } from '../../../src/log.ts';
import { paragraph, text } from '../../../src/render/document.ts';
import type { SlackMessage } from '../../../src/render/slack.ts';
import type { Store } from '../../../src/store/ports.ts';
import { FakeSlack, sendEvent, sendSlashCommand, type ApiCall } from '../../support/fake-slack.ts';
import { expectWithinLimits } from '../../render/slack-limits.ts';
import { delayingStore, testCommands, testDeps } from './support.ts';

const SECRET = 'fictional-signing-secret';
const fake = new FakeSlack();
const delay: { ms: number; gate?: Promise<void> | null } = { ms: 0 };
let store: Store;
let adapter: SlackAdapter;
let url: string;

function slash(command: string, textArg: string, channel: string, user = 'U0PLAIN') {
  return sendSlashCommand(url, SECRET, {
    command,
    text: textArg,
    user_id: user,
    channel_id: channel,
    team_id: fake.teamId,
    response_url: fake.responseUrl(channel),
  });
}

const postsIn = (channel: string): ApiCall[] => fake.callsOf('chat.postMessage').filter((c) => c.body.channel === channel);
const asMessage = (c: ApiCall): SlackMessage => ({ text: String(c.body.text), blocks: c.body.blocks as SlackMessage['blocks'] });
const responsesFor = (channel: string) => fake.responses.filter((r) => r.path === `/response/${channel}`);

beforeAll(async () => {
  await fake.start();
  store = delayingStore(await openSqliteStore(':memory:'), delay);
  adapter = createSlackAdapter({
    botToken: 'xoxb-fictional',
    signingSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl.replace(/\/$/, ''), // the adapter adds the trailing slash Bolt needs
    managerIds: ['U0ALLOWED'],
    conversation: createConversation({ commands: testCommands, deps: testDeps(store) }),
    log: createLogger('silent'),
    retry: { retries: 3, minTimeoutMs: 20, maxTimeoutMs: 2000 },
  });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.httpPort()}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await store?.close();
  await fake.stop();
});

describe('Slack adapter in HTTP mode', () => {
  it('acknowledges a slash command while the store is still blocked, then posts once the store answers', async () => {
    let release!: () => void;
    delay.gate = new Promise<void>((r) => (release = r));
    try {
      const res = await slash('/digest', 'ferries', 'C0SLOW');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ response_type: 'ephemeral', text: 'Working on /digest…' });
      expect(postsIn('C0SLOW')).toHaveLength(0);
    } finally {
      delay.gate = null;
      release();
    }
    await fake.waitFor(() => postsIn('C0SLOW').length > 0);
  });

  it('posts a digest in the channel with blocks within limits, saves it and links its thread', async () => {
    const res = await slash('/digest', 'ferries', 'C0DIGEST');
    expect(res.status).toBe(200);
    const [post] = await fake.waitFor(() => (postsIn('C0DIGEST').length ? postsIn('C0DIGEST') : null));
    expect(post!.body.thread_ts).toBeUndefined();
    expectWithinLimits([asMessage(post!)]);
    expect(JSON.stringify(post!.body.blocks)).toContain('<https://courier.example/ferries/0|ferries: story 0>');
    const digestTs = await tsOfFirstPost('C0DIGEST');
    const linked = await fake.waitFor(() => store.digests.digestForThread('slack', digestTs));
    expect(linked.topic).toBe('ferries');
    // the "working on it" note is removed once the digest is out
    await fake.waitFor(() => responsesFor('C0DIGEST').some((r) => r.body.delete_original === true));
  });

  it('splits a long digest over several messages in the channel, each within limits', async () => {
    await slash('/digest', 'harbour 60', 'C0LONG');
    await fake.waitFor(() => responsesFor('C0LONG').some((r) => r.body.delete_original === true));
    const posts = postsIn('C0LONG');
    expect(posts.length).toBeGreaterThan(1);
    expectWithinLimits(posts.map(asMessage));
    const all = posts.map((p) => JSON.stringify(p.body.blocks)).join('');
    for (let i = 0; i < 60; i++) expect(all).toContain(`harbour: story ${i}>`);
    expect(posts.every((p) => p.body.thread_ts === undefined)).toBe(true);
  });

  it("answers a question in a digest's thread from that digest, with citations, and ignores bots", async () => {
    await slash('/digest', 'ferries', 'C0THREAD');
    const digestTs = await tsOfFirstPost('C0THREAD');
    await fake.waitFor(async () => store.digests.digestForThread('slack', digestTs));
    const answersIn = () => postsIn('C0THREAD').filter((p) => p.body.thread_ts === digestTs);

    const bot = await sendEvent(url, SECRET, fake.teamId, { type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER', text: 'I am a bot', ts: '1800000000.000001', thread_ts: digestTs, channel: 'C0THREAD' });
    expect(bot.status).toBe(200);
    const res = await sendEvent(url, SECRET, fake.teamId, { type: 'message', user: 'U0READER', text: 'what about the fares?', ts: '1800000000.000002', thread_ts: digestTs, channel: 'C0THREAD', channel_type: 'channel' });
    expect(res.status).toBe(200);
    const [answer] = await fake.waitFor(() => (answersIn().length ? answersIn() : null));
    const body = JSON.stringify(answer!.body.blocks);
    expect(body).toContain('Answer: what about the fares?');
    expect(body).toContain('[1] <https://courier.example/ferries/0|Article 0>');
    expect(body).toContain('[2] <https://courier.example/ferries/1|Article 1>');

    // an @mention in the same thread is answered once (via app_mention, not also via message)
    const mention = { user: 'U0READER', text: `<@${fake.botUserId}> and the timetable?`, ts: '1800000000.000003', thread_ts: digestTs, channel: 'C0THREAD' };
    await sendEvent(url, SECRET, fake.teamId, { type: 'message', ...mention });
    await sendEvent(url, SECRET, fake.teamId, { type: 'app_mention', ...mention });
    await fake.waitFor(() => answersIn().length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(answersIn()).toHaveLength(2);
    expect(JSON.stringify(answersIn()[1]!.body.blocks)).toContain('Answer: and the timetable?');
  });

  it('does not answer a follow-up twice when Slack re-sends it after a timeout', async () => {
    await slash('/digest', 'ferries', 'C0RETRY');
    const digestTs = await tsOfFirstPost('C0RETRY');
    await fake.waitFor(() => store.digests.digestForThread('slack', digestTs));
    const ev = { type: 'message', user: 'U0READER', text: 'and the tolls?', ts: '1800000001.000001', thread_ts: digestTs, channel: 'C0RETRY' };
    const answers = () => postsIn('C0RETRY').filter((p) => p.body.thread_ts === digestTs);
    await sendEvent(url, SECRET, fake.teamId, ev);
    await fake.waitFor(() => answers().length === 1);
    const retry = await sendEvent(url, SECRET, fake.teamId, ev, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    // a later, different question is answered, and by then the retry has been handled
    await sendEvent(url, SECRET, fake.teamId, { ...ev, text: 'and the ferries?', ts: '1800000001.000002' });
    await fake.waitFor(() => answers().length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(answers().map((a) => JSON.stringify(a.body.blocks).includes('and the ferries?'))).toEqual([false, true]);
  });

  it('refuses a request with a bad signature or a stale timestamp with 401 and runs nothing', async () => {
    const before = fake.calls.length;
    const fields = { command: '/digest', text: 'ferries', user_id: 'U0X', channel_id: 'C0SIG', team_id: fake.teamId, response_url: fake.responseUrl('C0SIG') };
    const forged = await sendSlashCommand(url, SECRET, fields, { secretOverride: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await sendSlashCommand(url, SECRET, fields, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    const ok = await sendSlashCommand(url, SECRET, { ...fields, channel_id: 'C0SIGOK', response_url: fake.responseUrl('C0SIGOK') });
    expect(ok.status).toBe(200);
    await fake.waitFor(() => postsIn('C0SIGOK').length > 0);
    expect(fake.calls.slice(before).filter((c) => c.body.channel === 'C0SIG')).toHaveLength(0);
  });

  it('escapes hostile article text so no @channel, @here or user mention can be formed', async () => {
    await slash('/digest', 'hostile', 'C0HOSTILE');
    await fake.waitFor(() => responsesFor('C0HOSTILE').some((r) => r.body.delete_original === true));
    const posts = postsIn('C0HOSTILE');
    const json = JSON.stringify(posts.map((p) => ({ text: p.body.text, blocks: p.body.blocks })));
    expect(json).not.toMatch(/<[!@#]/);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&lt;@U0ADMIN&gt;');
    expect(posts.every((p) => p.body.link_names === 'false' || p.body.link_names === false)).toBe(true);
  });

  it('retries chat.postMessage after a 429, waiting as long as Retry-After says', async () => {
    fake.rateLimitNext('chat.postMessage', 1, 1);
    const ref = await adapter.post({ platform: 'slack', workspaceId: fake.teamId, channelId: 'C0RATE' }, { title: 'Morning digest', blocks: [paragraph(text('Fares.'))] }, { startThread: 'Morning digest' });
    const attempts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0RATE');
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(ref.threadId).toBe(ref.messageId);
    expect(ref.messageId).toMatch(/^\d+\.\d+$/);
  });

  it('reports a post that still fails after every retry instead of losing it silently', async () => {
    fake.rateLimitNext('chat.postMessage', 4, 0);
    await expect(adapter.post({ platform: 'slack', workspaceId: fake.teamId, channelId: 'C0GONE' }, { title: 't', blocks: [] })).rejects.toBeInstanceOf(SlackPostError);
    // a slash command whose post fails tells the user privately what to do
    fake.failNext('chat.postMessage', 'not_in_channel');
    await slash('/digest', 'ferries', 'C0NOTIN');
    const r = await fake.waitFor(() => responsesFor('C0NOTIN').find((x) => String(x.body.text).includes('Invite me')));
    expect(r.body.response_type).toBe('ephemeral');
    // both failures are recorded in the store, visible after the fact
    const failed = await slackFailures(store.chatFailures);
    expect(failed.map((f) => f.channelId)).toEqual(expect.arrayContaining(['C0GONE', 'C0NOTIN']));
    expect(failed.find((f) => f.channelId === 'C0NOTIN')?.error).toContain('not_in_channel');
  });

  it('reports a post whose later message failed as partly posted, keeping its first message', async () => {
    const blocks = Array.from({ length: 80 }, (_, i) => paragraph(text(`Section ${i}: the harbour ferries ran late again.`)));
    fake.failNext('chat.postMessage', 'channel_not_found', 1);
    const err = await adapter
      .post({ platform: 'slack', workspaceId: fake.teamId, channelId: 'C0PART' }, { title: 'Long digest', blocks }, { startThread: 'Long digest' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialPostError);
    const partial = err as PartialPostError;
    expect([partial.sent, partial.total > 1]).toEqual([1, true]);
    expect(partial.ref.messageId).toBe(String(postsIn('C0PART')[0]?.response?.ts));
    expect(partial.ref.threadId).toBe(partial.ref.messageId);
    expect((await slackFailures(store.chatFailures)).some((f) => f.channelId === 'C0PART' && f.error.includes('channel_not_found'))).toBe(true);
  });

  it('refuses /sources add for a non-manager and allows workspace admins and allow-listed users', async () => {
    await slash('/sources', 'add https://courier.example/feed.xml', 'C0SRC1', 'U0PLAIN');
    await fake.waitFor(() => responsesFor('C0SRC1').find((x) => String(x.body.text).includes('needs workspace admin')));
    fake.admins.add('U0ADMIN');
    await slash('/sources', 'add https://courier.example/feed.xml', 'C0SRC2', 'U0ADMIN');
    await fake.waitFor(() => responsesFor('C0SRC2').find((x) => String(x.body.text).startsWith('Added')));
    const infoCalls = fake.callsOf('users.info').length;
    await slash('/sources', 'add https://courier.example/other.xml', 'C0SRC3', 'U0ALLOWED');
    await fake.waitFor(() => responsesFor('C0SRC3').find((x) => String(x.body.text).startsWith('Added')));
    expect(fake.callsOf('users.info').length).toBe(infoCalls);
  });

  it('answers bad command input with usage help in the acknowledgement itself', async () => {
    const res = await slash('/digest', '   ', 'C0USAGE');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    expect(String(res.json?.text)).toContain('/digest <topic>');
  });

  it('answers a slash command it does not know with the list of commands', async () => {
    const res = await slash('/digests', 'ferries', 'C0UNKNOWN');
    expect(res.status).toBe(200);
    expect(String(res.json?.text)).toContain('Unknown command. Try: /digest, /ask, /sources');
  });

  it('reports health through auth.test', async () => {
    await expect(adapter.health()).resolves.toBeUndefined();
  });
});

async function tsOfFirstPost(channel: string): Promise<string> {
  const first = await fake.waitFor(() => postsIn(channel)[0]);
  return String(first.response?.ts);
}
