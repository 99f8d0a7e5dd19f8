// `newsbot feed <file|url>… [--json]`: parse feeds without storing (DESIGN.md section 3).
// --json prints one line per input, in order: { source, title, items: [{ title, link, id, summary,
// published }] } or { source, error }. Exit 0 when every input was read, else 2 (after printing
// every line) with one summary line on stderr. Opens no database.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBody } from '../ingest/charset.ts';
import type { Fetcher } from '../fetch/port.ts';
import { binaryReason } from '../ingest/binary.ts';
import { parseFeedText, type ParsedFeed } from '../ingest/feeds.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';
import { debugLog } from '../debug-log.ts';

/** The documented JSON line of one parsed feed (DESIGN.md section 3, `newsbot feed --json`). */
export function feedJson(source: string, feed: ParsedFeed) {
  const items = feed.items.map((i) => ({ title: i.title, link: i.link, id: i.id, summary: i.summary, published: i.published?.toISOString() ?? null }));
  return { source, title: feed.title, items };
}

async function readInput(input: string, fetcher: Fetcher, maxBytes: number): Promise<ParsedFeed> {
  if (/^https?:\/\//i.test(input)) {
    const r = await fetcher.fetchUrl(input);
    if (r.status !== 'ok') throw new Error('not modified');
    return parseFeedText(r.text, r.url);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) && !input.startsWith('file://')) throw new Error(`unsupported URL scheme in ${input} (use http or https)`);
  const path = input.startsWith('file://') ? new URL(input).pathname : resolve(input);
  const info = await stat(path).catch((err) => { debugLog('stat %s: %s', path, err); return null; });
  if (!info) throw new Error(`no such file: ${input}`);
  if (!info.isFile()) throw new Error(`not a file: ${input}`);
  if (info.size > maxBytes) throw new Error(`file larger than ${maxBytes} bytes`);
  const bytes = await readFile(path);
  const binary = binaryReason(bytes, null);
  if (binary) throw new Error(`${binary}: ${input}`);
  const { text } = decodeBody(bytes, null);
  return parseFeedText(text, pathToFileURL(path).href);
}

const command: CliCommand = {
  name: 'feed',
  async run(args, io, root) {
    const { positional, flags } = parseArgs(args, { flags: ['json'] });
    if (!positional.length) throw new UsageError('give at least one feed file or URL');
    const config = await root.config();
    const fetcher = await root.fetcher();
    let failed = 0;
    for (const input of positional) {
      let line: object;
      try {
        const feed = await readInput(input, fetcher, config.FETCH_MAX_BYTES);
        line = feedJson(input, feed);
        const { items } = line as ReturnType<typeof feedJson>;
        if (!flags.has('json')) {
          io.stdout.write(`${feed.title || '(untitled feed)'} — ${items.length} item${items.length === 1 ? '' : 's'} (${input})\n`);
          for (const i of items) io.stdout.write(`  ${(i.published ?? '').slice(0, 10).padEnd(10)}  ${i.title}\n              ${i.link ?? ''}\n`);
          for (const w of feed.warnings) io.stderr.write(`warning: ${input}: ${w}\n`);
        }
      } catch (err) {
        failed++;
        line = { source: input, error: (err as Error).message };
        if (!flags.has('json')) io.stdout.write(`${input}: error: ${(err as Error).message}\n`);
      }
      if (flags.has('json')) io.stdout.write(`${JSON.stringify(line)}\n`);
    }
    if (failed) {
      io.stderr.write(`newsbot feed: ${failed} of ${positional.length} input${positional.length === 1 ? '' : 's'} could not be read\n`);
      return 2;
    }
    return 0;
  },
};

export default command;
