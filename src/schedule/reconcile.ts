// Keeps the scheduler in step with the subscription table: one schedule `sub.<id>` per
// subscription, nothing else under that prefix. Run at start and after every subscription
// change (CommandDeps.onSubscriptionsChanged). Idempotent; safe from several processes at once.
import type { Store } from '../store/ports.ts';
import { SUBSCRIPTION_PREFIX } from './fire.ts';
import type { Scheduler } from './port.ts';

export async function reconcileSubscriptions(
  store: Pick<Store, 'subscriptions'>,
  scheduler: Scheduler,
): Promise<{ upserted: number; removed: number }> {
  const subs = await store.subscriptions.list();
  const want = new Set(subs.map((s) => SUBSCRIPTION_PREFIX + s.id));
  let removed = 0;
  for (const e of await scheduler.list()) {
    if (e.id.startsWith(SUBSCRIPTION_PREFIX) && !want.has(e.id)) {
      if (await scheduler.remove(e.id)) removed++;
    }
  }
  for (const s of subs) {
    await scheduler.upsert(
      SUBSCRIPTION_PREFIX + s.id,
      { cron: s.cron, tz: s.timezone },
      { name: 'post-digest', payload: { subscriptionId: s.id } },
    );
  }
  return { upserted: subs.length, removed };
}

/** The fixed schedules: ingest on INGEST_CRON (UTC) and a daily prune. */
export async function upsertFixedSchedules(scheduler: Scheduler, ingestCron: string): Promise<void> {
  await scheduler.upsert('ingest', { cron: ingestCron, tz: 'UTC' }, { name: 'ingest-tick', payload: {} });
  await scheduler.upsert('prune', { cron: '17 3 * * *', tz: 'UTC' }, { name: 'prune', payload: {} });
}
