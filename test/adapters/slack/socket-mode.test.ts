// The real Bolt app in Socket Mode: apps.connections.open on the fake Web API hands out a
// loopback WebSocket that says hello, then delivers a slash command envelope.
import { createConversation } from '../../../src/conversation/conversation.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/adapters/sqlite/store.ts';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { createLogger } from '../../../src/log.ts';
import type { Store } from '../../../src/store/ports.ts';
import { FakeSlack } from '../../support/fake-slack.ts';
import { testCommands, testDeps } from './support.ts';

const fake = new FakeSlack();
let store: Store;
let adapter: SlackAdapter;

beforeAll(async () => {
  await fake.start();
  await fake.startSocket();
  store = await openSqliteStore(':memory:');
  adapter = createSlackAdapter({
    botToken: 'xoxb-fictional',
    appToken: 'xapp-fictional',
    port: 0,
    apiUrl: fake.apiUrl,
    managerIds: [],
    conversation: createConversation({ commands: testCommands, deps: testDeps(store) }),
    log: createLogger('silent'),
  });
});

afterAll(async () => {
  await adapter?.stop();
  await store?.close();
  await fake.stop();
});

describe('Slack adapter in Socket Mode', () => {
  it('connects through apps.connections.open, acknowledges a slash command envelope and posts the digest', async () => {
    await adapter.start();
    expect(fake.callsOf('apps.connections.open').length).toBeGreaterThanOrEqual(1);
    expect(fake.socketConnections).toBe(1);
    expect(adapter.httpPort()).toBeNull();
    await expect(adapter.health()).resolves.toBeUndefined();

    const ack = await fake.sendEnvelope({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy',
        team_id: fake.teamId,
        team_domain: 'fictional',
        channel_id: 'C0SOCKET',
        channel_name: 'news',
        user_id: 'U0READER',
        user_name: 'reader',
        command: '/digest',
        text: 'ferries',
        api_app_id: 'A0FAKE',
        response_url: fake.responseUrl('C0SOCKET'),
        trigger_id: '1.2.3',
      },
    });
    expect(ack).toMatchObject({ envelope_id: 'env-1', payload: { response_type: 'ephemeral', text: 'Working on /digest…' } });

    const post = await fake.waitFor(() => fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'C0SOCKET'));
    const ts = String(post.response?.ts);
    const digest = await fake.waitFor(() => store.digests.digestForThread('slack', ts));
    expect(digest.topic).toBe('ferries');
  });

  it('answers a usage error in the envelope acknowledgement', async () => {
    const ack = await fake.sendEnvelope({
      envelope_id: 'env-2',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { team_id: fake.teamId, channel_id: 'C0SOCKET', user_id: 'U0READER', command: '/digest', text: '', response_url: fake.responseUrl('x'), trigger_id: '1', api_app_id: 'A0FAKE', token: 't' },
    });
    expect(String((ack.payload as { text?: string }).text)).toContain('/digest <topic>');
  });
});
