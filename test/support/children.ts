// Child processes for multi-process tests: TypeScript scripts run with `node --import tsx`.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  proc: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
}

export async function startChild(script: string, env: Record<string, string>, readyLine = 'ready'): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${script} not ready in 20 s:\n${out}`)), 20_000);
    const check = () => {
      if (out.includes(readyLine)) {
        clearTimeout(t);
        resolve();
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`${script} exited ${code} before ready:\n${out}`)));
  });
  return { proc, pid: proc.pid!, output: () => out, exited };
}

/** Stops a child we started (SIGTERM, then SIGKILL after `ms`). */
export async function stopChild(c: Child, ms = 15_000): Promise<number | null> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return c.proc.exitCode;
  c.proc.kill('SIGTERM');
  const t = setTimeout(() => c.proc.kill('SIGKILL'), ms);
  const code = await c.exited;
  clearTimeout(t);
  return code;
}
