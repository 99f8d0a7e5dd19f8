// Test support for the Slack adapter: a Store that delays every call (wrapping the real SQLite
// store, so it still implements the real port), small commands that honour the real Command
// contract, and the CommandDeps they run with.
import type { CommandDeps } from '../../../commands/deps.ts';
import type { Command } from '../../../commands/types.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Digest, Story } from '../../../src/domain/types.ts';
import { createLogger } from '../../../src/log.ts';
import { link, paragraph, text, type Block, type Doc } from '../../../src/render/document.ts';
import type { Store } from '../../../src/store/ports.ts';
import { createWork } from '../../../src/app/work.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every method of every sub-store waits `delay.ms`, then for `delay.gate` when one is set (a
 * promise the test resolves), before calling the real store. Both can be changed at any time.
 */
export function delayingStore(inner: Store, delay: { ms: number; gate?: Promise<void> | null }): Store {
  const wrap = <T extends object>(o: T): T =>
    new Proxy(o, {
      get(target, key, recv) {
        const v = Reflect.get(target, key, recv) as unknown;
        if (typeof v !== 'function') return v;
        return async (...args: unknown[]) => {
          await sleep(delay.ms);
          if (delay.gate) await delay.gate;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return {
    articles: wrap(inner.articles),
    quotes: wrap(inner.quotes),
    sources: wrap(inner.sources),
    subscriptions: wrap(inner.subscriptions),
    posts: wrap(inner.posts),
    digests: wrap(inner.digests),
    chatFailures: wrap(inner.chatFailures),
    cache: wrap(inner.cache),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

function story(topic: string, i: number, hostile: boolean): Story {
  const body = hostile
    ? 'The Alder Courier reported <!channel> and <!here> and <@U0ADMIN> & more <#C1|x>.'
    : Array.from({ length: 8 }, (_, k) => `In Port Alder the ${topic} debate went on for a ${k + 1}th hour as the council argued over ferry fares. `).join('');
  return {
    key: `s${i}`,
    headline: hostile ? '<!channel> ferry news <@U0ADMIN>' : `${topic}: story ${i}`,
    summary: body,
    quotes: [],
    articles: [{ id: `a${i}`, url: `https://courier.example/${topic}/${i}`, outlet: 'The Alder Courier', title: `Article ${i}`, publishedAt: new Date('2026-11-27T10:00:00Z') }],
    score: 1,
  };
}

let digestSeq = 0;

/** "/digest <topic> [stories]" -> a digest reply with that many stories (hostile text for topic "hostile"). */
export const testDigest: Command<CommandDeps> = {
  name: 'digest',
  description: 'Digest of a topic',
  manage: false,
  visibility: 'public',
  options: [{ name: 'topic', description: 'Topic', type: 'string', required: true }],
  parseText(t): Record<string, string> | { error: string } {
    const [topic, n] = t.trim().split(/\s+/);
    if (!topic) return { error: 'Say which topic. Type: /digest <topic>, e.g. /digest ferries' };
    return n ? { topic, stories: n } : { topic };
  },
  async run(raw, _ctx, deps) {
    const topic = raw.topic!;
    const n = Number(raw.stories ?? 3);
    const stories = Array.from({ length: n }, (_, i) => story(topic, i, topic === 'hostile'));
    const now = deps.now();
    digestSeq += 1;
    const digest: Digest = { id: `d${digestSeq}`, topic, since: new Date(now.getTime() - 86_400_000), until: now, stories, articleCount: n, overview: null, createdAt: now };
    const blocks: Block[] = stories.flatMap((s): Block[] => [
      { type: 'heading', text: s.headline, url: s.articles[0]!.url },
      paragraph(text(s.summary)),
      { type: 'quote', text: s.summary.slice(0, 80), speaker: 'Mara Quill <!channel>' },
      { type: 'context', inlines: [link(s.articles[0]!.outlet, s.articles[0]!.url)] },
      { type: 'divider' },
    ]);
    const doc: Doc = { title: `Digest: ${topic}`, blocks };
    return { kind: 'doc', visibility: 'public', doc, digest };
  },
};

/** "/ask <question>": answers from the thread's digest, citing its articles as [n] links. */
export const testAsk: Command<CommandDeps> = {
  name: 'ask',
  description: 'Ask a question',
  manage: false,
  visibility: 'public',
  options: [{ name: 'question', description: 'Question', type: 'string', required: true }],
  parseText(t): Record<string, string> | { error: string } {
    return t.trim() ? { question: t.trim() } : { error: 'Ask something. Type: /ask <question>' };
  },
  async run(raw, ctx, deps) {
    const digest = ctx.threadId ? await deps.store.digests.digestForThread(ctx.platform, ctx.threadId) : null;
    if (!digest) return { kind: 'doc', visibility: 'public', doc: { title: 'Answer', blocks: [paragraph(text(`No digest here for: ${raw.question}`))] } };
    const cites = digest.stories.slice(0, 2).map((s, i) => [text(`[${i + 1}] `), link(s.articles[0]!.title, s.articles[0]!.url)]);
    return {
      kind: 'doc',
      visibility: 'public',
      doc: { title: `Answer: ${raw.question}`, blocks: [paragraph(text(`From the ${digest.topic} digest [1][2].`)), { type: 'list', items: cites }] },
    };
  },
};

/** "/sources add <url> | list": adding needs manager rights, checked in run() like the real one. */
export const testSources: Command<CommandDeps> = {
  name: 'sources',
  description: 'Sources',
  manage: false,
  visibility: 'private',
  options: [],
  parseText(t): Record<string, string> | { error: string } {
    const [action, url] = t.trim().split(/\s+/);
    if (action !== 'add' && action !== 'list') return { error: 'Type: /sources add <url> | /sources list' };
    return url ? { action, url } : { action };
  },
  async run(raw, ctx, deps) {
    if (raw.action === 'add') {
      if (!ctx.canManage) return { kind: 'private', text: 'Adding sources needs workspace admin rights.' };
      await deps.store.sources.add({ url: raw.url!, kind: 'feed' });
      return { kind: 'private', text: `Added ${raw.url}` };
    }
    return { kind: 'private', text: `${(await deps.store.sources.list()).length} sources` };
  },
};

export const testCommands = [testDigest, testAsk, testSources];

export function testDeps(store: Store): CommandDeps {
  return {
    config: loadConfig({}),
    store,
    model: null,
    work: createWork({ enqueue: async () => 'job-1' }),
    log: createLogger('silent'),
    now: () => new Date('2026-11-28T09:00:00Z'),
    onSubscriptionsChanged: async () => {},
  };
}
