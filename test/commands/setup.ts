// Shared setup for the command tests: a real SQLite store in a temp file, a recording queue that
// implements the part of the JobQueue port commands use, a fixed clock, and fictional articles
// (outlets, places and people are invented) with the quotes extracted from them.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { allCommands } from '../../commands/index.ts';
import type { CommandDeps } from '../../commands/deps.ts';
import { runCommandText } from '../../commands/router.ts';
import type { CommandContext, Reply } from '../../commands/types.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { loadConfig } from '../../src/config.ts';
import type { Article } from '../../src/domain/types.ts';
import { createLogger } from '../../src/log.ts';
import { extractQuotes, speakersOf } from '../../src/nlp/quotes.ts';
import type { JobOptions, JobQueue } from '../../src/queue/port.ts';
import { renderText } from '../../src/render/text.ts';
import type { Store } from '../../src/store/ports.ts';
import { createWork } from '../../src/app/work.ts';

export const NOW = new Date('2031-05-20T12:00:00Z');
const HOUR = 3_600_000;

export interface Enqueued {
  name: string;
  payload: unknown;
  opts: JobOptions | undefined;
}

/** Records what commands enqueue; nothing runs. */
export class RecordingQueue implements Pick<JobQueue, 'enqueue'> {
  readonly jobs: Enqueued[] = [];
  async enqueue(name: string, payload: unknown, opts?: JobOptions): Promise<string> {
    this.jobs.push({ name, payload, opts });
    return opts?.jobId ?? `job-${this.jobs.length}`;
  }
}

export function article(id: string, o: { outlet: string; title: string; text: string; hoursAgo: number; url?: string }): Article {
  const publishedAt = new Date(NOW.getTime() - o.hoursAgo * HOUR);
  return {
    id,
    url: o.url ?? `https://news.example/${id}`,
    guid: null,
    sourceId: null,
    outlet: o.outlet,
    title: o.title,
    byline: null,
    publishedAt,
    fetchedAt: publishedAt,
    text: o.text,
    contentHash: createHash('sha256').update(o.text).digest('hex'),
  };
}

/** Fictional news: a harbour strike over a week, a ferry story, and two people named Kessler. */
export const ARTICLES: Article[] = [
  article('strike-today', {
    outlet: 'The Harbour Courier', title: 'Harbour strike in Port Velmar enters its third day', hoursAgo: 3,
    text: 'Dockworkers in Port Velmar stayed out for a third day of the harbour strike, halting grain shipments. ' +
      '“We will not accept a dead end on wages,” said union leader Mira Kovalenko at the gates.\n\n' +
      'Port managers said talks on the harbour strike would resume on Thursday.',
  }),
  article('strike-two-days', {
    outlet: 'Coastline Daily', title: 'Harbour strike begins as talks collapse in Port Velmar', hoursAgo: 50,
    text: 'A harbour strike began in Port Velmar after wage talks collapsed late on Sunday night. ' +
      '“The offer was theatre,” said Tomas Kessler, the union’s general secretary.\n\n' +
      'Cranes along the quay stood idle as the harbour strike took hold.',
  }),
  article('strike-five-days', {
    outlet: 'Brennholm Post', title: 'Harbour strike vote called by Velmar dockers', hoursAgo: 120,
    text: 'Dockers in Port Velmar voted on Wednesday to hold a harbour strike if wage talks failed. ' +
      '“The numbers do not add up,” said Lena Kessler, an auditor hired by the council.\n\n' +
      'The harbour strike vote passed by a wide margin, organisers said.',
  }),
  article('ferry-today', {
    outlet: 'Coastline Daily', title: 'New ferry to Saltreach island delayed', hoursAgo: 5,
    text: 'The new ferry to Saltreach island will start a month late because of engine trials. ' +
      '“Safety comes before the timetable,” said ferry director Ines Varo on Tuesday.\n\n' +
      'Islanders said the old ferry would keep running until the new one is ready.',
  }),
];

export async function seed(store: Store, articles: Article[] = ARTICLES): Promise<void> {
  for (const a of articles) {
    await store.articles.save(a);
    const quotes = extractQuotes(a.text);
    await store.quotes.replaceForArticle(a.id, quotes, speakersOf(quotes, a.text));
  }
}

export const manager: CommandContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  threadId: null,
  userId: 'U1',
  canManage: true,
};
export const reader: CommandContext = { ...manager, userId: 'U2', canManage: false };

/** The text a user would read: the private message, or the document rendered as plain text. */
export const shown = (r: Reply): string => (r.kind === 'private' ? r.text : renderText(r.doc));

export interface CommandFixture {
  store: Store;
  queue: RecordingQueue;
  deps: CommandDeps;
  /** What the logger wrote (JSON lines), for checking that failures are logged. */
  logged(): string;
  run(line: string, ctx?: CommandContext): Promise<Reply>;
  close(): Promise<void>;
}

export async function openFixture(o: { wrapStore?: (s: Store) => Store } = {}): Promise<CommandFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-commands-'));
  const real = await openSqliteStore(join(dir, 'newsbot.db'));
  const store = o.wrapStore ? o.wrapStore(real) : real;
  const queue = new RecordingQueue();
  let logText = '';
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logText += chunk.toString();
      done();
    },
  });
  const deps: CommandDeps = {
    config: loadConfig({ DATA_DIR: dir }),
    store,
    model: null,
    work: createWork(queue),
    log: createLogger('error', logStream),
    now: () => NOW,
    onSubscriptionsChanged: async () => {},
  };
  return {
    store,
    queue,
    deps,
    logged: () => logText,
    run: (line, ctx = reader) => runCommandText(allCommands, line, ctx, deps),
    async close() {
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
