// Sharding for large bots (roughly 2,500+ guilds; Discord requires it from 2,500). With
// DISCORD_SHARDS set ('auto' or a number), `startShardManager` runs discord.js's ShardingManager
// in the parent process: it spawns one child process per shard, each running the bot role with
// NEWSBOT_SHARD_IDS / NEWSBOT_SHARD_COUNT in its environment (the ShardingManager passes
// SHARDS and SHARD_COUNT; the child entry maps them to `createDiscordAdapter({ shards })`).
// Everything shared lives in the store and queue (thread links, post claims, schedules), so
// shards and workers can be separate processes on separate machines.
//
// Wiring in src/app.ts / the start command:
//   if (config.DISCORD_SHARDS && !process.env.SHARDS) -> await startShardManager({ script, token, shards })
//   and in the child: createDiscordAdapter({ ..., shards: shardsFromEnv(process.env) }).
// Run the scheduler and workers in only one place (e.g. `--role worker` processes), not per shard.
import { ShardingManager } from 'discord.js';
import type { Logger } from '../../log.ts';

export interface ShardManagerOptions {
  /** Entry script each shard runs (the bot role), e.g. bin/newsbot.js with args ['start', '--role', 'bot']. */
  script: string;
  args?: string[];
  token: string;
  /** DISCORD_SHARDS: 'auto' (Discord's recommendation from /gateway/bot) or a count. */
  shards: string;
  log: Logger;
}

export async function startShardManager(o: ShardManagerOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(o.script, {
    token: o.token,
    totalShards: o.shards === 'auto' ? 'auto' : Number(o.shards),
    shardArgs: o.args ?? [],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => o.log.info({ shard: shard.id }, 'discord shard spawned'));
  await manager.spawn();
  return manager;
}

/** Shard ids and count given to a shard child by the ShardingManager, or undefined when unsharded. */
export function shardsFromEnv(env: Record<string, string | undefined>): { ids: number[]; count: number } | undefined {
  if (!env.SHARDS || !env.SHARD_COUNT) return undefined;
  const ids = env.SHARDS.split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  const count = Number(env.SHARD_COUNT);
  return ids.length && Number.isInteger(count) && count > 0 ? { ids, count } : undefined;
}
