// The Slack chat adapter on @slack/bolt v5. Socket Mode when an app-level token is given (no
// public URL needed), HTTP mode otherwise: POST /slack/events on `port`, every request's
// signature and timestamp verified by Bolt (bad signature or a stale timestamp -> 401).
// The Web API base is `apiUrl` when set (proxies, tests on loopback).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { ChatAdapter, Posted } from '../../chat/port.ts';
import type { Conversation } from '../../conversation/conversation.ts';
import type { ChannelRef } from '../../domain/types.ts';
import type { Logger } from '../../log.ts';
import type { Doc } from '../../render/document.ts';
import { boltLogger } from './bolt-logger.ts';
import { createManagerCheck } from './can-manage.ts';
import { registerSlashCommands } from './slash-commands.ts';
import { publicPost, registerThreadEvents } from './thread-events.ts';

export interface SlackAdapterOptions {
  botToken: string;
  /** xapp- token: Socket Mode. */
  appToken?: string | undefined;
  /** HTTP mode (required when appToken is not set). */
  signingSecret?: string | undefined;
  /** HTTP mode listen port (0 = any free port). */
  port: number;
  /** HTTP mode listen address; all interfaces when unset. */
  host?: string | undefined;
  /** Web API base, e.g. https://slack.com/api/ (a trailing slash is added when missing). */
  apiUrl?: string | undefined;
  /** User ids allowed to manage sources/subscriptions besides workspace admins and owners. */
  managerIds: string[];
  conversation: Conversation;
  log: Logger;
  /** WebClient retry policy for 429s (Retry-After is honoured) and transient failures. */
  retry?: { retries: number; minTimeoutMs: number; maxTimeoutMs: number };
}

export interface SlackAdapter extends ChatAdapter {
  readonly platform: 'slack';
  /** HTTP mode: the port actually listened on (useful with port 0); null in Socket Mode or before start. */
  httpPort(): number | null;
}

const DEFAULT_RETRY = { retries: 4, minTimeoutMs: 500, maxTimeoutMs: 15_000 };

export function createSlackAdapter(o: SlackAdapterOptions): SlackAdapter {
  const log = o.log.child({ platform: 'slack' });
  const logger = boltLogger(log);
  const retry = o.retry ?? DEFAULT_RETRY;
  const slackApiUrl = o.apiUrl ? (o.apiUrl.endsWith('/') ? o.apiUrl : o.apiUrl + '/') : undefined;
  const clientOptions = {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: retry.retries, factor: 2, minTimeout: retry.minTimeoutMs, maxTimeout: retry.maxTimeoutMs, randomize: true },
    timeout: 15_000,
  };

  let receiver: Receiver;
  // Socket Mode: whether the WebSocket is up right now (for health()); HTTP mode has no socket.
  let socketUp = true;
  if (o.appToken) {
    const socket = new SocketModeReceiver({ appToken: o.appToken, logger, installerOptions: { clientOptions } });
    socketUp = false;
    socket.client.on('connected', () => (socketUp = true));
    for (const ev of ['reconnecting', 'disconnected']) socket.client.on(ev, () => (socketUp = false));
    receiver = socket;
  } else if (o.signingSecret) {
    receiver = new HTTPReceiver({
      signingSecret: o.signingSecret,
      endpoints: '/slack/events',
      port: o.port,
      logger,
      signatureVerification: true,
      // Respond (ack) before our listener finishes: the 3 s window never depends on our work.
      processBeforeResponse: false,
    });
  } else {
    throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }

  const app = new App({ token: o.botToken, receiver, logger, clientOptions, ignoreSelf: true });
  const handlers = { conversation: o.conversation, log, canManage: createManagerCheck(o.managerIds, log) };
  registerSlashCommands(app, handlers);
  registerThreadEvents(app, handlers);
  app.error(async (err) => {
    log.error({ err }, 'slack listener error');
  });

  let server: Server | null = null;

  return {
    platform: 'slack',

    async start() {
      if (o.appToken) {
        await app.start();
        log.info('slack connected (Socket Mode)');
      } else {
        server = (await app.start(o.host ? { port: o.port, host: o.host } : o.port)) as Server;
        log.info({ port: (server.address() as AddressInfo).port }, 'slack listening (HTTP mode, /slack/events)');
      }
    },

    /**
     * Posts a doc (several messages when long). Throws SlackPostError when Slack refuses the
     * first message, PartialPostError when a later one finally fails.
     */
    async post(where: ChannelRef, doc: Doc, opts?: { startThread?: string }): Promise<Posted> {
      try {
        return await publicPost(app.client, where.channelId, where.threadId ?? null, doc, opts);
      } catch (err) {
        await o.conversation.recordFailure('slack', { what: `post "${doc.title.slice(0, 100)}"`, channelId: where.channelId }, err);
        throw err;
      }
    },

    async health() {
      if (!socketUp) throw new Error('Slack Socket Mode connection is down');
      await app.client.auth.test();
    },

    async stop() {
      await app.stop();
      server = null;
    },

    httpPort() {
      return server ? (server.address() as AddressInfo).port : null;
    },
  };
}
