// The command router: rights for `manage` commands, and unexpected failures turned into one
// clear private message (logged once), never a crash or a stack trace shown to the user.
import { afterEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { runCommand } from '../../commands/router.ts';
import type { Store } from '../../src/store/ports.ts';
import { manager, openFixture, reader, seed, shown, type CommandFixture } from './setup.ts';

let f: CommandFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** A store whose article search fails the way a lost database connection would. */
const brokenSearch = (s: Store): Store => ({
  ...s,
  articles: {
    ...s.articles,
    search: async () => {
      throw new Error('SQLITE_IOERR: disk I/O error at /var/lib/newsbot/newsbot.db');
    },
  },
});

describe('command router', () => {
  it('refuses every manage command to a user without manage rights, before running it', async () => {
    f = await openFixture();
    const manageCommands = allCommands.filter((c) => c.manage);
    expect(manageCommands.map((c) => c.name).sort()).toEqual(['subscribe', 'unsubscribe']);
    for (const cmd of manageCommands) {
      const r = await runCommand(cmd, { topic: 'harbour strike', time: '08:30', timezone: 'UTC', id: 'abcdef12' }, reader, f.deps);
      expect(r, cmd.name).toEqual({ kind: 'private', text: expect.stringMatching(new RegExp(`^/${cmd.name} changes this channel's setup: it needs Manage Channels`)) });
    }
    expect(await f.store.subscriptions.list()).toEqual([]);
    // The same command goes through for a manager.
    expect(shown(await f.run('/subscribe harbour strike 08:30 UTC', manager))).toMatch(/^Subscribed this channel/);
  });

  it('turns a thrown error into a private message and logs it with the command name', async () => {
    f = await openFixture({ wrapStore: brokenSearch });
    await seed(f.store);
    const r = await f.run('/digest harbour strike');
    expect(r).toEqual({ kind: 'private', text: 'Sorry, /digest failed unexpectedly. It has been logged; please try again.' });
    expect(shown(r)).not.toContain('SQLITE_IOERR');
    const line = JSON.parse(f.logged().trim().split('\n').at(-1)!) as { msg: string; command: string; platform: string; err: { message: string } };
    expect(line).toMatchObject({ msg: 'command failed', command: 'digest', platform: 'slack' });
    expect(line.err.message).toContain('SQLITE_IOERR');
    // Commands that do not touch the broken part still work.
    expect(shown(await f.run('/whosaid kovalenko'))).toContain('# Quotes by Mira Kovalenko');
  });
});
