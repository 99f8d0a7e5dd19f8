import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { sources } from '../../commands/sources.ts';
import { registerWithToken } from '../../src/adapters/discord/register.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';

let fake: FakeDiscord | null = null;
let dir = '';
afterEach(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('registering slash commands', () => {
  it('puts the definitions to one guild, with the manage permission on management commands only', async () => {
    fake = await startFakeDiscord();
    dir = mkdtempSync(join(tmpdir(), 'newsbot-reg-'));
    const store = await openSqliteStore(join(dir, 'db.sqlite'));
    const manageCmd = { ...sources, name: 'subscribe', manage: true };
    const r = await registerWithToken({ token: 't', apiUrl: fake.apiUrl, guildId: fake.guildId }, [sources, manageCmd], store.cache, pino({ level: 'silent' }));
    await store.close();
    expect(r).toEqual({ applicationId: fake.appId, scope: `guild ${fake.guildId}` });
    const put = await fake.waitFor((q) => q.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    const body = put.body as { name: string; default_member_permissions: string | null; options: { name: string; required: boolean }[] }[];
    expect(body.map((c) => [c.name, c.default_member_permissions])).toEqual([
      ['sources', null],
      ['subscribe', '16'],
    ]);
    // Required options come first, as Discord demands.
    expect(body[0]!.options.map((o) => o.required)).toEqual([true, false, false]);
  });
});
