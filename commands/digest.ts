// /digest topic:<text> [since:<24h|3d|30d>] [max:<1-20>] — the digest of a topic, posted in the
// channel. A trailing duration in free text ("ukraine 30d") is always the window, never the topic.
// On demand it shows everything in the window (only scheduled posts compare with the previous
// digest). A digest with stories is returned with the reply: the conversation saves it, posts it
// and links the thread under the post to it (follow-up questions use its sources).
import { z } from 'zod';
import { buildDigest } from '../src/digest/build.ts';
import { onTopic, topicQuery } from '../src/digest/topic.ts';
import { text } from '../src/render/document.ts';
import { digestDoc, shortTime } from '../src/render/digest-doc.ts';
import type { Command } from './types.ts';
import { MAX_DIGEST_STORIES } from '../src/domain/types.ts';
import type { CommandDeps } from './deps.ts';
import { DURATIONS, MAX_WINDOW_MS, durationNames, parseWindow, present, splitFreeText, usageError, userText, windowName } from './options.ts';

const USAGE = '/digest topic:<words> [since:24h|3d|30d] [max:1-20], e.g. /digest ukraine 3d';

const args = z.object({
  topic: userText('topic', 200),
  since: z
    .string()
    .default('24h')
    .transform((s, c) => {
      const ms = parseWindow(s);
      if (ms === null) c.addIssue({ code: 'custom', message: `since "${s}" is not a duration (try 24h, 3d, 7d or 30d)` });
      else if (ms > MAX_WINDOW_MS) c.addIssue({ code: 'custom', message: `since ${s} is longer than ${windowName(MAX_WINDOW_MS)}, the longest window in chat (the newsbot digest command line reads any range)` });
      return ms ?? 0;
    }),
  max: z.coerce
    .number({ error: 'max must be a number' })
    .int('max must be a whole number')
    .min(1, 'max must be at least 1')
    .max(MAX_DIGEST_STORIES, `max must be at most ${MAX_DIGEST_STORIES}`)
    .default(5),
});

export const digest: Command<CommandDeps> = {
  name: 'digest',
  description: 'Digest of the news about a topic',
  manage: false,
  visibility: 'public',
  options: [
    { name: 'topic', description: 'What the news is about, e.g. ukraine', type: 'string', required: true, maxLength: 200 },
    { name: 'since', description: 'How far back: 24h, 3d, 7d, 30d (default 24h, at most 30d)', type: 'string', required: false, maxLength: 20 },
    { name: 'max', description: `How many stories at most (default 5, up to ${MAX_DIGEST_STORIES})`, type: 'integer', required: false },
  ],
  parseText(text): Record<string, string> | { error: string } {
    const { words, named } = splitFreeText(text, ['topic', 'since', 'max']);
    // A trailing duration ("ukraine 3d", "ukraine 3 days") is the window, whatever its length (a
    // window too long is an error, not part of the topic); everything before it is the topic.
    if (!named.since && words.length > 2 && parseWindow(words.slice(-2).join(' ')) !== null) {
      named.since = windowName(parseWindow(words.splice(-2).join(' '))!);
    } else if (!named.since && words.length > 1 && parseWindow(words.at(-1)!) !== null) {
      named.since = words.pop()!;
    }
    const topic = named.topic ?? words.join(' ');
    if (!topic.trim()) return { error: `Say which topic. Type: ${USAGE}` };
    return { topic, ...(named.since ? { since: named.since } : {}), ...(named.max ? { max: named.max } : {}) };
  },
  async run(raw, _ctx, deps) {
    const parsed = args.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, USAGE) };
    const { topic, since, max } = parsed.data;
    const until = deps.now();
    const d = await buildDigest(deps.store, {
      topic,
      since: new Date(until.getTime() - since),
      until,
      maxStories: max,
      model: deps.model,
      log: deps.log,
    });
    const doc = digestDoc(d);
    if (d.stories.length === 0) {
      const hint = await olderHint(deps, topic, d.since, until);
      if (hint) doc.blocks.push({ type: 'paragraph', inlines: [text(hint)] });
      return { kind: 'doc', visibility: 'public', doc };
    }
    return { kind: 'doc', visibility: 'public', doc, digest: d };
  },
};

/**
 * For an empty window: when the newest article about the topic is older, says when it is from and
 * the shortest window that reaches it ("try /digest harbour 3d"), so nobody is left guessing.
 */
async function olderHint(deps: CommandDeps, topic: string, since: Date, until: Date): Promise<string | null> {
  const about = onTopic(topic);
  const hits = await deps.store.articles.search({ query: topicQuery(topic), until: since, limit: 20 });
  const newest = hits.map((h) => h.article).filter((a) => about(a)).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())[0];
  if (!newest) return null;
  const age = until.getTime() - newest.publishedAt.getTime();
  const reach = durationNames.find((n) => DURATIONS[n] > age);
  const when = `The newest article about ${topic} is from ${shortTime(newest.publishedAt)}`;
  return reach ? `${when}: try /digest ${topic} ${reach}.` : `${when}, before the longest window (${durationNames.at(-1)}).`;
}
