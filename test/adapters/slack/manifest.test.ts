import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.ts';

const manifest = readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8');
const listed = (re: RegExp) => [...manifest.matchAll(re)].map((m) => m[1]);

describe('Slack app manifest', () => {
  it('declares every slash command the bot handles, and no other', () => {
    const registered = allCommands.map((c) => c.name).sort();
    expect(registered.length).toBeGreaterThan(0);
    expect(listed(/^\s+- command: \/(\S+)/gm).sort()).toEqual(registered);
  });

  it('asks for the scopes and events the adapter relies on, with Socket Mode on by default', () => {
    for (const scope of ['commands', 'chat:write', 'app_mentions:read', 'channels:history', 'groups:history', 'users:read']) {
      expect(manifest).toMatch(new RegExp(`^\\s+- ${scope}\\b`, 'm'));
    }
    for (const ev of ['app_mention', 'message.channels', 'message.groups']) expect(manifest).toMatch(new RegExp(`^\\s+- ${ev}$`, 'm'));
    expect(manifest).toMatch(/^\s+socket_mode_enabled: true$/m);
  });
});
