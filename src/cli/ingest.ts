// `newsbot ingest [<feed-url|page-url|file|dir>…]`: fetch, parse, deduplicate and store articles.
// Progress goes to stderr (one line per target), the summary line to stdout. With no targets, every
// registered source is ingested. Exit 0 when every target was read, 1 when some failed, 2 when all
// failed or on bad usage (a missing file or a malformed URL is reported before anything is fetched).
import type { Config } from '../config.ts';
import { createLogger } from '../log.ts';
import type { Article, FullTextMode } from '../domain/types.ts';
import { ingestTargets, type IngestSummary, type SourceResult } from '../ingest/pipeline.ts';
import { pagesLine, readPages } from './pages.ts';
import { extractQuotes, speakersOf } from '../nlp/quotes.ts';
import { TargetError, classifyTarget, targetKey } from '../ingest/targets.ts';
import { UsageError, parseArgs, type CliCommand, type CliIO } from './types.ts';
import { debugLog } from '../debug-log.ts';

/** CLI output is for people: pino lines only for errors unless LOG_LEVEL asks for more. */
export function cliLogger(io: CliIO, config: Config) {
  return createLogger(io.env.LOG_LEVEL ? config.LOG_LEVEL : 'error', io.stderr);
}

/** Checks every target up front so a typo is one clear usage error, not a failed source. */
export async function checkTargets(targets: string[]): Promise<void> {
  for (const t of targets) {
    try {
      await classifyTarget(t);
    } catch (err) {
      if (err instanceof TargetError) throw new UsageError(err.message);
      throw err;
    }
  }
}

async function configuredTargets(config: Config, stored: Promise<{ url: string }[]>): Promise<string[]> {
  const keys = new Set((await stored).map((s) => s.url));
  for (const raw of config.NEWSBOT_FEEDS) {
    const t = await classifyTarget(raw).catch((err) => { debugLog('cannot classify %s: %s', raw, err); return null; });
    keys.add(t ? targetKey(t) : raw);
  }
  return [...keys];
}

const MODES: FullTextMode[] = ['auto', 'always', 'never'];

/** `--fulltext` / `fulltext:` value, checked; undefined when not given. */
export function parseFullText(v: string | undefined): FullTextMode | undefined {
  if (v === undefined) return undefined;
  if (!MODES.includes(v as FullTextMode)) throw new UsageError(`--fulltext must be one of ${MODES.join(', ')}, not "${v}"`);
  return v as FullTextMode;
}

export function summaryLine(s: IngestSummary): string {
  const skipped = s.skipped ? `, ${s.skipped} skipped (backing off; --force retries now)` : '';
  return `ingested ${s.sources.length} sources: ${s.new} new, ${s.updated} updated, ${s.duplicate} duplicate, ${s.failed} failed${skipped}`;
}

function progressLine(done: number, total: number, r: SourceResult): string {
  const head = `[${done}/${total}] ${r.target}`;
  if (r.status === 'failed') return `${head}: failed: ${r.error}`;
  if (r.status === 'skipped') return `${head}: skipped: ${r.error}`;
  if (r.status === 'not-modified') return `${head}: not modified`;
  const warn = r.warnings.length ? ` (${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''}: ${r.warnings[0]})` : '';
  return `${head}: ${r.new} new, ${r.updated} updated, ${r.duplicate} duplicate${warn}`;
}

const command: CliCommand = {
  name: 'ingest',
  async run(args, io, root) {
    const { positional, flags, options } = parseArgs(args, { flags: ['force', 'fetch-articles', 'json', 'keep'], options: ['fulltext'] });
    const config = await root.config();
    const fullText = parseFullText(options.get('fulltext')) ?? (flags.has('fetch-articles') ? 'auto' : config.NEWSBOT_FULLTEXT);
    await checkTargets(positional);
    const log = cliLogger(io, config);
    const app = await root.app(log);
    const fetcher = await root.fetcher();
    // No arguments: every registered source plus NEWSBOT_FEEDS, each once.
    const targets = positional.length ? positional : await configuredTargets(config, app.store.sources.list());
    if (!targets.length) {
      throw new UsageError('nothing to ingest: give feed URLs, page URLs, files or folders, or add sources with `newsbot sources add`');
    }
    // Targets named on the command line are read once; only --keep registers them as sources
    // for the bot's scheduled ingest (sources that were registered before stay).
    const before = new Set((await app.store.sources.list()).map((x) => x.id));
    const quotesOf = new Map<string, number>();
    const indexQuotes = async (a: Article) => {
      const found = extractQuotes(a.text);
      quotesOf.set(a.id, found.length);
      await app.store.quotes.replaceForArticle(a.id, found, speakersOf(found, a.text));
    };
    const pending: Article[] = [];
    const summary = await ingestTargets(targets, {
      store: app.store,
      fetcher,
      log,
      now: () => new Date(),
      force: flags.has('force'),
      maxItemsPerFeed: config.NEWSBOT_MAX_ITEMS_PER_FEED,
      fullText,
      onPending: async (a) => void pending.push(a),
      onProgress: (done, total, _t, r) => io.stderr.write(`${progressLine(done, total, r)}\n`),
      // One-shot: index quotes here rather than through the queue, so `newsbot whosaid` finds
      // them as soon as this command returns (the bot does the same in its process-article job).
      // The articles stay pending, so a bot's worker still warms their summaries later.
      onArticle: indexQuotes,
    });
    const pages = await readPages(pending, { store: app.store, fetcher, config, io, onPage: indexQuotes });
    if (positional.length && !flags.has('keep')) {
      for (const r of summary.sources) if (r.sourceId && !before.has(r.sourceId)) await app.store.sources.remove(r.sourceId);
    }
    const quotes = [...quotesOf.values()].reduce((n, q) => n + q, 0);
    io.stdout.write(flags.has('json') ? `${JSON.stringify({ ...summary, pages, quotes })}\n` : `${summaryLine(summary)}${pagesLine(pages)}; ${quotes} quotes indexed\n`);
    if (summary.failed === 0) return 0;
    return summary.failed === summary.sources.length ? 2 : 1;
   },
};

export default command;
