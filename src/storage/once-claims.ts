import type { Queryable } from './database.ts';

/**
 * Claims `key` for this caller, once across every replica and restart: true for exactly one
 * caller. Used for Slack event ids, nudges and anything else that must happen once.
 */
export async function claimOnce(db: Queryable, key: string, owner = `pid:${process.pid}`): Promise<boolean> {
  const result = await db.query(
    'INSERT INTO once_claims (key, owner) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
    [key, owner],
  );
  return result.rows.length === 1;
}

/** Gives a claim back, when the work it guarded failed before it had any effect. */
export async function releaseClaim(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM once_claims WHERE key = $1', [key]);
}
