// `newsbot start` as a real child process (bin/newsbot.js in the project root), with its output
// collected, for the end-to-end and sharding tests. The environment is only PATH, LOG_LEVEL=info
// and what the test passes: nothing leaks in from the shell running the tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface NewsbotProcess {
  proc: ChildProcessWithoutNullStreams;
  /** Everything written so far to stdout and stderr (pino logs go to stderr). */
  io: { out: string; err: string };
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export function startNewsbotProcess(env: Record<string, string>): NewsbotProcess {
  const proc = spawn(process.execPath, ['bin/newsbot.js', 'start'], {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env },
  });
  const io = { out: '', err: '' };
  proc.stdout.on('data', (d) => (io.out += String(d)));
  proc.stderr.on('data', (d) => (io.err += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, io, exited };
}
