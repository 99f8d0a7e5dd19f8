// Sharding for large bots (roughly 2,500+ guilds; Discord requires it from 2,500). With
// DISCORD_SHARDS set ('auto' or a number), `startShardManager` runs discord.js's ShardingManager
// in the parent process: it spawns one child process per shard (bin/newsbot.js start --role <role>)
// with SHARDS / SHARD_COUNT in its environment; `shardsFromEnv` reads them back in the child,
// which passes them to `createDiscordAdapter({ shards })`. Everything shared lives in the store
// (and the queue with REDIS_URL), so shards and workers can be separate processes.
//
// The children inherit the parent's environment (discord.js copies process.env) and its stdout /
// stderr. Only the child holding shard 0 runs the schedules and the ingest at start (see
// src/main.ts), so N shards do not ingest or fire N times.
import type { ChildProcess } from 'node:child_process';
import { ShardingManager } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import { debugLog } from '../../debug-log.ts';

export interface ShardManagerOptions {
  /** Entry script each shard runs, e.g. bin/newsbot.js with args ['start', '--role', 'bot']. */
  script: string;
  args?: string[];
  token: string;
  /** DISCORD_SHARDS: 'auto' (Discord's recommendation from /gateway/bot) or a count. */
  shards: string;
  /** DISCORD_API_URL (REST base without /v10); Discord's own when unset. */
  apiUrl?: string | undefined;
  log: Logger;
  /** Pause between shard spawns (ms). Discord allows one IDENTIFY per 5 s per bucket; default 5500 as discord.js. */
  spawnDelayMs?: number;
}

export interface ShardManager {
  manager: ShardingManager;
  /** SIGTERMs every shard child and waits for it to exit; SIGKILLs what is left after `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

const gatewayBot = z.object({ shards: z.number().int().positive() });

/**
 * Discord's recommended shard count from GET /gateway/bot. Resolved here rather than by
 * ShardingManager's totalShards 'auto', which always asks discord.com and ignores DISCORD_API_URL.
 */
export async function recommendedShardCount(token: string, apiUrl = 'https://discord.com/api'): Promise<number> {
  const res = await fetch(`${apiUrl.replace(/\/+$/, '')}/v10/gateway/bot`, {
    headers: { authorization: `Bot ${token}` },
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`discord /gateway/bot answered ${res.status}; cannot resolve DISCORD_SHARDS=auto`);
  const parsed = gatewayBot.safeParse(await res.json().catch((err) => { debugLog('discord /gateway/bot body is not JSON: %s', err); return null; }));
  if (!parsed.success) throw new Error('discord /gateway/bot gave no shard count; set DISCORD_SHARDS to a number');
  return parsed.data.shards;
}

/** Spawns every shard and resolves once each has connected (the manager waits for each READY). */
export async function startShardManager(o: ShardManagerOptions): Promise<ShardManager> {
  const totalShards = o.shards === 'auto' ? await recommendedShardCount(o.token, o.apiUrl) : Number(o.shards);
  const manager = new ShardingManager(o.script, { token: o.token, totalShards, shardArgs: o.args ?? [], respawn: true });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    o.log.info({ shard: shard.id, of: totalShards }, 'discord shard spawned');
    // Outside stop(), a death means a crash; the manager respawns the shard (respawn: true).
    shard.on('death', (child) => {
      if (!stopping) o.log.warn({ shard: shard.id, code: (child as ChildProcess).exitCode }, 'discord shard exited; respawning');
    });
    // An unhandled 'error' (a failed respawn) would throw in the supervisor.
    shard.on('error', (err) => o.log.error({ err, shard: shard.id }, 'discord shard failed'));
  });

  const children = () => [...manager.shards.values()].map((s) => s.process).filter((p): p is ChildProcess => p !== null);
  async function stop(graceMs: number): Promise<void> {
    stopping = true;
    const alive = children().filter((p) => p.exitCode === null && p.signalCode === null);
    const exited = alive.map((p) => new Promise<void>((resolve) => p.once('exit', () => resolve())));
    // Shard.kill() detaches the respawn listener before sending SIGTERM, so nothing comes back.
    for (const shard of manager.shards.values()) if (shard.process) shard.kill();
    const timer = setTimeout(() => {
      for (const p of alive) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    }, graceMs);
    await Promise.all(exited);
    clearTimeout(timer);
  }

  try {
    await manager.spawn({ delay: o.spawnDelayMs ?? 5500 });
  } catch (err) {
    // A shard that never became ready (or died) must not leave its siblings running unsupervised.
    await stop(5000);
    throw err;
  }
  return { manager, stop };
}

/** Shard ids and count given to a shard child by the ShardingManager, or undefined when unsharded. */
export function shardsFromEnv(env: Record<string, string | undefined>): { ids: number[]; count: number } | undefined {
  if (!env.SHARDS || !env.SHARD_COUNT) return undefined;
  const ids = env.SHARDS.split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  const count = Number(env.SHARD_COUNT);
  return ids.length && Number.isInteger(count) && count > 0 ? { ids, count } : undefined;
}
