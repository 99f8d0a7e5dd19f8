// `newsbot quotes <file|url|-> [--json]`: the quotes of one article, without storing anything.
// `newsbot quotes --jsonl [FILE|-]`: batch; each line { "id", "text" } gives { "id", "quotes": […] }
//   in order (a bad line gives { "id", "error" } and the run goes on).
//
// What "the article text as read" is, i.e. what `start`/`end` index (JavaScript string indices):
// - text input (a .txt/.md file, `-`, or a --jsonl "text"): the input exactly as read, decoded as
//   UTF-8 (a leading byte-order mark removed), nothing else changed. Its first non-empty line is the
//   headline: quotes inside it are not reported (the same text later appears in the body).
// - HTML files and URLs: the extracted article, `title + "\n\n" + paragraphs joined by "\n\n"`.
// So `articleText.slice(start, end) === text` for every quote, and `text` is verbatim.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Quote } from '../domain/types.ts';
import { HEADER } from '../ingest/text-file.ts';
import { extractQuotes, type ExtractOptions } from '../nlp/quotes.ts';
import { mapJsonl, openJsonlInput } from './jsonl.ts';
import { UsageError, parseArgs, type CliCommand, type CliIO, type CliRoot } from './types.ts';

const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const MAX_BYTES = 20 * 1024 * 1024;

/** The JSON shape of DESIGN.md section 3, keys in contract order. */
export function quoteJson(q: Quote): Record<string, unknown> {
  return { text: q.text, speaker: q.speaker, speakerRole: q.speakerRole, cue: q.cue, kind: q.kind, start: q.start, end: q.end, confidence: q.confidence };
}

/**
 * Quotes of a plain-text article whose first non-empty line after any header lines ("Outlet: …",
 * "Date: …") is the headline. Offsets stay offsets into `text`; nothing up to the headline's end
 * is searched (headlines paraphrase).
 */
export function quotesOfText(text: string, opts: Omit<ExtractOptions, 'title'> = {}): Quote[] {
  const line = /[^\n]*(?:\n|$)/gy;
  for (let m = line.exec(text); m && m[0]; m = line.exec(text)) {
    const l = m[0].trim();
    if (l && !HEADER.test(l)) return extractQuotes(text, { ...opts, title: text.slice(0, line.lastIndex).replace(/\s+$/, '') });
  }
  return extractQuotes(text, opts);
}

async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stdin) {
    const b = Buffer.from(c as Buffer);
    size += b.length;
    if (size > MAX_BYTES) throw new UsageError('input is larger than 20 MB');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

async function htmlArticle(html: string, url: string | null): Promise<string> {
  const { extractArticle } = await import('../ingest/extract.ts');
  const page = extractArticle(html, url);
  if (!page.text.trim()) throw new UsageError(`no article text found in ${url ?? 'the input'}`);
  return page.title ? `${page.title}\n\n${page.text}` : page.text;
}

async function fromUrl(url: string, root: CliRoot): Promise<string> {
  const fetcher = await root.fetcher();
  try {
    const res = await fetcher.fetchUrl(url);
    if (res.status !== 'ok') throw new UsageError(`nothing to read at ${url}`);
    return await htmlArticle(res.text, res.url);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message);
  }
}

/** Reads the target and returns the article text that offsets refer to, and whether it is plain text. */
async function readArticle(target: string, io: CliIO, root: CliRoot): Promise<{ text: string; plain: boolean }> {
  if (target === '-') return { text: await readStdin(io.stdin), plain: true };
  if (/^https?:\/\//i.test(target)) return { text: await fromUrl(target, root), plain: false };
  let buf: Buffer;
  try {
    buf = await readFile(target);
  } catch (err) {
    throw new UsageError(`cannot read ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (buf.length > MAX_BYTES) throw new UsageError(`${target} is larger than 20 MB`);
  const content = buf.toString('utf8').replace(/^\uFEFF/, '');
  const html = HTML_EXT.has(extname(target).toLowerCase()) || /^\s*<(!doctype html|html[\s>])/i.test(content);
  return html ? { text: await htmlArticle(content, null), plain: false } : { text: content, plain: true };
}

const Line = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

const batch = (input: Readable, io: CliIO) =>
  mapJsonl(input, io, Line, '{"id", "text"}', (l) => ({ id: l.id, quotes: quotesOfText(l.text).map(quoteJson) }));

function human(quotes: Quote[]): string {
  if (quotes.length === 0) return 'no quotes found\n';
  return quotes
    .map((q) => {
      const who = q.speaker ? `${q.speaker}${q.speakerRole ? ` (${q.speakerRole})` : ''}` : 'unknown speaker';
      return `[${q.kind}] “${q.text}”\n    — ${who}${q.cue ? `, cue “${q.cue}”` : ''} [${q.start}-${q.end}, ${q.confidence.toFixed(2)}]`;
    })
    .join('\n') + '\n';
}

const command: CliCommand = {
  name: 'quotes',
  async run(args, io, root) {
    const { positional, flags } = parseArgs(args, { flags: ['json', 'jsonl'] });
    if (flags.has('jsonl')) {
      if (positional.length > 1) throw new UsageError('--jsonl takes at most one FILE (or - for stdin)');
      return batch(await openJsonlInput(positional[0], io), io);
    }
    if (positional.length !== 1) throw new UsageError('give one file, URL or - (or --jsonl for batch input)');
    const { text, plain } = await readArticle(positional[0]!, io, root);
    if (!text.trim()) throw new UsageError(`no article text found in ${positional[0]}`);
    const quotes = plain ? quotesOfText(text) : extractQuotes(text, { title: text.split('\n', 1)[0] });
    io.stdout.write(flags.has('json') ? JSON.stringify(quotes.map(quoteJson), null, 2) + '\n' : human(quotes));
    return 0;
  },
};

export default command;
