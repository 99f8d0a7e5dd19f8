// Discord sharding as an operator runs it: the real `newsbot start` process with DISCORD_SHARDS
// becomes discord.js's ShardingManager, whose real shard child processes connect to the fake
// Discord gateway on loopback. Everything else is the embedded default (SQLite in a temp dir,
// in-process queue).
import { execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { startNewsbotProcess } from '../support/newsbot-process.ts';
import { debugLog } from '../../src/debug-log.ts';

let parent: ChildProcessWithoutNullStreams | undefined;
let shardPids: number[] = [];
let fake: FakeDiscord | undefined;
let dir: string | undefined;
afterEach(async () => {
  // Whatever the outcome, nothing this file started outlives it.
  parent?.kill('SIGKILL');
  for (const pid of shardPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  parent = fake = dir = undefined;
  shardPids = [];
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    debugLog('pid %d is gone: %s', pid, err);
    return false;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A port P with P + 1 free as well (shard n serves ops on HTTP_PORT + n). */
async function twoFreePorts(): Promise<number> {
  for (;;) {
    const p = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    if (p < 65535 && (await portFree(p + 1))) return p;
  }
}

async function until<T>(what: string, probe: () => T | undefined | false, ms = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Pids of the shard processes the supervisor forked (its other child is tsx's esbuild service). */
function shardChildren(ppid: number): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(ppid)], { encoding: 'utf8' });
  } catch (err) {
    debugLog('ps found no children (it exits 1 then): %s', err);
    return [];
  }
  return out
    .split('\n')
    .filter((l) => l.includes('newsbot.js start'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

const logLines = (err: string, msg: string) =>
  err
    .split('\n')
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => JSON.parse(l) as { shards?: number[] });

describe('newsbot start with DISCORD_SHARDS', () => {
  it('spawns one process per shard, each shard answers the interactions on its own connection, and SIGTERM stops them all with exit 0', async () => {
    fake = await startFakeDiscord();
    dir = mkdtempSync(join(tmpdir(), 'newsbot-shards-'));
    const port = await twoFreePorts();
    const bot = startNewsbotProcess({ DATA_DIR: dir, HTTP_PORT: String(port), DISCORD_TOKEN: 'shard-token', DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: '2' });
    parent = bot.proc;

    // The supervisor logs 'discord shard spawned' per shard; each child logs its own start.
    await until('both shards started', () => logLines(bot.io.err, 'newsbot started').length === 2, 90_000);
    shardPids = shardChildren(bot.proc.pid!);
    expect(shardPids).toHaveLength(2);
    expect(shardPids).not.toContain(bot.proc.pid);
    expect(fake.identifiedShards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.connected).toBe(2);

    for (const shard of [0, 1]) {
      const { id, token } = fake.interaction('sources', { action: 'list' }, { shard });
      const ack = await fake.waitFor((r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`);
      expect(ack.body).toMatchObject({ type: 5 }); // deferred first (the 3 s rule) ...
      const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake!.appId}/${token}/messages/@original`);
      expect(JSON.stringify(edit.body)).toContain('Sources (1)'); // ... then edited, from the shared store
    }
    // Each interaction was handled by the process of the shard it arrived on: shard n counts its
    // commands on HTTP_PORT + n.
    for (const shard of [0, 1]) {
      const metrics = await (await fetch(`http://127.0.0.1:${port + shard}/metrics`)).text();
      expect(metrics).toMatch(/newsbot_command_duration_seconds_count\{command="sources",platform="discord"\} 1\n/);
      const health = await fetch(`http://127.0.0.1:${port + shard}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', checks: { discord: 'ok' } });
    }

    // Schedules and the ingest at start run once, in the process holding shard 0.
    await until('the sample feed ingested', () => logLines(bot.io.err, 'source ingested').length > 0);
    expect(logLines(bot.io.err, 'schedules reconciled').map((l) => l.shards)).toEqual([[0]]);
    expect(logLines(bot.io.err, 'source ingested').map((l) => l.shards)).toEqual([[0]]);

    bot.proc.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(logLines(bot.io.err, 'stopped').map((l) => l.shards?.[0]).sort()).toEqual([0, 1]);
    await until('shard processes gone', () => shardPids.every((pid) => !alive(pid)), 5_000);
    expect(bot.io.err).not.toMatch(/"level":(50|60)/);
  }, 150_000);

  it("with DISCORD_SHARDS=auto takes the shard count from DISCORD_API_URL's /gateway/bot, and shards exit by themselves when their supervisor is killed", async () => {
    fake = await startFakeDiscord();
    fake.recommendedShards = 2;
    dir = mkdtempSync(join(tmpdir(), 'newsbot-shards-'));
    const bot = startNewsbotProcess({ DATA_DIR: dir, HTTP_PORT: '0', DISCORD_TOKEN: 'shard-token', DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: 'auto' });
    parent = bot.proc;

    await until('both shards started', () => logLines(bot.io.err, 'newsbot started').length === 2, 90_000);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(fake.identifiedShards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    shardPids = shardChildren(bot.proc.pid!);
    expect(shardPids).toHaveLength(2);

    // No signal handler runs on SIGKILL: the shards notice their IPC channel closing.
    bot.proc.kill('SIGKILL');
    await bot.exited;
    await until('shard processes gone', () => shardPids.every((pid) => !alive(pid)), 30_000);
    expect(logLines(bot.io.err, 'stopped')).toHaveLength(2);
  }, 150_000);
});
