// /sources add|list|remove [url] — the feeds and pages newsbot reads. Everyone may list;
// adding and removing need channel-manager rights (checked here, because `list` is public
// and the router's `manage` flag covers whole commands). `add` stores the source and enqueues
// one 'ingest-source' job so it is read at once rather than on the next ingest tick.
import { z } from 'zod';
import type { Source } from '../src/domain/types.ts';
import { link, text, type Doc, type Inline } from '../src/render/document.ts';
import type { Command } from './types.ts';
import type { CommandDeps } from './deps.ts';
import { present, usageError } from './options.ts';
import { enqueueJob, ingestSource } from '../jobs/index.ts';

const USAGE = '/sources add <url> | /sources list | /sources remove <url or id>';

const httpUrl = z
  .string({ error: 'url is missing' })
  .trim()
  .max(2000, 'url is too long')
  .refine((s) => URL.canParse(s), 'url is not a valid URL')
  .refine((s) => !URL.canParse(s) || ['http:', 'https:'].includes(new URL(s).protocol), 'url must start with http:// or https://')
  .refine((s) => !URL.canParse(s) || (!new URL(s).username && !new URL(s).password), 'url must not contain a user name or password')
  .transform((s) => new URL(s).href);

const args = z.discriminatedUnion('action', [
  z.object({ action: z.literal('list') }),
  z.object({ action: z.literal('add'), url: httpUrl }),
  z.object({ action: z.literal('remove'), url: z.string({ error: 'say which source (url or id)' }).trim().min(1).max(2000) }),
], { error: 'action must be add, list or remove' });

/** Feed-looking URLs are read as feeds, anything else as a page (ingest re-detects either way). */
function guessKind(url: string): 'feed' | 'page' {
  return /(rss|atom|feed|\.xml)(\b|$)/i.test(new URL(url).pathname + new URL(url).search) ? 'feed' : 'page';
}

function listDoc(sources: Source[]): Doc {
  if (sources.length === 0) {
    return { title: 'Sources', blocks: [{ type: 'paragraph', inlines: [text('No sources yet. A manager can add one: /sources add <url>')] }] };
  }
  const items: Inline[][] = sources.map((s) => {
    const status = s.lastError ? ` — failing (${s.errorCount}x): ${s.lastError.slice(0, 200)}` : s.lastFetchedAt ? '' : ' — not read yet';
    return [link(s.title ?? s.url, s.url), text(` (${s.kind}, id ${s.id})${status}`)];
  });
  return { title: `Sources (${sources.length})`, blocks: [{ type: 'list', items }] };
}

export const sources: Command<CommandDeps> = {
  name: 'sources',
  description: 'List the news sources; managers can add or remove them',
  manage: false,
  visibility: 'private',
  options: [
    {
      name: 'action',
      description: 'add, list or remove',
      type: 'string',
      required: true,
      choices: ['add', 'list', 'remove'].map((a) => ({ name: a, value: a })),
    },
    { name: 'url', description: 'Feed or page URL (add), or URL/id (remove)', type: 'string', required: false, maxLength: 2000 },
  ],
  parseText(input): Record<string, string> | { error: string } {
    const [action, ...rest] = input.trim().split(/\s+/).filter(Boolean);
    if (!action) return { action: 'list' };
    const url = rest.join(' ');
    return url ? { action: action.toLowerCase(), url } : { action: action.toLowerCase() };
  },
  async run(raw, ctx, deps) {
    const parsed = args.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, USAGE) };
    const a = parsed.data;
    // The list shows each source's last error: for the asker only.
    if (a.action === 'list') return { kind: 'doc', visibility: 'private', doc: listDoc(await deps.store.sources.list()) };
    if (!ctx.canManage) {
      return { kind: 'private', text: `/sources ${a.action} changes what newsbot reads: it needs Manage Channels (Discord) or workspace admin (Slack).` };
    }
    if (a.action === 'add') {
      const source = await deps.store.sources.add({ url: a.url, kind: guessKind(a.url) });
      await enqueueJob(deps.queue, ingestSource, { sourceId: source.id, window: deps.now().toISOString().slice(0, 16) + 'Z' });
      deps.log.info({ sourceId: source.id, by: ctx.userId }, 'source added');
      return { kind: 'private', text: `Added ${source.url} (id ${source.id}). Reading it now; its articles appear in digests shortly.` };
    }
    const removed = await deps.store.sources.remove(a.url);
    return {
      kind: 'private',
      text: removed ? `Removed ${a.url}.` : `No source ${a.url}. See them with /sources list.`,
    };
  },
};
