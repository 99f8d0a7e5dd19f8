// Who may manage sources and subscriptions on Slack: workspace admins and owners (users.info),
// plus the SLACK_MANAGER_IDS allow-list. Answers are cached per user for a few minutes so a busy
// channel does not spend its users.info rate limit; a failed lookup means "no" (and is logged).
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.ts';
import { usersInfoSchema } from './payloads.ts';

const TTL_MS = 5 * 60_000;

export function createManagerCheck(managerIds: string[], log: Logger) {
  const allow = new Set(managerIds);
  const cache = new Map<string, { ok: boolean; at: number }>();
  return async function canManage(client: webApi.WebClient, userId: string): Promise<boolean> {
    if (allow.has(userId)) return true;
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.ok;
    try {
      const parsed = usersInfoSchema.safeParse(await client.users.info({ user: userId }));
      const u = parsed.success ? parsed.data.user : {};
      const ok = Boolean(u.is_admin || u.is_owner || u.is_primary_owner);
      cache.set(userId, { ok, at: Date.now() });
      return ok;
    } catch (err) {
      log.warn({ err, userId }, 'slack users.info failed; treating user as non-manager');
      return false;
    }
  };
}
