// /subscribe topic time timezone [weekdays] [max] [quiet] [empty] — a daily (or cron) digest of a
// topic in this channel. Needs manage rights. Replies privately with the id and the next post
// time, or with what to type instead. Schedules are reconciled after the change.
import type { Subscription } from '../src/domain/types.ts';
import { nextFireAfter, parseCron } from '../src/schedule/cron.ts';
import { periodOf } from '../src/schedule/period.ts';
import { SUBSCRIBE_USAGE, isWeekdays, subscribeArgs } from '../src/schedule/subscription-args.ts';
import type { CommandDeps } from './deps.ts';
import { present, splitFreeText, usageError } from './options.ts';
import type { Command } from './types.ts';

/** More than this many subscriptions in one channel is a mistake (or abuse). */
export const MAX_PER_CHANNEL = 20;

const KEYS = ['topic', 'time', 'timezone', 'weekdays', 'max', 'quiet', 'empty'];
const TIME = /^\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?$|^\d{1,2}:\d{2}$/i;

/** Five tokens that are a cron expression, even one that never fires (refused later, with why). */
function readsAsCron(expr: string): boolean {
  const c = parseCron(expr);
  return !('error' in c) || c.error.startsWith('never fires');
}

/**
 * Finds where the schedule starts in free text: a time ("08:30", "7pm", "7:30 am"), or five tokens
 * that parse as cron.
 */
function scheduleAt(words: string[]): { index: number; length: number } | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/^["“]|["”]$/g, '');
    if (TIME.test(w)) return { index: i, length: 1 };
    if (/^\d{1,2}(?:[:.]\d{2})?$/.test(w) && /^[ap]\.?m\.?$/i.test(words[i + 1] ?? '')) return { index: i, length: 2 };
    if (/^["“].*\s/.test(words[i]!) && !('error' in parseCron(w))) return { index: i, length: 1 };
    if (/^[\d*]/.test(w) && i + 5 <= words.length && readsAsCron(words.slice(i, i + 5).join(' '))) {
      return { index: i, length: 5 };
    }
  }
  return null;
}

export const subscribe: Command<CommandDeps> = {
  name: 'subscribe',
  description: 'Post a digest of a topic in this channel every day (or on a cron schedule)',
  manage: true,
  visibility: 'private',
  options: [
    { name: 'topic', description: 'What the news is about, e.g. ukraine', type: 'string', required: true, maxLength: 200 },
    { name: 'time', description: 'Local time like 08:30 or 7pm, or a cron expression like "30 8 * * 1-5"', type: 'string', required: true, maxLength: 100 },
    { name: 'timezone', description: 'IANA timezone, e.g. Europe/Kyiv', type: 'string', required: true, maxLength: 64 },
    { name: 'weekdays', description: 'Days, e.g. mon-fri or mon,wed,fri (default every day)', type: 'string', required: false, maxLength: 40 },
    { name: 'max', description: 'Most stories per digest, 1-10 (default 5)', type: 'integer', required: false },
    { name: 'quiet', description: 'Quiet hours, e.g. 22:00-07:00', type: 'string', required: false, maxLength: 11 },
    {
      name: 'empty',
      description: 'When nothing is new: a short note or silence',
      type: 'string',
      required: false,
      choices: [
        { name: 'note', value: 'note' },
        { name: 'silent', value: 'silent' },
      ],
    },
  ],
  parseText(text): Record<string, string> | { error: string } {
    const { words, named } = splitFreeText(text, KEYS);
    if (!named.time) {
      const at = scheduleAt(words);
      if (!at) return { error: `Say when, as a time like 08:30 or 7pm, or a cron expression. Type: ${SUBSCRIBE_USAGE}` };
      named.time = words.slice(at.index, at.index + at.length).join(' ').replace(/^["“]|["”]$/g, '');
      const before = words.slice(0, at.index);
      const after = words.slice(at.index + at.length);
      if (!named.topic) named.topic = before.join(' ');
      for (const w of after) {
        if (!named.timezone && (w.includes('/') || /^(utc|gmt)$/i.test(w))) named.timezone = w;
        else if (!named.quiet && /^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/.test(w)) named.quiet = w;
        else if (!named.max && /^\d+$/.test(w)) named.max = w;
        else if (!named.empty && /^(note|silent)$/i.test(w)) named.empty = w.toLowerCase();
        else if (!named.weekdays && isWeekdays(w)) named.weekdays = w;
        else return { error: `"${w}" not understood. Type: ${SUBSCRIBE_USAGE}` };
      }
    }
    if (!named.topic?.trim()) return { error: `Say which topic. Type: ${SUBSCRIBE_USAGE}` };
    return named;
  },
  async run(raw, ctx, deps) {
    const parsed = subscribeArgs.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, SUBSCRIBE_USAGE) };
    const a = parsed.data;
    const here = { platform: ctx.platform, workspaceId: ctx.workspaceId, channelId: ctx.channelId };
    const existing = await deps.store.subscriptions.list(here);
    const same = existing.find((s) => s.topic.toLowerCase() === a.topic.toLowerCase() && s.cron === a.cron && s.timezone === a.timezone);
    if (same) return { kind: 'private', text: `This channel already gets "${same.topic}" on that schedule (id ${shortId(same)}).` };
    if (existing.length >= MAX_PER_CHANNEL) {
      return { kind: 'private', text: `This channel has ${existing.length} subscriptions, the most allowed. Remove one first: /unsubscribe <id> (see /subscriptions).` };
    }
    const sub = await deps.store.subscriptions.add({ ...here, ...a, createdBy: ctx.userId });
    await deps.onSubscriptionsChanged();
    deps.log.info({ subscriptionId: sub.id, ...here, cron: sub.cron, tz: sub.timezone }, 'subscription added');
    const spec = parseCron(sub.cron);
    const next = 'error' in spec ? null : nextFireAfter(spec, sub.timezone, deps.now());
    const when = next ? ` Next digest: ${periodOf(next, sub.timezone).replace('T', ' ')} (${sub.timezone}).` : '';
    return {
      kind: 'private',
      text: `Subscribed this channel to "${sub.topic}" (${describe(sub)}), up to ${sub.maxStories} stories. Id ${shortId(sub)}.${when}`,
    };
  },
};

export const shortId = (s: Pick<Subscription, 'id'>) => s.id.slice(0, 8);

/** "30 8 * * 1-5" in Europe/Kyiv -> "08:30 Europe/Kyiv, days 1-5"; other crons as written. */
export function describe(s: Pick<Subscription, 'cron' | 'timezone' | 'quietHours' | 'whenEmpty'>): string {
  const m = /^(\d+) (\d+) \* \* (\S+)$/.exec(s.cron);
  const days: Record<string, string> = { '*': 'every day', '1-5': 'Mon-Fri', '0,6': 'weekends' };
  const base = m
    ? `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')} ${s.timezone}, ${days[m[3]!] ?? `weekdays ${m[3]}`}`
    : `cron "${s.cron}" ${s.timezone}`;
  const quiet = s.quietHours ? `, quiet ${s.quietHours}` : '';
  return `${base}${quiet}${s.whenEmpty === 'silent' ? ', silent when nothing is new' : ''}`;
}
