// `newsbot jobs failed` also shows chat posts the adapters finally gave up on and scheduled
// digests marked failed, read from the same store the running bot writes to.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFailedPost } from '../../src/conversation/failed-posts.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { openDatabase } from '../../src/adapters/sqlite/database.ts';
import { loadMigrations, migrate } from '../../src/adapters/sqlite/migrate.ts';
import { createLogger } from '../../src/log.ts';
import { runCliCaptured } from '../support/cli.ts';

async function cli(args: string[], env: Record<string, string>) {
  const r = await runCliCaptured(args, { env });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

async function withDataDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'newsbot-cli-jobs-posts-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('newsbot jobs failed: failed posts', () => {
  it('lists failed Discord and Slack posts and failed scheduled digests, as text and as JSON', async () => {
    await withDataDir(async (dir) => {
      const store = await openSqliteStore(join(dir, 'newsbot.db'));
      const log = createLogger('silent');
      // Written exactly as the conversation records them when a post finally fails.
      await recordFailedPost(store.chatFailures, log, 'discord', { what: 'follow-up answer', channelId: '777000111' }, new Error('Missing Access'));
      await recordFailedPost(store.chatFailures, log, 'slack', { what: 'digest', channelId: 'C0HARBOUR' }, new Error('channel_not_found'));
      const sub = await store.subscriptions.add({
        platform: 'discord', workspaceId: 'G1', channelId: '555000222', topic: 'harbour strike', cron: '30 8 * * *', timezone: 'Europe/Kyiv',
        maxStories: 5, quietHours: null, whenEmpty: 'note', createdBy: 'U1',
      });
      expect(await store.posts.claim(sub.id, '2031-05-20T08:30', 'worker-1', 60_000)).toBe(true);
      await store.posts.markFailed(sub.id, '2031-05-20T08:30', 'Discord answered 403 Missing Permissions');
      await store.close();

      const text = await cli(['jobs', 'failed'], { DATA_DIR: dir });
      expect(text.code).toBe(0);
      expect(text.err).toBe('');
      expect(text.out).toContain('no failed jobs\n');
      expect(text.out).toMatch(/failed chat posts \(2\):\n/);
      expect(text.out).toMatch(/discord {2}follow-up answer {2}channel 777000111 {2}failed \S+\n {4}error: Missing Access/);
      expect(text.out).toMatch(/slack {2}digest {2}channel C0HARBOUR {2}failed \S+\n {4}error: channel_not_found/);
      expect(text.out).toContain('failed scheduled posts (1):\n');
      expect(text.out).toContain(`subscription ${sub.id}  period 2031-05-20T08:30  "harbour strike" to discord channel 555000222  failed `);
      expect(text.out).toContain('error: Discord answered 403 Missing Permissions');

      const json = JSON.parse((await cli(['jobs', 'failed', '--json'], { DATA_DIR: dir })).out);
      expect(json.jobs).toEqual([]);
      expect(json.chatPosts).toEqual([
        { platform: 'discord', what: 'follow-up answer', channelId: '777000111', error: 'Missing Access', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
        { platform: 'slack', what: 'digest', channelId: 'C0HARBOUR', error: 'channel_not_found', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      ]);
      expect(json.scheduledPosts).toEqual([
        {
          subscriptionId: sub.id, period: '2031-05-20T08:30', error: 'Discord answered 403 Missing Permissions', at: expect.stringMatching(/Z$/),
          topic: 'harbour strike', platform: 'discord', channelId: '555000222',
        },
      ]);
    });
  });

  it('moves failed posts recorded by an older version into the table and reports a list it could not read', async () => {
    await withDataDir(async (dir) => {
      // A database as an older version left it: every migration before the failed-posts table,
      // failures kept as JSON lists in the cache.
      const db = openDatabase(join(dir, 'newsbot.db'));
      migrate(db, loadMigrations().filter((m) => m.version < 4));
      const put = db.prepare('INSERT INTO cache (key, value, updated_at) VALUES (?, ?, 0)');
      put.run('discord:failed-posts', JSON.stringify([
        { at: '2031-05-20T09:00:00.000Z', what: 'digest', channelId: '1', error: 'Missing Access' },
        { what: 42 },
        { at: '2031-05-20T10:00:00.000Z', what: 'follow-up answer', channelId: '2', error: 'Unknown Channel' },
      ]));
      put.run('slack:failed-posts', '{not json');
      db.close();

      const r = await cli(['jobs', 'failed'], { DATA_DIR: dir });
      expect(r.code).toBe(0);
      expect(r.out).toContain(
        'failed chat posts (2):\ndiscord  digest  channel 1  failed 2031-05-20T09:00:00.000Z\n    error: Missing Access\n' +
          'discord  follow-up answer  channel 2  failed 2031-05-20T10:00:00.000Z\n',
      );
      expect(r.err).toBe('newsbot jobs: slack:failed-posts holds failed posts from an older version that could not be read\n');

      const store = await openSqliteStore(join(dir, 'newsbot.db'));
      expect(await store.cache.get('discord:failed-posts')).toBeNull();
      expect(await store.cache.get('slack:failed-posts')).toBe('{not json');
      await store.close();
    });
  });
});
