// `newsbot sources add|list|remove`: manage the sources ingested on every INGEST_CRON tick (and by
// `newsbot ingest` without arguments). `add` checks the target but fetches nothing; the kind is
// guessed from the URL (feed-looking paths are feeds, other URLs pages, local paths files) unless
// --kind is given; --fulltext auto|always|never sets whether article pages are read for its items.
// `list` shows url, kind, full-text setting, teaser-only articles, last fetch, last error, error
// count and next retry.
import type { FullTextMode, Source, SourceKind } from '../domain/types.ts';
import { classifyTarget, guessKind, targetKey } from '../ingest/targets.ts';
import { checkTargets, cliLogger, parseFullText } from './ingest.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';
import { debugLog } from '../debug-log.ts';
import type { Store } from '../store/ports.ts';

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

type Sources = Store['sources'];
type Io = Parameters<CliCommand['run']>[1];

async function add(sources: Sources, io: Io, targets: string[], kind: SourceKind | undefined, fullText: FullTextMode | undefined): Promise<void> {
  for (const raw of targets) {
    const t = await classifyTarget(raw);
    const s = await sources.add({ url: targetKey(t), kind: kind ?? guessKind(t), fullText: fullText ?? null });
    if (fullText && s.fullText !== fullText) await sources.setFullText(s.id, fullText);
    io.stdout.write(`added ${s.id}  ${s.kind}  ${s.url}${fullText ? `  (full text ${fullText})` : ''}\n`);
  }
}

async function list(sources: Sources, io: Io, json: boolean, fallback: FullTextMode): Promise<void> {
  const all = await sources.list();
  const teasers = await sources.teaserCounts();
  if (json) io.stdout.write(`${JSON.stringify(all.map((s) => ({ ...s, teaserOnly: teasers[s.id] ?? 0 })))}\n`);
  else if (!all.length) io.stdout.write('no sources (add one with: newsbot sources add <url|path>)\n');
  else io.stdout.write(`${all.map((s) => describe(s, teasers[s.id] ?? 0, fallback)).join('\n')}\n`);
}

async function remove(sources: Sources, io: Io, keys: string[]): Promise<void> {
  const missing: string[] = [];
  for (const key of keys) {
    // A relative path is stored absolute; try both forms.
    let removed = await sources.remove(key);
    if (!removed && !/^[a-z][a-z0-9+.-]*:\/\//i.test(key)) {
      const t = await classifyTarget(key).catch((err) => { debugLog('cannot classify %s: %s', key, err); return null; });
      if (t) removed = await sources.remove(targetKey(t));
    }
    if (removed) io.stdout.write(`removed ${key}\n`);
    else missing.push(key);
  }
  if (missing.length) throw new UsageError(`no such source: ${missing.join(', ')}`);
}

const command: CliCommand = {
  name: 'sources',
  async run(args, io, root) {
    const [sub, ...rest] = args;
    if (!sub || !['add', 'list', 'remove'].includes(sub)) throw new UsageError('expected add, list or remove (newsbot sources add <url|path>…)');
    const { positional, flags, options } = parseArgs(rest, { flags: ['json'], options: ['kind', 'fulltext'] });
    const fullText = parseFullText(options.get('fulltext'));
    const kind = options.get('kind');
    if (kind !== undefined && !KINDS.includes(kind as SourceKind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
    if (sub !== 'list' && !positional.length) throw new UsageError(`sources ${sub} needs at least one ${sub === 'add' ? 'URL or path' : 'id or URL'}`);
    if (sub === 'add') await checkTargets(positional);
    const config = await root.config();
    const app = await root.app(cliLogger(io, config));
    if (sub === 'add') await add(app.store.sources, io, positional, kind as SourceKind | undefined, fullText);
    else if (sub === 'list') await list(app.store.sources, io, flags.has('json'), config.NEWSBOT_FULLTEXT);
    else await remove(app.store.sources, io, positional);
    return 0;
  },
};

export default command;
