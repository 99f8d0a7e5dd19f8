import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8');
const listed = (re: RegExp) => [...manifest.matchAll(re)].map((m) => m[1]);

describe('Slack app manifest', () => {
  it('declares every slash command the bot handles', () => {
    expect(listed(/^\s+- command: \/(\S+)/gm).sort()).toEqual(['ask', 'digest', 'help', 'sources', 'subscribe', 'subscriptions', 'unsubscribe', 'whosaid']);
  });

  it('asks for the scopes and events the adapter relies on, with Socket Mode on by default', () => {
    for (const scope of ['commands', 'chat:write', 'app_mentions:read', 'channels:history', 'groups:history', 'users:read']) {
      expect(manifest).toMatch(new RegExp(`^\\s+- ${scope}\\b`, 'm'));
    }
    for (const ev of ['app_mention', 'message.channels', 'message.groups']) expect(manifest).toMatch(new RegExp(`^\\s+- ${ev}$`, 'm'));
    expect(manifest).toMatch(/^\s+socket_mode_enabled: true$/m);
  });
});
