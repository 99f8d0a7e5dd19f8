// Turns schedule fires into jobs. Three kinds of schedule:
//   sub.<subscriptionId>  -> post-digest { subscriptionId, period } (period = fire time in the
//                            subscription's timezone, src/schedule/period.ts)
//   ingest                -> one ingest-source per stored source, spread by a per-source delay
//   prune                 -> prune { day }
// Fires later than the grace window (downtime, a backlog) are skipped with a log line; fires in
// quiet hours are skipped. Job ids are deterministic, so two processes firing the same slot
// enqueue one job (BullMQ) or two jobs of which the store claim lets one post (embedded).
import { createHash } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { Work } from '../queue/work.ts';
import type { Store } from '../store/ports.ts';
import { isQuiet, periodOf } from './period.ts';
import type { FireFn } from './port.ts';

export const SUBSCRIPTION_PREFIX = 'sub.';
export const DEFAULT_GRACE_MS = 2 * 3600_000;

export interface FireOptions {
  store: Store;
  /** Where fires become jobs (src/app/work.ts). */
  work: Work;
  log: Logger;
  now?: () => Date;
  /** How late a digest fire may be and still post; default 2 h. */
  graceMs?: number;
  /** Ingest fires spread sources over [0, jitterMs); default 5 min. */
  jitterMs?: number;
}

/** Deterministic delay of a source within an ingest tick, so sources do not all fetch at once. */
export function jitterDelay(sourceId: string, jitterMs: number): number {
  if (jitterMs <= 0) return 0;
  return createHash('sha256').update(sourceId).digest().readUInt32BE(0) % jitterMs;
}

export function createFireHandler(o: FireOptions): FireFn {
  const now = o.now ?? (() => new Date());
  const graceMs = o.graceMs ?? DEFAULT_GRACE_MS;
  const jitterMs = o.jitterMs ?? 5 * 60_000;

  return async (id, job, firedAt) => {
    const lateMs = now().getTime() - firedAt.getTime();
    if (id.startsWith(SUBSCRIPTION_PREFIX)) {
      const subscriptionId = String(job.payload.subscriptionId ?? id.slice(SUBSCRIPTION_PREFIX.length));
      const sub = await o.store.subscriptions.get(subscriptionId);
      if (!sub) return void o.log.info({ subscriptionId }, 'schedule fired for a removed subscription');
      const period = periodOf(firedAt, sub.timezone);
      if (lateMs > graceMs) {
        return void o.log.warn({ subscriptionId, period, lateMinutes: Math.round(lateMs / 60_000) }, 'digest period skipped: past the grace window');
      }
      if (isQuiet(firedAt, sub.timezone, sub.quietHours)) {
        return void o.log.info({ subscriptionId, period, quietHours: sub.quietHours }, 'digest period skipped: quiet hours');
      }
      await o.work.postDigest(subscriptionId, period);
      return;
    }
    if (id === 'ingest') {
      // An ingest tick older than the grace window is superseded by the next one.
      if (lateMs > graceMs) return void o.log.warn({ firedAt }, 'ingest tick skipped: too late');
      const sources = await o.store.sources.list();
      for (const s of sources) await o.work.ingestSource(s.id, { at: firedAt, delayMs: jitterDelay(s.id, jitterMs) });
      o.log.info({ firedAt, sources: sources.length }, 'ingest tick');
      return;
    }
    if (id === 'prune') {
      await o.work.prune(firedAt.toISOString().slice(0, 10));
      return;
    }
    o.log.warn({ id, job: job.name }, 'unknown schedule fired; ignored');
  };
}
