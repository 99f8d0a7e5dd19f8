import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../commands/deps.ts';
import { runCommandText } from '../../commands/router.ts';
import { subscribe } from '../../commands/subscribe.ts';
import { subscriptions } from '../../commands/subscriptions.ts';
import type { CommandContext, Reply } from '../../commands/types.ts';
import { unsubscribe } from '../../commands/unsubscribe.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/ports.ts';
import { createWork } from '../../src/app/work.ts';

const commands = [subscribe, unsubscribe, subscriptions];
const ctx: CommandContext = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', threadId: null, userId: 'U1', canManage: true };
const text = (r: Reply) => (r.kind === 'private' ? r.text : r.doc.title);

describe('subscription commands', () => {
  let store: Store;
  let changes: number;
  let deps: CommandDeps;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    changes = 0;
    deps = {
      config: loadConfig({}),
      store,
      model: null,
      work: createWork({ enqueue: async () => 'x' }),
      log: createLogger('silent'),
      now: () => new Date('2026-11-28T05:00:00Z'),
      onSubscriptionsChanged: async () => void changes++,
    };
  });
  afterEach(() => store.close());
  const run = (line: string, c: CommandContext = ctx) => runCommandText(commands, line, c, deps).then(text);

  it('subscribes a channel at a local time on weekdays and says when the first digest comes', async () => {
    const reply = await run('/subscribe ukraine war 08:30 Europe/Kyiv mon-fri 3');
    expect(reply).toMatch(/^Subscribed this channel to "ukraine war" \(08:30 Europe\/Kyiv, Mon-Fri\), up to 3 stories\. Id [0-9a-f]{8}\. Next digest: 2026-11-30 08:30 \(Europe\/Kyiv\)\.$/);
    const [sub] = await store.subscriptions.list();
    expect(sub).toMatchObject({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', topic: 'ukraine war', cron: '30 8 * * 1-5', timezone: 'Europe/Kyiv', maxStories: 3, whenEmpty: 'note', createdBy: 'U1' });
    expect(changes).toBe(1);
  });

  it('accepts a cron expression, quiet hours and silence when nothing is new', async () => {
    await run('/subscribe climate 0 7,19 * * * UTC 22:00-06:00 silent');
    const [sub] = await store.subscriptions.list();
    expect(sub).toMatchObject({ cron: '0 7,19 * * *', timezone: 'UTC', quietHours: '22:00-06:00', whenEmpty: 'silent', maxStories: 5 });
  });

  it('explains privately what to type for a bad timezone, time, weekday or max', async () => {
    expect(await run('/subscribe ukraine 08:30 Europe/Atlantis')).toMatch(/timezone is not a known IANA timezone.*Type: \/subscribe/);
    expect(await run('/subscribe ukraine 25:00 UTC')).toMatch(/^time "25:00" is not a time of day/);
    expect(await run('/subscribe ukraine tomorrow UTC')).toMatch(/^Say when/);
    expect(await run('/subscribe ukraine 08:30 UTC someday')).toMatch(/"someday" not understood/);
    expect(await run('/subscribe ukraine 08:30 UTC 11')).toMatch(/max must be at most 10/);
    expect(await run('/subscribe 08:30 UTC')).toMatch(/^Say which topic/);
    expect(await store.subscriptions.list()).toEqual([]);
    expect(changes).toBe(0);
  });

  it('refuses a schedule that could never fire, typed or sent as options', async () => {
    expect(await run('/subscribe harbour 0 0 31 2 * UTC')).toMatch(/the schedule "0 0 31 2 \*" never fires/);
    const reply = await subscribe.run({ topic: 'harbour', time: '0 0 31 2,4 *', timezone: 'UTC' }, ctx, deps);
    expect(text(reply)).toMatch(/never fires/);
    expect(await store.subscriptions.list()).toEqual([]);
  });

  it('takes named options as slash-command platforms send them', async () => {
    const reply = await subscribe.run({ topic: 'harbour', time: '30 8 * * 1-5', timezone: 'Europe/Kyiv', weekdays: 'mon' }, ctx, deps);
    expect(text(reply)).toMatch(/put the weekdays in its last field/);
  });

  it('needs manage rights to subscribe or unsubscribe, not to list', async () => {
    const viewer = { ...ctx, canManage: false };
    expect(await run('/subscribe ukraine 08:30 UTC', viewer)).toMatch(/needs Manage Channels/);
    expect(await run('/subscriptions', viewer)).toMatch(/no subscriptions/);
  });

  it('lists only this channel and unsubscribes by the short id it shows', async () => {
    await run('/subscribe ukraine 08:30 Europe/Kyiv');
    await run('/subscribe climate 18:00 UTC', { ...ctx, channelId: 'C2' });
    const list = await run('/subscriptions');
    expect(list).toContain('"ukraine": 08:30 Europe/Kyiv, every day');
    expect(list).not.toContain('climate');
    const id = /• ([0-9a-f]{8})/.exec(list)![1]!;
    expect(await run(`/unsubscribe ${id}`, { ...ctx, channelId: 'C2' })).toMatch(/^No subscription/);
    expect(await run(`/unsubscribe ${id}`)).toMatch(/^Unsubscribed: "ukraine"/);
    expect((await store.subscriptions.list()).map((s) => s.topic)).toEqual(['climate']);
    expect(changes).toBe(3);
  });

  it('does not subscribe a channel twice to the same topic and schedule', async () => {
    await run('/subscribe ukraine 08:30 UTC');
    expect(await run('/subscribe Ukraine 08:30 UTC')).toMatch(/already gets "ukraine"/);
    expect(await store.subscriptions.list()).toHaveLength(1);
  });
});
