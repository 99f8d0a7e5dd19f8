// `npm start` on the embedded default, as a user runs it: a real child process with the sample
// corpus, console chat on stdin/stdout, the ops server, and a clean exit on SIGTERM.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startNewsbotProcess } from '../support/newsbot-process.ts';

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

async function stop(proc: ChildProcessWithoutNullStreams): Promise<number | null> {
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  proc.kill('SIGTERM');
  return exit;
}

/** A folder `articles` in `dir` holding the given text articles (a.txt, b.txt, …); returns its path. */
function feedFolder(dir: string, articles: string[]): string {
  const feeds = join(dir, 'articles');
  mkdirSync(feeds);
  articles.forEach((text, i) => writeFileSync(join(feeds, `${String.fromCharCode(97 + i)}.txt`), text));
  return feeds;
}

/** A text article in the files format (header lines, title, paragraphs), dated `hoursAgo` before now. */
function article(outlet: string, hoursAgo: number, title: string, paragraphs: string[]): string {
  const date = new Date(Date.now() - hoursAgo * 3600_000).toISOString();
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return [`Outlet: ${outlet}`, `Date: ${date}`, `URL: https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${slug}`, '', title, '', ...paragraphs.join('\n\n').split('\n')].join('\n') + '\n';
}

describe('newsbot start (embedded default)', () => {
  it('with no configuration ingests the sample corpus and answers /whosaid from it, then exits 0 on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-e2e-'));
    const bot = startNewsbotProcess({ DATA_DIR: dir, HTTP_PORT: '0' });
    child = bot.proc;
    await waitFor(() => bot.io.err, /"changed":3\d,"msg":"source ingested"/, 60_000);
    // Quote extraction runs as queued jobs after ingest; ask until they have run.
    let answer = '';
    for (let i = 0; i < 50 && !/# Quotes by Ilse Brandt/.test(answer); i++) {
      bot.proc.stdin.write('/whosaid brandt\n');
      answer = await waitFor(() => bot.io.out, /# (Quotes by|No quotes)[^\n]*\n[\s\S]*\n\n/, 10_000);
      if (!/# Quotes by Ilse Brandt/.test(answer)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(answer).toContain('# Quotes by Ilse Brandt');
    expect(answer).toMatch(/“[^”]+” — Ilse Brandt \([^)]*<https:\/\/example\.org\/[^>]+>\)/);
    expect(await stop(bot.proc)).toBe(0);
    expect(bot.io.err).toContain('"stopped"');
  }, 120_000);

  it('answers a command piped in at once only after the sources read at start are in', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-e2e-'));
    const feeds = feedFolder(dir, [
      article('Pellow Gazette', 2, 'Pellow lighthouse relit after forty years', [
        'The Pellow lighthouse was relit on Saturday, forty years after its lamp went dark, the harbour trust said.',
      ]),
    ]);
    const bot = startNewsbotProcess({ DATA_DIR: dir, HTTP_PORT: '0', NEWSBOT_FEEDS: feeds });
    child = bot.proc;
    bot.proc.stdin.write('/digest lighthouse\n');
    const out = await waitFor(() => bot.io.out, /# News digest: lighthouse[\s\S]*\n\n/, 60_000);
    expect(out).toContain('Pellow lighthouse relit after forty years');
    expect(out).not.toContain('No stories about lighthouse');
    expect(await stop(bot.proc)).toBe(0);
  }, 120_000);

  it('makes one story of two outlets reporting an event, answers a follow-up from its sources, and serves /healthz and /metrics', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-e2e-'));
    const feeds = feedFolder(dir, [
      article('Pellow Gazette', 3, 'Pellow ferry service suspended after engine fire', [
        'The Pellow ferry service was suspended on Saturday after an engine fire on the MV Corran forced 140 passengers back to port, the operator said.',
        '“Nobody was hurt, and that is what matters tonight,” said harbour master Ines Vardy.',
        'The operator said repairs would take at least ten days.',
      ]),
      article('Corran Courier', 2, 'Engine fire halts Pellow ferry crossings', [
        'Crossings on the Pellow ferry route were halted on Saturday when fire broke out in the engine room of the MV Corran with 140 passengers aboard.',
        'Harbour master Ines Vardy said the crew had put the fire out within minutes.',
        '“The crew did everything right,” Vardy said.',
      ]),
      article('Pellow Gazette', 4, 'Library opening hours extended for winter', [
        'The Pellow town library will open until nine in the evening from December, the council said.',
      ]),
    ]);
    const port = await freePort();
    const bot = startNewsbotProcess({ DATA_DIR: dir, HTTP_PORT: String(port), NEWSBOT_FEEDS: feeds });
    child = bot.proc;
    await waitFor(() => bot.io.err, /"source ingested"/, 60_000);

    bot.proc.stdin.write('/digest ferry\n');
    const digest = await waitFor(() => bot.io.out, /Digest \S+ · ask follow-up/, 30_000);
    expect(digest).toContain('# News digest: ferry');
    expect(digest).toContain('1 story');
    expect(digest).toMatch(/2 sources: (Pellow Gazette|Corran Courier) .*· (Pellow Gazette|Corran Courier)/);
    expect(digest).not.toContain('Library opening hours');

    bot.proc.stdin.write('how many passengers were on the ferry?\n');
    const answer = await waitFor(() => bot.io.out, /# Answer[\s\S]*\[1\][\s\S]*\n\n/, 30_000);
    expect(answer).toMatch(/140 passengers[^\n]*\[1\]/);
    expect(answer).toMatch(/https:\/\/(pellowgazette|corrancourier)\.example\//);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { store: 'ok', queue: 'ok', console: 'ok' } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/newsbot_articles_ingested_total\{status="new"\} 3/);
    expect(metrics).toMatch(/newsbot_command_duration_seconds_count\{command="digest",platform="console"\} 1/);

    expect(await stop(bot.proc)).toBe(0);
    expect(bot.io.err).not.toMatch(/"level":(50|60)/);
  }, 120_000);
});
