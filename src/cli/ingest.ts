// `newsbot ingest [<feed-url|page-url|file|dir>…]`: fetch, parse, deduplicate and store articles.
// Progress goes to stderr (one line per target), the summary line to stdout. With no targets, every
// registered source is ingested. Exit 0 when every target was read, 1 when some failed, 2 when all
// failed or on bad usage (a missing file or a malformed URL is reported before anything is fetched).
import type { Config } from '../config.ts';
import { loadConfig } from '../config.ts';
import { openApp } from '../app.ts';
import { createLogger } from '../log.ts';
import { createFetcher, type Fetcher } from '../ingest/fetch.ts';
import { ingestTargets, type IngestSummary, type SourceResult } from '../ingest/pipeline.ts';
import { extractQuotes, speakersOf } from '../nlp/quotes.ts';
import { TargetError, classifyTarget, targetKey } from '../ingest/targets.ts';
import { UsageError, parseArgs, type CliCommand, type CliIO } from './types.ts';

export function fetcherFromConfig(config: Config): Fetcher {
  return createFetcher({ timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES, allowlist: config.NEWSBOT_FETCH_ALLOWLIST });
}

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
    const t = await classifyTarget(raw).catch(() => null);
    keys.add(t ? targetKey(t) : raw);
  }
  return [...keys];
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
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { flags: ['force', 'fetch-articles', 'json', 'keep'] });
    const config = loadConfig(io.env);
    await checkTargets(positional);
    const log = cliLogger(io, config);
    const app = await openApp(config, log);
    const fetcher = fetcherFromConfig(config);
    try {
      // No arguments: every registered source plus NEWSBOT_FEEDS, each once.
      const targets = positional.length ? positional : await configuredTargets(config, app.store.sources.list());
      if (!targets.length) {
        throw new UsageError('nothing to ingest: give feed URLs, page URLs, files or folders, or add sources with `newsbot sources add`');
      }
      // Targets named on the command line are read once; only --keep registers them as sources
      // for the bot's scheduled ingest (sources that were registered before stay).
      const before = new Set((await app.store.sources.list()).map((x) => x.id));
      let quotes = 0;
      const summary = await ingestTargets(targets, {
        store: app.store,
        fetcher,
        log,
        now: () => new Date(),
        force: flags.has('force'),
        fetchArticles: flags.has('fetch-articles'),
        onProgress: (done, total, _t, r) => io.stderr.write(`${progressLine(done, total, r)}\n`),
        // One-shot: index quotes here rather than through the queue, so `newsbot whosaid` finds
        // them as soon as this command returns (the bot does the same in its process-article job).
        // The articles stay pending, so a bot's worker still warms their summaries later.
        onArticle: async (a) => {
          const found = extractQuotes(a.text);
          quotes += found.length;
          await app.store.quotes.replaceForArticle(a.id, found, speakersOf(found, a.text));
        },
      });
      if (positional.length && !flags.has('keep')) {
        for (const r of summary.sources) if (r.sourceId && !before.has(r.sourceId)) await app.store.sources.remove(r.sourceId);
      }
      io.stdout.write(flags.has('json') ? `${JSON.stringify({ ...summary, quotes })}\n` : `${summaryLine(summary)}; ${quotes} quotes indexed\n`);
      if (summary.failed === 0) return 0;
      return summary.failed === summary.sources.length ? 2 : 1;
    } finally {
      await fetcher.close();
      await app.close();
    }
  },
};

export default command;
