// `newsbot articles search <query> [--since 7d] [--limit 20] [--json]`: full-text search over stored
// articles, newest window first (the store restricts to the window, then ranks by relevance).
import { cliLogger } from './ingest.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** "30m", "24h", "7d", "2w" -> milliseconds; or an ISO date -> the time since it. */
export function parseSince(value: string, now: Date): Date {
  const m = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
  if (m) return new Date(now.getTime() - Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
  const t = Date.parse(value);
  if (/^\d{4}-\d\d-\d\d/.test(value) && !Number.isNaN(t)) return new Date(t);
  throw new UsageError(`--since must look like 30m, 24h, 7d, 2w or a date (2025-06-01), not "${value}"`);
}

const command: CliCommand = {
  name: 'articles',
  async run(args, io, root) {
    const [sub, ...rest] = args;
    if (sub !== 'search') throw new UsageError('expected: newsbot articles search <query> [--since 7d] [--limit 20]');
    const { positional, flags, options } = parseArgs(rest, { flags: ['json'], options: ['since', 'limit'] });
    const query = positional.join(' ').trim();
    if (!query) throw new UsageError('give a search query');
    const limitRaw = options.get('limit') ?? '20';
    const limit = Number(limitRaw);
    if (!/^\d+$/.test(limitRaw) || limit < 1 || limit > 500) throw new UsageError('--limit must be a whole number from 1 to 500');
    const since = options.has('since') ? parseSince(options.get('since')!, new Date()) : undefined;
    const config = await root.config();
    const app = await root.app(cliLogger(io, config));
    const hits = await app.store.articles.search({ query, since, limit });
    if (flags.has('json')) {
      io.stdout.write(`${JSON.stringify(hits.map((h) => ({ ...h.article, text: undefined, relevance: h.relevance })))}\n`);
      return 0;
    }
    if (!hits.length) io.stdout.write(`no articles match "${query}"${since ? ` since ${since.toISOString().slice(0, 10)}` : ''}\n`);
    for (const { article: a } of hits) {
      io.stdout.write(`${a.publishedAt.toISOString().slice(0, 10)}  ${a.outlet}  ${a.title}\n            ${a.url}  (id ${a.id})\n`);
    }
    return 0;
  },
};

export default command;
