// Missed digests after downtime. At start, for every subscription, the latest slot within the
// grace window is fired once (the claim makes it a no-op when it was posted before the
// downtime); a slot missed earlier than that is skipped with a log line.
import type { Logger } from '../log.ts';
import type { Store } from '../store/ports.ts';
import { lastFireAtOrBefore, parseCron } from './cron.ts';
import { DEFAULT_GRACE_MS, SUBSCRIPTION_PREFIX } from './fire.ts';
import { periodOf } from './period.ts';
import type { FireFn } from './port.ts';

/** How far before the grace window a missed slot is still reported as skipped. */
const REPORT_LOOKBACK_MS = 26 * 3600_000;

export async function catchUpMissed(o: {
  store: Pick<Store, 'subscriptions' | 'posts'>;
  fire: FireFn;
  log: Logger;
  now?: Date;
  graceMs?: number;
}): Promise<{ fired: number; skipped: number }> {
  const now = o.now ?? new Date();
  const graceMs = o.graceMs ?? DEFAULT_GRACE_MS;
  let fired = 0;
  let skipped = 0;
  for (const sub of await o.store.subscriptions.list()) {
    const cron = parseCron(sub.cron);
    if ('error' in cron) {
      o.log.warn({ subscriptionId: sub.id, cron: sub.cron, err: cron.error }, 'subscription has an unreadable schedule');
      continue;
    }
    const recent = lastFireAtOrBefore(cron, sub.timezone, now, graceMs);
    if (recent && recent >= sub.createdAt) {
      await o.fire(SUBSCRIPTION_PREFIX + sub.id, { name: 'post-digest', payload: { subscriptionId: sub.id } }, recent);
      fired++;
      continue;
    }
    const older = lastFireAtOrBefore(cron, sub.timezone, new Date(now.getTime() - graceMs), REPORT_LOOKBACK_MS);
    if (!older || older < sub.createdAt) continue;
    const period = periodOf(older, sub.timezone);
    const last = await o.store.posts.lastPosted(sub.id);
    if (!last || last.period < period) {
      skipped++;
      o.log.warn({ subscriptionId: sub.id, period }, 'missed digest period skipped: past the grace window');
    }
  }
  return { fired, skipped };
}
