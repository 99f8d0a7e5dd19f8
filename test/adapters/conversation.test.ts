// The conversation contract (test/contract/conversation.contract.ts) through the console, the
// Discord adapter (real discord.js against the fake gateway and REST) and the Slack adapter (real
// Bolt in HTTP mode against the fake Web API), over a real SQLite store with fictional articles.
import { PassThrough } from 'node:stream';
import { allCommands } from '../../commands/index.ts';
import { createConsoleAdapter } from '../../src/adapters/console/adapter.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/adapter.ts';
import { createSlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import { createConversation } from '../../src/conversation/conversation.ts';
import { conversationContract, type ChatDriver, type Seen } from '../contract/conversation.contract.ts';
import { openFixture, seed } from '../commands/setup.ts';
import { MANAGE_ALL, MEMBER_ONLY, startFakeDiscord, type RecordedRequest } from '../support/fake-discord.ts';
import { FakeSlack, sendEvent, sendSlashCommand } from '../support/fake-slack.ts';

async function world() {
  const f = await openFixture();
  await seed(f.store);
  const conversation = createConversation({ commands: allCommands, deps: f.deps });
  return { f, conversation, linked: (platform: 'console' | 'discord' | 'slack') => (t: string) => f.store.digests.digestForThread(platform, t) };
}

conversationContract('the console', async (): Promise<ChatDriver> => {
  const { f, conversation, linked } = await world();
  // The console's one user is the operator; a second console stands for someone without rights.
  const open = (manager: boolean) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const adapter = createConsoleAdapter({ input, output, conversation, log: f.deps.log, manager });
    const send = async (line: string): Promise<string> => {
      const from = out.length;
      input.write(line + '\n');
      for (let i = 0; i < 500 && !out.slice(from).trim(); i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
      return out.slice(from);
    };
    return { adapter, send };
  };
  const operator = open(true);
  const guest = open(false);
  await operator.adapter.start();
  await guest.adapter.start();
  return {
    async command(name, _options, text, o) {
      const c = o.manager ? operator : guest;
      const shown = await c.send(`/${name} ${text}`);
      return { visibility: null, text: shown, threadId: c.adapter.thread() };
    },
    async inThread(threadId, text) {
      const c = guest.adapter.thread() === threadId ? guest : operator;
      return { visibility: null, text: await c.send(text) };
    },
    linked: linked('console'),
    async close() {
      await operator.adapter.stop();
      await guest.adapter.stop();
      await f.close();
    },
  };
});

const discordText = (b: Record<string, unknown>): string =>
  `${String(b.content ?? '')}\n${JSON.stringify(b.embeds ?? [])}`.replace(/\\\\(.)/g, '$1');

conversationContract('Discord', async (): Promise<ChatDriver> => {
  const { f, conversation, linked } = await world();
  const fake = await startFakeDiscord();
  const adapter = createDiscordAdapter({ token: 'test-token', apiUrl: fake.apiUrl, conversation, cache: f.store.cache, log: f.deps.log, restRetries: 1 });
  await adapter.start();
  const isEphemeral = (r: RecordedRequest) => ((((r.body as { data?: { flags?: number } }).data?.flags ?? (r.body as { flags?: number }).flags ?? 0) & 64) === 64);
  return {
    async command(name, options, _text, o) {
      const { id, token } = fake.interaction(name, options, { permissions: o.manager ? MANAGE_ALL : MEMBER_ONLY });
      const callback = await fake.waitFor((r) => r.path === `/interactions/${id}/${token}/callback`);
      const body = callback.body as { type: number; data?: Record<string, unknown> };
      if (body.type === 4) return { visibility: isEphemeral(callback) ? 'private' : 'public', text: discordText(body.data ?? {}) };
      const answer = await fake.waitFor((r) => (r.method === 'PATCH' || r.method === 'POST') && r.path.includes(`/${token}`) && !r.path.endsWith('/callback'));
      const visibility = answer.method === 'PATCH' ? (isEphemeral(callback) ? 'private' : 'public') : isEphemeral(answer) ? 'private' : 'public';
      let threadId: string | null = null;
      if (name === 'digest') {
        const t = await fake.waitFor((r) => r.method === 'POST' && /\/channels\/\d+\/messages\/\d+\/threads$/.test(r.path));
        threadId = /messages\/(\d+)\/threads/.exec(t.path)![1]!;
      }
      return { visibility, text: discordText(answer.body as Record<string, unknown>), threadId } satisfies Seen;
    },
    async inThread(threadId, text) {
      fake.message(threadId, text);
      const sent = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`);
      return { visibility: 'public', text: discordText(sent.body as Record<string, unknown>) };
    },
    linked: linked('discord'),
    async close() {
      await adapter.stop();
      await fake.close();
      await f.close();
    },
  };
});

conversationContract('Slack', async (): Promise<ChatDriver> => {
  const { f, conversation, linked } = await world();
  const fake = new FakeSlack();
  await fake.start();
  const SECRET = 'fictional-signing-secret';
  const adapter = createSlackAdapter({ botToken: 'xoxb-fictional', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managerIds: [], conversation, log: f.deps.log });
  await adapter.start();
  const url = `http://127.0.0.1:${adapter.httpPort()}/slack/events`;
  let channels = 0;
  const slackText = (b: Record<string, unknown>) => `${String(b.text ?? '')}\n${JSON.stringify(b.blocks ?? [])}`;
  return {
    async command(name, _options, text, o) {
      const channel = `C0CONV${++channels}`;
      const user = o.manager ? 'U0BOSS' : 'U0READER';
      if (o.manager) fake.admins.add(user);
      const res = await sendSlashCommand(url, SECRET, { command: `/${name}`, text, user_id: user, channel_id: channel, team_id: fake.teamId, response_url: fake.responseUrl(channel) });
      if (res.json?.text && !String(res.json.text).startsWith('Working on')) return { visibility: 'private', text: String(res.json.text) };
      const seen = await fake.waitFor(() => {
        const post = fake.callsOf('chat.postMessage').find((c) => c.body.channel === channel);
        if (post) return { visibility: 'public', text: slackText(post.body), threadId: String(post.response?.ts) } satisfies Seen;
        const r = fake.responses.find((x) => x.path === `/response/${channel}` && x.body.response_type === 'ephemeral' && x.body.text);
        return r ? ({ visibility: 'private', text: slackText(r.body) } satisfies Seen) : null;
      });
      if (seen.threadId) await fake.waitFor(() => f.store.digests.digestForThread('slack', seen.threadId!));
      return seen;
    },
    async inThread(threadTs, text) {
      const channel = fake.callsOf('chat.postMessage').find((c) => String(c.response?.ts) === threadTs)!.body.channel as string;
      await sendEvent(url, SECRET, fake.teamId, { type: 'message', user: 'U0READER', text, ts: '1800000000.200001', thread_ts: threadTs, channel });
      const answer = await fake.waitFor(() => fake.callsOf('chat.postMessage').find((c) => c.body.thread_ts === threadTs));
      return { visibility: 'public', text: slackText(answer.body) };
    },
    linked: linked('slack'),
    async close() {
      await adapter.stop();
      await fake.stop();
      await f.close();
    },
  };
});
