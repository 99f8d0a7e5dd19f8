// `newsbot jobs failed [--json]` and `newsbot jobs retry <id|all>`.
// With REDIS_URL they talk to BullMQ, where failed jobs live in Redis. In the embedded mode the
// running process records failed jobs as files under DATA_DIR/failed-jobs; `retry` marks them,
// and the running process re-queues them within a few seconds (or at its next start).
import { createFailedJobDir } from '../adapters/inprocess/failed-dir.ts';
import { failedJobsDir, openQueue } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { FailedJob } from '../queue/port.ts';
import { cliLogger } from './ingest.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

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

const command: CliCommand = {
  name: 'jobs',
  usage: 'newsbot jobs failed [--json] | retry <id|all>',
  summary: 'list failed background jobs, or run them again',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'failed' && sub !== 'retry') throw new UsageError('expected failed or retry (newsbot jobs failed | newsbot jobs retry <id|all>)');
    const { positional, flags } = parseArgs(rest, { flags: ['json'] });
    if (sub === 'retry' && positional.length !== 1) throw new UsageError('jobs retry needs one job id (from `newsbot jobs failed`) or all');
    if (sub === 'failed' && positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    const config = loadConfig(io.env);
    const log = cliLogger(io, config);

    if (config.REDIS_URL) {
      const queue = await openQueue(config, log);
      try {
        if (sub === 'failed') print(await queue.failed(), flags.has('json'), io.stdout);
        else io.stdout.write(`${await queue.retry(positional[0]!)} job(s) re-queued\n`);
      } finally {
        await queue.close(1000);
      }
      return 0;
    }

    const failedLog = createFailedJobDir(failedJobsDir(config));
    if (sub === 'failed') {
      print(await failedLog.list(), flags.has('json'), io.stdout);
      return 0;
    }
    const n = await failedLog.requestRetry(positional[0]!);
    if (n === 0 && positional[0] !== 'all') throw new UsageError(`no failed job ${positional[0]} (see newsbot jobs failed)`);
    io.stdout.write(`${n} job(s) marked for retry; the running newsbot re-queues them within seconds (or when it next starts)\n`);
    return 0;
  },
};

function print(jobs: FailedJob[], json: boolean, out: NodeJS.WritableStream): void {
  if (json) {
    out.write(JSON.stringify(jobs.map((j) => ({ ...j, failedAt: j.failedAt.toISOString() }))) + '\n');
    return;
  }
  out.write(jobs.length ? jobs.map(show).join('\n') + '\n' : 'no failed jobs\n');
}

export default command;
