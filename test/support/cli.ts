// Runs the real CLI in-process with captured stdout/stderr, as a user's shell would see them.
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliCaptured(args: string[], opts: { env?: Record<string, string | undefined>; stdin?: string } = {}): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  err.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? '');
  const code = await runCli(args, { stdout: out, stderr: err, stdin, env: opts.env ?? {} });
  return { code, stdout, stderr };
}
