// `newsbot summarise <file|url|->`: the summary of one article, one sentence per line. Uses the
//   configured model (verified, cached) when OPENAI_API_KEY is set, else the offline summariser;
//   `--offline` forces the offline one.
// `newsbot summarise --jsonl [FILE|-]`: batch, always offline and deterministic. Each input line
//   { "id", "articles": ["text", …] } gives { "id", "summary" } (sentences joined by "\n"), in order;
//   a bad line gives { "id", "error" } and the run continues (exit 0 unless nothing was readable).
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { createLogger } from '../log.ts';
import { summarise } from '../nlp/summarise.ts';
import { summariseWithModel } from '../llm/summarise-llm.ts';
import { mapJsonl, openJsonlInput } from './jsonl.ts';
import { UsageError, parseArgs, type CliCommand, type CliIO, type CliRoot } from './types.ts';

const Line = z.object({ id: z.union([z.string(), z.number()]), articles: z.array(z.string()).min(1) });

async function readText(target: string, io: CliIO, root: CliRoot): Promise<{ title: string; text: string }> {
  const config = await root.config();
  if (target === '-') {
    const chunks: Buffer[] = [];
    for await (const c of io.stdin) chunks.push(Buffer.from(c as Buffer));
    const { parseTextArticle } = await import('../ingest/text-file.ts');
    const a = parseTextArticle(Buffer.concat(chunks).toString('utf8'), 'stdin:', false);
    return { title: a.title, text: a.text };
  }
  if (/^https?:\/\//i.test(target)) {
    const { extractArticle } = await import('../ingest/extract.ts');
    const fetcher = await root.fetcher();
    try {
      const res = await fetcher.fetchUrl(target);
      if (res.status !== 'ok') throw new UsageError(`nothing to read at ${target}`);
      const page = extractArticle(res.text, res.url);
      return { title: page.title, text: page.text };
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError((err as Error).message);
    }
  }
  const { readLocalFile } = await import('../ingest/text-file.ts');
  try {
    const doc = await readLocalFile(target, config.FETCH_MAX_BYTES);
    if (doc.kind !== 'article') throw new UsageError(`${target} is a feed, not an article`);
    return { title: doc.title, text: doc.text };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message);
  }
}

const batch = (input: Readable, io: CliIO) =>
  mapJsonl(input, io, Line, '{"id", "articles": ["text", …]}', (l) => ({ id: l.id, summary: summarise(l.articles.join('\n\n')).join('\n') }));

const command: CliCommand = {
  name: 'summarise',
  async run(args, io, root) {
    const { positional, flags } = parseArgs(args, { flags: ['jsonl', 'offline'] });
    if (flags.has('jsonl')) {
      if (positional.length > 1) throw new UsageError('--jsonl takes at most one FILE (or - for stdin)');
      return batch(await openJsonlInput(positional[0], io), io);
    }
    if (positional.length !== 1) throw new UsageError('give one file, URL or - (or --jsonl for batch input)');
    const article = await readText(positional[0]!, io, root);
    if (!article.text.trim()) throw new UsageError(`no article text found in ${positional[0]}`);
    let sentences: string[];
    if (flags.has('offline')) sentences = summarise(article.text, { title: article.title });
    else {
      const log = createLogger((await root.config()).LOG_LEVEL);
      const app = await root.app(log);
      sentences = (await summariseWithModel(article, { model: app.model, cache: app.store.cache, log })).sentences;
    }
    io.stdout.write(sentences.map((s) => s + '\n').join(''));
    return 0;
  },
};

export default command;
