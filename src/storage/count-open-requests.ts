import type { Queryable } from './database.ts';

/** Requests of an account that are not resolved (App Home's "open requests" per account). */
export async function countOpenRequests(db: Queryable, accountId: string): Promise<number> {
  const result = await db.query<{ open: string | number }>(
    `SELECT count(*) AS open FROM requests WHERE account_id = $1 AND state <> 'resolved'`,
    [accountId],
  );
  return Number(result.rows[0]?.open ?? 0);
}
