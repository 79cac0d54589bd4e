import type { DigestPostLedger } from '../core/digest/publish-digest.ts';
import type { Queryable } from './database.ts';

/** Digest posts claimed atomically in SQL (INSERT … ON CONFLICT), never get-then-set. */
export function createDigestPostLedger(db: Queryable): DigestPostLedger {
  return {
    async claim({ week, scope, destination, now, leaseMs, late }) {
      const lease = new Date(now.getTime() + leaseMs).toISOString();
      const inserted = await db.query(
        `INSERT INTO digest_posts (week, scope, destination, late, claimed_at, lease_until)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING week`,
        [week, scope, destination, late, now.toISOString(), lease],
      );
      if (inserted.rowCount > 0) return { status: 'claimed' };
      // Taken over only when the earlier claimer's lease ran out without a post (it crashed).
      const taken = await db.query<{ earlier: Date | string }>(
        `UPDATE digest_posts d SET claimed_at = $4, lease_until = $5, late = d.late OR $6
           FROM (SELECT claimed_at FROM digest_posts WHERE week = $1 AND scope = $2 AND destination = $3) earlier
          WHERE d.week = $1 AND d.scope = $2 AND d.destination = $3 AND d.posted_at IS NULL AND d.lease_until <= $4
          RETURNING earlier.claimed_at AS earlier`,
        [week, scope, destination, now.toISOString(), lease, late],
      );
      const earlier = taken.rows[0]?.earlier;
      if (earlier !== undefined) return { status: 'reclaimed', earlierAttemptAt: new Date(earlier) };
      const row = await db.query<{ posted: boolean }>(
        'SELECT posted_at IS NOT NULL AS posted FROM digest_posts WHERE week = $1 AND scope = $2 AND destination = $3',
        [week, scope, destination],
      );
      return { status: row.rows[0]?.posted ? 'posted' : 'busy' };
    },
    async markPosted({ week, scope, destination, postId, now, chart }) {
      await db.query(
        `UPDATE digest_posts SET post_id = $4, posted_at = $5, chart = $6
          WHERE week = $1 AND scope = $2 AND destination = $3`,
        [week, scope, destination, postId, now.toISOString(), chart ? 'posted' : 'none'],
      );
    },
    async release({ week, scope, destination }) {
      await db.query(
        'DELETE FROM digest_posts WHERE week = $1 AND scope = $2 AND destination = $3 AND posted_at IS NULL',
        [week, scope, destination],
      );
    },
  };
}
