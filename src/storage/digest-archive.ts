import type { Digest } from '../core/digest/digest.ts';
import type { DigestArchive } from '../core/digest/digest-source.ts';
import type { Queryable } from './database.ts';

/** Digests stored once per week and scope: the first computation wins, across replicas. */
export function createDigestArchive(db: Queryable): DigestArchive {
  const find = async (week: string, scope: string) => {
    const result = await db.query<{ digest: Digest | string }>(
      'SELECT digest FROM digests WHERE week = $1 AND scope = $2',
      [week, scope],
    );
    const stored = result.rows[0]?.digest;
    if (stored === undefined) return null;
    // Written by us from a validated Digest; jsonb comes back parsed (pg) or as text (never here).
    return typeof stored === 'string' ? (JSON.parse(stored) as Digest) : stored;
  };
  return {
    find,
    async keep(week, scope, digest) {
      await db.query(
        'INSERT INTO digests (week, scope, digest) VALUES ($1, $2, $3) ON CONFLICT (week, scope) DO NOTHING',
        [week, scope, JSON.stringify(digest)],
      );
      const stored = await find(week, scope);
      if (!stored) throw new Error(`digest ${week}/${scope} vanished after it was stored`);
      return stored;
    },
  };
}
