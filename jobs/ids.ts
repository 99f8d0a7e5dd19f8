// Building blocks of deterministic job ids. Ids avoid ':' (BullMQ reserves it) and stay short.
import { createHash } from 'node:crypto';

export const shortHash = (s: string, len = 16) => createHash('sha256').update(s).digest('hex').slice(0, len);

/** "2026-11-28T08:30" -> "2026-11-28T0830"; keeps ids readable in `newsbot jobs failed`. */
export const idPart = (s: string) => s.replaceAll(':', '').replace(/[^\w.+-]/g, '_');
