// Free text as typed on Slack and the console, turned into each command's raw options.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { manager, openFixture, reader, shown, type CommandFixture } from './setup.ts';

const cmd = (name: string) => allCommands.find((c) => c.name === name)!;

describe('parseText of each command', () => {
  it('/digest takes a trailing duration, named options and "quoted phrases"', () => {
    const p = cmd('digest').parseText;
    expect(p('harbour strike 3d')).toEqual({ topic: 'harbour strike', since: '3d' });
    expect(p('harbour strike week')).toEqual({ topic: 'harbour strike', since: 'week' });
    expect(p('harbour strike 1 week')).toEqual({ topic: 'harbour strike', since: '7d' });
    expect(p('harbour strike 3 days')).toEqual({ topic: 'harbour strike', since: '3d' });
    // A number that belongs to the topic stays in it.
    expect(p('route 66 closure 3d')).toEqual({ topic: 'route 66 closure', since: '3d' });
    expect(p('topic:"harbour strike" since:7d')).toEqual({ topic: 'harbour strike', since: '7d' });
    expect(p('"harbour strike" since:24h')).toEqual({ topic: '"harbour strike"', since: '24h' });
    // A lone duration is a topic, not an empty topic with a window.
    expect(p('3d')).toEqual({ topic: '3d' });
    // Any trailing duration is the window, even one too long (run() then says so).
    expect(p('ukraine 30d')).toEqual({ topic: 'ukraine', since: '30d' });
    expect(p('ukraine 60d')).toEqual({ topic: 'ukraine', since: '60d' });
    expect(p('ukraine 2 weeks')).toEqual({ topic: 'ukraine', since: '14d' });
    expect(p('ukraine 36h max:10')).toEqual({ topic: 'ukraine', since: '36h', max: '10' });
  });

  it('/subscribe reads times as people write them', () => {
    const p = cmd('subscribe').parseText;
    expect(p('ukraine 7pm Europe/Kyiv')).toMatchObject({ topic: 'ukraine', time: '7pm', timezone: 'Europe/Kyiv' });
    expect(p('ukraine 7:30am UTC')).toMatchObject({ topic: 'ukraine', time: '7:30am', timezone: 'UTC' });
    expect(p('ukraine 7 pm UTC mon-fri')).toMatchObject({ topic: 'ukraine', time: '7 pm', timezone: 'UTC', weekdays: 'mon-fri' });
    expect(p('ukraine 19:00 UTC')).toMatchObject({ topic: 'ukraine', time: '19:00' });
  });

  it('/whosaid keeps a "phrase" in its quotes and takes topic:<words>', () => {
    const p = cmd('whosaid').parseText;
    expect(p('kovalenko')).toEqual({ who: 'kovalenko' });
    expect(p('"dead end"')).toEqual({ who: '"dead end"' });
    expect(p('“dead end”')).toEqual({ who: '“dead end”' });
    expect(p('Mira Kovalenko topic:wages')).toEqual({ who: 'Mira Kovalenko', topic: 'wages' });
    expect(p('who:kessler topic:"harbour strike"')).toEqual({ who: 'kessler', topic: 'harbour strike' });
  });

  it('/ask takes the whole line as the question, with or without question:', () => {
    const p = cmd('ask').parseText;
    expect(p('what did Kovalenko say?')).toEqual({ question: 'what did Kovalenko say?' });
    expect(p('question: when do talks resume?')).toEqual({ question: 'when do talks resume?' });
  });

  it('/sources reads an action and a URL, listing by default', () => {
    const p = cmd('sources').parseText;
    expect(p('')).toEqual({ action: 'list' });
    expect(p('ADD https://courier.example/rss')).toEqual({ action: 'add', url: 'https://courier.example/rss' });
    expect(p('remove 42')).toEqual({ action: 'remove', url: '42' });
  });

  it('/subscribe, /unsubscribe and /subscriptions read their options', () => {
    expect(cmd('subscribe').parseText('harbour strike 08:30 Europe/Kyiv mon-fri 3')).toEqual({
      topic: 'harbour strike', time: '08:30', timezone: 'Europe/Kyiv', weekdays: 'mon-fri', max: '3',
    });
    expect(cmd('unsubscribe').parseText('id:3f2a9c1b')).toEqual({ id: '3f2a9c1b' });
    expect(cmd('unsubscribe').parseText('3f2a9c1b extra')).toEqual({ id: '3f2a9c1b' });
    expect(cmd('subscriptions').parseText('anything')).toEqual({});
  });
});

describe('missing arguments through the router', () => {
  let f: CommandFixture;
  beforeEach(async () => (f = await openFixture()));
  afterEach(() => f.close());

  it('answers privately with what to type instead', async () => {
    const cases: [string, RegExp][] = [
      ['/digest', /^Say which topic\. Type: \/digest topic:<words>/],
      ['/whosaid', /^Say whose quotes, or which phrase\. Type: \/whosaid who:/],
      ['/ask', /^Ask something\. Type: \/ask question:/],
      ['/sources add', /^url is missing\. Type: \/sources add <url>/],
      ['/sources frob', /^action must be add, list or remove\. Type: \/sources/],
      ['/unsubscribe', /^Say which subscription\. Type: \/unsubscribe id:/],
      ['/subscribe harbour strike', /^Say when, as a time like 08:30 or 7pm, or a cron expression\. Type: \/subscribe/],
      ['/frobnicate', /^Unknown command\. Try: \/digest, \/whosaid, \/ask/],
    ];
    for (const [line, want] of cases) {
      const r = await f.run(line, manager);
      expect(r.kind, line).toBe('private');
      expect(shown(r), line).toMatch(want);
    }
    expect(f.queue.jobs).toEqual([]);
  });

  it('answers privately when a platform sends the options blank, as slash commands may', async () => {
    for (const [name, raw] of [['digest', { topic: '  ' }], ['whosaid', { who: '""' }], ['ask', {}]] as const) {
      const r = await cmd(name).run(raw, reader, f.deps);
      expect(r.kind, name).toBe('private');
      expect(shown(r), name).toMatch(new RegExp(`is (missing|empty)\\. Type: /${name} `));
    }
  });
});
