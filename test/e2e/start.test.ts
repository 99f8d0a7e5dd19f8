// `npm start` on the embedded default, as a user runs it: a real child process with the sample
// corpus, console chat on stdin/stdout, the ops server, and a clean exit on SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const out = read();
      if (pattern.test(out)) return resolve(out);
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${pattern}; got:\n${out.slice(-2000)}`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

let child: ChildProcessWithoutNullStreams | undefined;
let dir: string | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('newsbot start (embedded default)', () => {
  it('ingests the sample corpus, answers console commands, serves /healthz and exits 0 on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-e2e-'));
    const port = await freePort();
    child = spawn(process.execPath, ['bin/newsbot.js', 'start'], {
      cwd: root,
      env: { PATH: process.env.PATH, DATA_DIR: dir, HTTP_PORT: String(port), LOG_LEVEL: 'info' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));

    await waitFor(() => err, /"source ingested"/, 60_000);
    // The sample corpus has fixed dates; a wide window keeps this test true on any later day.
    child.stdin.write('/digest ukraine 3650d\n');
    const digest = await waitFor(() => out, /Digest \S+ · ask follow-up/, 30_000);
    expect(digest).toContain('# News digest: ukraine');
    expect(digest).toMatch(/\d+ sources?: /);
    expect(digest).toMatch(/“[^”]+” — [A-Z]/);

    child.stdin.write('/whosaid "not a phrase anyone in the corpus used"\n');
    await waitFor(() => out, /No quotes found/, 30_000);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { store: 'ok', queue: 'ok', console: 'ok' } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/newsbot_articles_ingested_total\{status="new"\} [1-9]/);
    expect(metrics).toMatch(/newsbot_command_duration_seconds_count\{command="digest",platform="console"\} 1/);

    const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(err).toContain('"stopped"');
    expect(err).not.toMatch(/"level":(50|60)/);
  }, 120_000);
});
