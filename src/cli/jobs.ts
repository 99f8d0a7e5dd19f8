// `newsbot jobs failed [--json]` and `newsbot jobs retry <id|all>`.
// With REDIS_URL they talk to BullMQ, where failed jobs live in Redis. In the embedded mode the
// running process records failed jobs as files under DATA_DIR/failed-jobs; `retry` marks them,
// and the running process re-queues them within a few seconds (or at its next start).
// `failed` also lists what else was finally lost: chat posts the Discord and Slack adapters gave
// up on (rows in the store) and scheduled digests marked failed in the store. Those
// are read through the Store port only, so this command never loads discord.js or Bolt.
import { LEGACY_FAILED_POST_KEYS } from '../conversation/failed-posts.ts';
import type { Logger } from '../log.ts';
import type { FailedJob } from '../queue/port.ts';
import type { ChatFailure, Store } from '../store/ports.ts';
import { cliLogger } from './ingest.ts';
import { UsageError, parseArgs, type CliCommand, type CliRoot } from './types.ts';

const oneLine = (s: string, max = 200) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
};

function show(j: FailedJob): string {
  const when = j.failedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    `${j.id}  ${j.name}  failed ${when} after ${j.attempts} attempt${j.attempts === 1 ? '' : 's'}`,
    `    error: ${oneLine(j.error)}`,
    `    payload: ${oneLine(JSON.stringify(j.payload) ?? 'null')}`,
  ].join('\n');
}

/** A failed chat post as printed: `at` is an ISO 8601 time. */
export interface FailedChatPost {
  platform: ChatFailure['platform'];
  what: string;
  channelId: string;
  error: string;
  at: string;
}

export interface FailedScheduledPost {
  subscriptionId: string;
  period: string;
  error: string;
  at: Date;
  /** From the subscription, when it still exists. */
  topic: string | null;
  platform: string | null;
  channelId: string | null;
}

export interface FailedPosts {
  chat: FailedChatPost[];
  scheduled: FailedScheduledPost[];
  /** Records that could not be read (malformed cache entries), said aloud rather than skipped. */
  problems: string[];
}

/** Everything the store says was finally not posted, oldest first within each list. */
export async function readFailedPosts(store: Store): Promise<FailedPosts> {
  const out: FailedPosts = { chat: [], scheduled: [], problems: [] };
  out.chat = (await store.chatFailures.list()).map((f) => ({ platform: f.platform, what: f.what, channelId: f.channelId, error: f.error, at: f.at.toISOString() }));
  for (const key of Object.values(LEGACY_FAILED_POST_KEYS)) {
    if (await store.cache.get(key)) out.problems.push(`${key} holds failed posts from an older version that could not be read`);
  }
  for (const p of await store.posts.failedPosts()) {
    const sub = await store.subscriptions.get(p.subscriptionId);
    out.scheduled.push({ ...p, topic: sub?.topic ?? null, platform: sub?.platform ?? null, channelId: sub?.channelId ?? null });
  }
  out.scheduled.sort((a, b) => a.at.getTime() - b.at.getTime());
  return out;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function showChat(p: FailedChatPost): string {
  return [`${p.platform}  ${p.what}  channel ${p.channelId}  failed ${p.at}`, `    error: ${oneLine(p.error)}`].join('\n');
}

function showScheduled(p: FailedScheduledPost): string {
  const where = p.topic !== null ? `"${oneLine(p.topic, 80)}" to ${p.platform} channel ${p.channelId}` : '(subscription since removed)';
  return [`subscription ${p.subscriptionId}  period ${p.period}  ${where}  failed ${iso(p.at)}`, `    error: ${oneLine(p.error)}`].join('\n');
}

const command: CliCommand = {
  name: 'jobs',
  async run(args, io, root) {
    const [sub, ...rest] = args;
    if (sub !== 'failed' && sub !== 'retry') throw new UsageError('expected failed or retry (newsbot jobs failed | newsbot jobs retry <id|all>)');
    const { positional, flags } = parseArgs(rest, { flags: ['json'] });
    if (sub === 'retry' && positional.length !== 1) throw new UsageError('jobs retry needs one job id (from `newsbot jobs failed`) or all');
    if (sub === 'failed' && positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    const config = await root.config();
    const log = cliLogger(io, config);

    if (sub === 'failed') {
      const jobs = config.REDIS_URL ? await (await root.queue(log)).failed() : await (await root.failedJobs()).list();
      const posts = await storeFailed(root, log, io.stderr);
      print(jobs, posts, flags.has('json'), io.stdout);
      if (posts) for (const p of posts.problems) io.stderr.write(`newsbot jobs: ${p}\n`);
      return 0;
    }

    if (config.REDIS_URL) {
      const queue = await root.queue(log);
      io.stdout.write(`${await queue.retry(positional[0]!)} job(s) re-queued\n`);
      return 0;
    }

    const failedLog = await root.failedJobs();
    const n = await failedLog.requestRetry(positional[0]!);
    if (n === 0 && positional[0] !== 'all') throw new UsageError(`no failed job ${positional[0]} (see newsbot jobs failed)`);
    io.stdout.write(`${n} job(s) marked for retry; the running newsbot re-queues them within seconds (or when it next starts)\n`);
    return 0;
  },
};

/** Failed posts from the store; null (with one line on stderr) when the store cannot be read. */
async function storeFailed(root: CliRoot, log: Logger, err: NodeJS.WritableStream): Promise<FailedPosts | null> {
  try {
    return await readFailedPosts(await root.store(log));
  } catch (e) {
    err.write(`newsbot jobs: could not read failed posts from the store: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return null;
  }
}

/**
 * Text: three sections (jobs, chat posts, scheduled posts), each saying "no failed …" when empty.
 * JSON: { jobs, chatPosts, scheduledPosts } with ISO times; the post lists are null when the
 * store could not be read.
 */
function print(jobs: FailedJob[], posts: FailedPosts | null, json: boolean, out: NodeJS.WritableStream): void {
  if (json) {
    out.write(
      JSON.stringify({
        jobs: jobs.map((j) => ({ ...j, failedAt: j.failedAt.toISOString() })),
        chatPosts: posts ? posts.chat : null,
        scheduledPosts: posts ? posts.scheduled.map((p) => ({ ...p, at: p.at.toISOString() })) : null,
      }) + '\n',
    );
    return;
  }
  const lines = [jobs.length ? jobs.map(show).join('\n') : 'no failed jobs'];
  if (posts) {
    lines.push(posts.chat.length ? `failed chat posts (${posts.chat.length}):\n${posts.chat.map(showChat).join('\n')}` : 'no failed chat posts');
    lines.push(
      posts.scheduled.length
        ? `failed scheduled posts (${posts.scheduled.length}):\n${posts.scheduled.map(showScheduled).join('\n')}`
        : 'no failed scheduled posts',
    );
  }
  out.write(lines.join('\n') + '\n');
}

export default command;
