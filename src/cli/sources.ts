// `newsbot sources add|list|remove`: manage the sources ingested on every INGEST_CRON tick (and by
// `newsbot ingest` without arguments). `add` checks the target but fetches nothing; the kind is
// guessed from the URL (feed-looking paths are feeds, other URLs pages, local paths files) unless
// --kind is given; --fulltext auto|always|never sets whether article pages are read for its items.
// `list` shows url, kind, full-text setting, teaser-only articles, last fetch, last error, error
// count and next retry.
import { loadConfig } from '../config.ts';
import { openApp } from '../app.ts';
import type { FullTextMode, Source, SourceKind } from '../domain/types.ts';
import { classifyTarget, guessKind, targetKey } from '../ingest/targets.ts';
import { checkTargets, cliLogger, parseFullText } from './ingest.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const KINDS: SourceKind[] = ['feed', 'page', 'file'];

const when = (d: Date | null) => (d ? d.toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z') : '-');

function describe(s: Source, teasers: number, fallback: FullTextMode): string {
  const lines = [`${s.id}  ${s.kind.padEnd(4)}  ${s.url}`];
  const status = [`full text ${s.fullText ?? `${fallback} (default)`}`, `${teasers} teaser-only`, `last fetched ${when(s.lastFetchedAt)}`];
  if (s.errorCount) status.push(`${s.errorCount} error${s.errorCount > 1 ? 's' : ''}`, `next retry ${when(s.nextRetryAt)}`);
  lines.push(`    ${status.join(', ')}`);
  if (s.lastError) lines.push(`    last error: ${s.lastError}`);
  return lines.join('\n');
}

const command: CliCommand = {
  name: 'sources',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (!sub || !['add', 'list', 'remove'].includes(sub)) throw new UsageError('expected add, list or remove (newsbot sources add <url|path>…)');
    const { positional, flags, options } = parseArgs(rest, { flags: ['json'], options: ['kind', 'fulltext'] });
    const fullText = parseFullText(options.get('fulltext'));
    const kind = options.get('kind');
    if (kind !== undefined && !KINDS.includes(kind as SourceKind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
    if (sub !== 'list' && !positional.length) throw new UsageError(`sources ${sub} needs at least one ${sub === 'add' ? 'URL or path' : 'id or URL'}`);
    if (sub === 'add') await checkTargets(positional);
    const config = loadConfig(io.env);
    const app = await openApp(config, cliLogger(io, config));
    try {
      if (sub === 'add') {
        for (const raw of positional) {
          const t = await classifyTarget(raw);
          const s = await app.store.sources.add({ url: targetKey(t), kind: (kind as SourceKind | undefined) ?? guessKind(t), fullText: fullText ?? null });
          if (fullText && s.fullText !== fullText) await app.store.sources.setFullText(s.id, fullText);
          io.stdout.write(`added ${s.id}  ${s.kind}  ${s.url}${fullText ? `  (full text ${fullText})` : ''}\n`);
        }
        return 0;
      }
      if (sub === 'list') {
        const list = await app.store.sources.list();
        const teasers = await app.store.sources.teaserCounts();
        if (flags.has('json')) io.stdout.write(`${JSON.stringify(list.map((s) => ({ ...s, teaserOnly: teasers[s.id] ?? 0 })))}\n`);
        else if (!list.length) io.stdout.write('no sources (add one with: newsbot sources add <url|path>)\n');
        else io.stdout.write(`${list.map((s) => describe(s, teasers[s.id] ?? 0, config.NEWSBOT_FULLTEXT)).join('\n')}\n`);
        return 0;
      }
      const missing: string[] = [];
      for (const key of positional) {
        // A relative path is stored absolute; try both forms.
        let removed = await app.store.sources.remove(key);
        if (!removed && !/^[a-z][a-z0-9+.-]*:\/\//i.test(key)) {
          const t = await classifyTarget(key).catch(() => null);
          if (t) removed = await app.store.sources.remove(targetKey(t));
        }
        if (removed) io.stdout.write(`removed ${key}\n`);
        else missing.push(key);
      }
      if (missing.length) throw new UsageError(`no such source: ${missing.join(', ')}`);
      return 0;
    } finally {
      await app.close();
    }
  },
};

export default command;
