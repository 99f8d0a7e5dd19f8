// Registers the slash commands with Discord: globally (may take up to an hour to show) or to one
// guild (instant; DISCORD_GUILD_ID). `ensureCommandsRegistered` skips the PUT when the hash of
// the definitions equals the one stored in the cache after the last successful registration,
// so restarts do not hit Discord's command-create rate limit. PUT is a bulk overwrite: idempotent.
import { REST, Routes } from 'discord.js';
import type { Command } from '../../conversation/types.ts';
import type { Logger } from '../../log.ts';
import type { CacheStore } from '../../store/ports.ts';
import { definitionsHash, toDiscordCommands } from './definitions.ts';

export interface RegisterTarget {
  rest: REST;
  applicationId: string;
  guildId?: string | undefined;
}

export async function registerCommands(t: RegisterTarget, commands: Command<unknown>[]): Promise<number> {
  const body = toDiscordCommands(commands);
  const route = t.guildId ? Routes.applicationGuildCommands(t.applicationId, t.guildId) : Routes.applicationCommands(t.applicationId);
  const result = (await t.rest.put(route, { body })) as unknown[];
  return result.length;
}

const hashKey = (t: RegisterTarget) => `discord:commands-hash:${t.applicationId}:${t.guildId ?? 'global'}`;

/** Registers when the definitions changed since the last registration; returns whether it did. */
export async function ensureCommandsRegistered(
  t: RegisterTarget,
  commands: Command<unknown>[],
  cache: CacheStore,
  log: Logger,
  opts: { force?: boolean } = {},
): Promise<boolean> {
  const hash = definitionsHash(toDiscordCommands(commands), t.guildId ?? 'global');
  if (!opts.force && (await cache.get(hashKey(t))) === hash) {
    log.debug({ scope: t.guildId ?? 'global' }, 'discord commands unchanged; not registering');
    return false;
  }
  const n = await registerCommands(t, commands);
  await cache.put(hashKey(t), hash);
  log.info({ scope: t.guildId ? `guild ${t.guildId}` : 'global', commands: n }, 'discord commands registered');
  return true;
}

/**
 * One-shot registration for `newsbot register-commands`: REST only (no gateway); the
 * application id comes from GET /applications/@me. Always registers, then stores the hash.
 */
export async function registerWithToken(
  o: { token: string; apiUrl?: string | undefined; guildId?: string | undefined },
  commands: Command<unknown>[],
  cache: CacheStore,
  log: Logger,
): Promise<{ applicationId: string; scope: string }> {
  const rest = new REST({ ...(o.apiUrl ? { api: o.apiUrl } : {}) }).setToken(o.token);
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  await ensureCommandsRegistered({ rest, applicationId: app.id, guildId: o.guildId }, commands, cache, log, { force: true });
  return { applicationId: app.id, scope: o.guildId ? `guild ${o.guildId}` : 'global' };
}
