// Pool helpers shared by the PostgreSQL ports.
import type pg from 'pg';
import { debugLog } from '../../debug-log.ts';

export type Queryable = pg.Pool | pg.PoolClient;

/** Runs `fn` inside BEGIN/COMMIT on one pooled connection; rolls back and rethrows on error. */
export async function tx<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr) => debugLog('rollback failed: %s', rollbackErr));
    throw err;
  } finally {
    client.release();
  }
}

/**
 * PostgreSQL text cannot hold NUL characters; untrusted article text sometimes does. They carry no
 * meaning, so they are dropped rather than failing the write.
 */
export const noNul = <T extends string | null | undefined>(s: T): T =>
  (typeof s === 'string' ? s.replaceAll('\u0000', '') : s) as T;

/** Rejects invalid dates with a clear message rather than sending them to the server. */
export function validDate(d: Date, field: string): Date {
  if (!(d instanceof Date) || !Number.isFinite(d.getTime())) throw new TypeError(`${field} must be a valid Date`);
  return d;
}

export { clampLimit } from '../../store/rows.ts';
