// Shared setup for the Discord adapter tests: a real SQLite store in a temp dir, the fake
// Discord on loopback, and the real adapter with the real discord.js client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Command } from '../../commands/types.ts';
import type { CommandDeps } from '../../commands/deps.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.ts';
import { loadConfig } from '../../src/config.ts';
import { createConversation } from '../../src/conversation/conversation.ts';
import type { Store } from '../../src/store/ports.ts';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { createWork } from '../../src/app/work.ts';

export interface Harness {
  fake: FakeDiscord;
  store: Store;
  deps: CommandDeps;
  adapter: DiscordAdapter;
  jobs: { name: string; payload: unknown }[];
  close(): Promise<void>;
}

export async function startHarness(
  commands: Command<CommandDeps>[],
  o: { wrapStore?: (s: Store) => Store; restRetries?: number; registerOnStart?: boolean } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-'));
  const fake = await startFakeDiscord();
  const real = await openSqliteStore(join(dir, 'newsbot.db'));
  const store = o.wrapStore ? o.wrapStore(real) : real;
  const log = pino({ level: process.env.DBG ? 'debug' : 'silent' });
  const jobs: { name: string; payload: unknown }[] = [];
  const deps: CommandDeps = {
    config: loadConfig({ DATA_DIR: dir }),
    store,
    model: null,
    work: createWork({
      async enqueue(name, payload) {
        jobs.push({ name, payload });
        return `job-${jobs.length}`;
      },
    }),
    log,
    now: () => new Date(),
    onSubscriptionsChanged: async () => {},
  };
  const adapter = createDiscordAdapter({
    token: 'test-token',
    apiUrl: fake.apiUrl,
    conversation: createConversation({ commands, deps }),
    cache: store.cache,
    log,
    restRetries: o.restRetries ?? 2,
    registerOnStart: o.registerOnStart ?? true,
  });
  await adapter.start();
  return {
    fake,
    store,
    deps,
    adapter,
    jobs,
    async close() {
      await adapter.stop();
      await fake.close();
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Embeds of every message body the bot sent after `since` (edits, follow-ups, channel posts). */
export function sentBodies(fake: FakeDiscord, from = 0): Record<string, unknown>[] {
  return fake.requests
    .slice(from)
    .filter((r) => (r.method === 'PATCH' || r.method === 'POST') && /\/(webhooks|channels\/\d+\/messages$)/.test(r.path))
    .map((r) => r.body as Record<string, unknown>);
}
