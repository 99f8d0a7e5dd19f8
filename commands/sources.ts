// /sources add|list|remove [url] [fulltext:auto|always|never] — the feeds and pages newsbot
// reads, each with its full-text setting and its count of teaser-only articles. Everyone may list;
// adding and removing need channel-manager rights (checked here, because `list` is public
// and the router's `manage` flag covers whole commands). `add` stores the source and enqueues
// one 'ingest-source' job so it is read at once rather than on the next ingest tick.
import { z } from 'zod';
import type { FullTextMode, Source } from '../src/domain/types.ts';
import { link, text, type Doc, type Inline } from '../src/render/document.ts';
import type { Command } from './types.ts';
import type { CommandDeps } from './deps.ts';
import { present, usageError } from './options.ts';
import { guessUrlKind } from '../src/ingest/targets.ts';

const USAGE = '/sources add <url> [fulltext:auto|always|never] | /sources list | /sources remove <url or id>';

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
  z.object({ action: z.literal('add'), url: httpUrl, fulltext: z.enum(['auto', 'always', 'never'], { error: 'fulltext must be auto, always or never' }).optional() }),
  z.object({ action: z.literal('remove'), url: z.string({ error: 'say which source (url or id)' }).trim().min(1).max(2000) }),
], { error: 'action must be add, list or remove' });

function listDoc(sources: Source[], teasers: Record<string, number>, fallback: FullTextMode): Doc {
  if (sources.length === 0) {
    return { title: 'Sources', blocks: [{ type: 'paragraph', inlines: [text('No sources yet. A manager can add one: /sources add <url>')] }] };
  }
  const items: Inline[][] = sources.map((s) => {
    const status = s.lastError ? ` — failing (${s.errorCount}x): ${s.lastError.slice(0, 200)}` : s.lastFetchedAt ? '' : ' — not read yet';
    const teaser = teasers[s.id] ? `, ${teasers[s.id]} teaser-only` : '';
    const fullText = s.kind === 'feed' ? `, full text ${s.fullText ?? `${fallback} (default)`}${teaser}` : teaser;
    return [link(s.title ?? s.url, s.url), text(` (${s.kind}, id ${s.id}${fullText})${status}`)];
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
    {
      name: 'fulltext',
      description: 'add: fetch article pages of thin items (auto), of every item (always), or never',
      type: 'string',
      required: false,
      choices: ['auto', 'always', 'never'].map((a) => ({ name: a, value: a })),
    },
  ],
  parseText(input): Record<string, string> | { error: string } {
    const [action, ...words] = input.trim().split(/\s+/).filter(Boolean);
    if (!action) return { action: 'list' };
    const setting = words.find((w) => /^fulltext[:=]/i.test(w));
    const url = words.filter((w) => w !== setting).join(' ');
    const out: Record<string, string> = { action: action.toLowerCase() };
    if (url) out.url = url;
    if (setting) out.fulltext = setting.replace(/^fulltext[:=]/i, '').toLowerCase();
    return out;
  },
  async run(raw, ctx, deps) {
    const parsed = args.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, USAGE) };
    const a = parsed.data;
    // The list shows each source's last error: for the asker only.
    if (a.action === 'list') {
      const doc = listDoc(await deps.store.sources.list(), await deps.store.sources.teaserCounts(), deps.config.NEWSBOT_FULLTEXT);
      return { kind: 'doc', visibility: 'private', doc };
    }
    if (!ctx.canManage) {
      return { kind: 'private', text: `/sources ${a.action} changes what newsbot reads: it needs Manage Channels (Discord) or workspace admin (Slack).` };
    }
    if (a.action === 'add') {
      const source = await deps.store.sources.add({ url: a.url, kind: guessUrlKind(a.url), fullText: a.fulltext ?? null });
      // Adding a source again with a setting changes the setting.
      if (a.fulltext && source.fullText !== a.fulltext) await deps.store.sources.setFullText(source.id, a.fulltext);
      await deps.work.ingestSource(source.id, { at: deps.now() });
      deps.log.info({ sourceId: source.id, by: ctx.userId }, 'source added');
      return { kind: 'private', text: `Added ${source.url} (id ${source.id}${a.fulltext ? `, full text ${a.fulltext}` : ''}). Reading it now; its articles appear in digests shortly.` };
    }
    const removed = await deps.store.sources.remove(a.url);
    return {
      kind: 'private',
      text: removed ? `Removed ${a.url}.` : `No source ${a.url}. See them with /sources list.`,
    };
  },
};
