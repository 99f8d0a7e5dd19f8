// Batch (--jsonl) plumbing shared by CLI commands: open FILE or stdin, read one JSON object per
// line, validate it, and write one output line per input line, in order. A bad line yields
// `{ id, error }` and the batch goes on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { UsageError, type CliIO } from './types.ts';
import { debugLog } from '../debug-log.ts';

/** `-` (or nothing) is stdin; a file that cannot be opened is a UsageError. */
export async function openJsonlInput(file: string | undefined, io: CliIO): Promise<Readable> {
  if (file === undefined || file === '-') return io.stdin;
  const stream = createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
  });
  return stream;
}

export async function mapJsonl<S extends z.ZodType>(
  input: Readable,
  io: CliIO,
  schema: S,
  expected: string,
  each: (line: z.infer<S>) => Record<string, unknown>,
): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    if (!raw.trim()) continue;
    let id: unknown = null;
    let parsed: z.ZodSafeParseResult<z.infer<S>> | null;
    try {
      const json = JSON.parse(raw) as unknown;
      id = (json as { id?: unknown } | null)?.id ?? null;
      parsed = schema.safeParse(json);
    } catch (err) {
      debugLog('line %d is not JSON: %s', lineNo, err);
      parsed = null;
    }
    io.stdout.write(JSON.stringify(parsed?.success ? each(parsed.data) : { id, error: `line ${lineNo}: expected ${expected}` }) + '\n');
  }
  return 0;
}
