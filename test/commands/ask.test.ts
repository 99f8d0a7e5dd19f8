// /ask through the router: inside a digest's thread it answers only from that digest's sources;
// elsewhere from the last week's articles. Answers carry numbered citations with links.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article, openFixture, reader, seed, shown, type CommandFixture } from './setup.ts';

let f: CommandFixture;
let inThread: typeof reader;
beforeEach(async () => {
  f = await openFixture();
  await seed(f.store);
  // The 24h digest holds only today's strike report; the adapter links the thread under it.
  const posted = await f.run('/digest harbour strike');
  if (posted.kind !== 'doc' || !posted.digest) throw new Error('expected a digest');
  // As the conversation does when it posts a digest: saved, then its thread linked.
  await f.store.digests.save(posted.digest, { platform: 'slack', workspaceId: 'T1', channelId: 'C1' });
  await f.store.digests.linkThread('slack', '1716200000.000100', posted.digest.id);
  inThread = { ...reader, threadId: '1716200000.000100' };
});
afterEach(() => f.close());

describe('/ask', () => {
  it("answers in a digest thread from that digest's sources, with a numbered citation and its link", async () => {
    const text = shown(await f.run('/ask what did Kovalenko say?', inThread));
    expect(text).toContain('Mira Kovalenko (union leader): “We will not accept a dead end on wages” [1]');
    expect(text).toContain('[1] The Harbour Courier: Harbour strike in Port Velmar enters its third day <https://news.example/strike-today>');
  });

  it("does not answer in a digest thread from articles outside that digest", async () => {
    const text = shown(await f.run('/ask what did Tomas Kessler say?', inThread));
    expect(text).toMatch(/^The sources don't say what Tomas Kessler said: .*this digest’s sources/m);
    expect(text).not.toContain('theatre');
    expect(text).not.toContain('https://');
  });

  it('answers outside a thread from the last week of articles', async () => {
    const text = shown(await f.run('/ask what did Tomas Kessler say?'));
    expect(text).toContain('Tomas Kessler (union’s general secretary): “The offer was theatre” [1]');
    expect(text).toContain('<https://news.example/strike-two-days>');
  });

  it('treats a thread that is not linked to any digest like the channel', async () => {
    const text = shown(await f.run('/ask what did Tomas Kessler say?', { ...reader, threadId: '1716200000.999999' }));
    expect(text).toContain('“The offer was theatre” [1]');
  });

  it('searches a wider window with since: and says which window it searched when nothing is found', async () => {
    const old = article('strike-old', {
      outlet: 'Velmar Evening Post',
      title: 'Harbour pilots end their overtime ban',
      text: 'PORT VELMAR — Harbour pilots ended a month-long overtime ban on Tuesday after the port board agreed to hire six more pilots.',
      hoursAgo: 20 * 24,
    });
    await f.store.articles.save(old);
    const narrow = shown(await f.run('/ask why did the harbour pilots end their overtime ban?'));
    expect(narrow).toMatch(/^The sources don't say: .*the last 7 days/m);
    const wide = shown(await f.run('/ask why did the harbour pilots end their overtime ban? since:30d'));
    expect(wide).toContain('agreed to hire six more pilots');
    expect(wide).toContain('Velmar Evening Post');
  });

  it('rejects a window it cannot read with the usage line', async () => {
    const r = await f.run('/ask why did the pilots stop? since:forever');
    expect(r.kind).toBe('private');
    expect(shown(r)).toMatch(/since must be a window/);
  });
});

