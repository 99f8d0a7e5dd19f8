// The Slack adapter with the project's real commands (commands/index.ts), the real SQLite store
// holding a few fictional articles, and the offline answerer: a digest goes out, and a question
// in its thread is answered from its sources with citations.
import { createConversation } from '../../../src/conversation/conversation.ts';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The registry itself: a command that does not load fails these tests rather than skipping them.
import { allCommands } from '../../../commands/index.ts';
import { openSqliteStore } from '../../../src/adapters/sqlite/store.ts';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import type { NewArticle } from '../../../src/domain/types.ts';
import { createLogger } from '../../../src/log.ts';
import type { Store } from '../../../src/store/ports.ts';
import { FakeSlack, sendEvent, sendSlashCommand } from '../../support/fake-slack.ts';
import type { SlackMessage } from '../../../src/render/slack.ts';
import { expectWithinLimits } from '../../render/slack-limits.ts';
import { testDeps } from './support.ts';


const SECRET = 'fictional-signing-secret';
const NOW = new Date('2026-11-28T09:00:00Z');

function article(i: number, title: string, text: string): NewArticle {
  return {
    id: `art-${i}`,
    url: `https://alder-courier.example/news/${i}`,
    guid: null,
    sourceId: null,
    outlet: i % 2 ? 'The Alder Courier' : 'Port Alder Gazette',
    title,
    byline: null,
    publishedAt: new Date(NOW.getTime() - (i + 1) * 3_600_000),
    fetchedAt: NOW,
    text,
    contentHash: createHash('sha256').update(title + text).digest('hex'),
  };
}

const ARTICLES = [
  article(1, 'Ferry fares to rise in Port Alder', 'The Port Alder harbour council voted on Tuesday to raise ferry fares by ten percent.\n\n"We cannot keep the boats running on goodwill alone," said Mayor Mara Quill after the vote.\n\nCommuters said the ferry increase would hurt families who cross the harbour every day.'),
  article(2, 'Harbour ferry timetable cut for winter', 'The harbour ferry will run every forty minutes instead of every twenty from December, the operator said.\n\n"The winter timetable reflects fewer passengers," said Ilse Varn, head of Alder Ferries.\n\nThe ferry union called the cut short-sighted.'),
  article(3, 'Ferry union threatens strike over fares', 'The ferry union in Port Alder threatened a strike over the fare rise and the timetable cut.\n\n"Our crews will not carry the cost of this council\'s mistakes," said union leader Tomas Brek.\n\nThe harbour council meets again next week.'),
];

const fake = new FakeSlack();
let store: Store;
let adapter: SlackAdapter;
let url: string;

beforeAll(async () => {
  await fake.start();
  store = await openSqliteStore(':memory:');
  for (const a of ARTICLES) await store.articles.save(a);
  adapter = createSlackAdapter({
    botToken: 'xoxb-fictional',
    signingSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl,
    managerIds: [],
    conversation: createConversation({ commands: allCommands, deps: { ...testDeps(store), now: () => NOW } }),
    log: createLogger('silent'),
  });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.httpPort()}/slack/events`;
});

afterAll(async () => {
  await adapter.stop();
  await store.close();
  await fake.stop();
});

const slash = (command: string, text: string, channel: string, user = 'U0READER') =>
  sendSlashCommand(url, SECRET, { command, text, user_id: user, channel_id: channel, team_id: fake.teamId, response_url: fake.responseUrl(channel) });

describe('Slack adapter with the real commands', () => {
  it("posts a real digest and answers a question in its thread with citations to the digest's articles", async () => {
    const res = await slash('/digest', 'ferry', 'C0REAL');
    expect(res.status).toBe(200);
    const first = await fake.waitFor(() => fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'C0REAL'));
    const ts = String(first.response?.ts);
    const digest = await fake.waitFor(() => store.digests.digestForThread('slack', ts));
    expect(digest.stories.length).toBeGreaterThan(0);
    expectWithinLimits([{ text: String(first.body.text), blocks: first.body.blocks as SlackMessage['blocks'] }]);
    expect(JSON.stringify(first.body.blocks)).toContain('News digest: ferry');

    await sendEvent(url, SECRET, fake.teamId, { type: 'message', user: 'U0READER', text: 'Why did the ferry union threaten a strike?', ts: '1800000000.100001', thread_ts: ts, channel: 'C0REAL' });
    const answer = await fake.waitFor(() => fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'C0REAL' && c.body.thread_ts === ts));
    const body = JSON.stringify(answer.body.blocks);
    expect(body).toContain('threatened a strike');
    expect(body).toContain('[1] The Alder Courier: <https://alder-courier.example/news/3|Ferry union threatens strike over fares>');
  });

  it('refuses /sources add from a user who is not a workspace admin, and lets an admin add', async () => {
    await slash('/sources', 'add https://alder-courier.example/feed.xml', 'C0REALSRC', 'U0PLAIN');
    await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/C0REALSRC' && r.body.delete_original !== true && r.body.text));
    expect(await store.sources.list()).toHaveLength(0);
    fake.admins.add('U0BOSS');
    await slash('/sources', 'add https://alder-courier.example/feed.xml', 'C0REALSRC2', 'U0BOSS');
    await fake.waitFor(async () => (await store.sources.list()).length === 1);
  });
});
