import { z } from 'zod';
import type { Digest } from '../core/digest/digest.ts';
import type { DigestArchive } from '../core/digest/digest-source.ts';
import type { Queryable } from './database.ts';

// The stored JSON's outline, checked when read back (the full shape is written by us from a Digest).
const StoredDigestSchema = z
  .object({
    week: z.string().regex(/^\d{4}-W\d{2}$/),
    team: z.string().nullable(),
    language: z.string(),
    quiet: z.boolean(),
    volume: z.object({ requests: z.number() }).loose(),
    rising: z.array(z.object({ topic: z.string(), quotes: z.array(z.unknown()) }).loose()),
    falling: z.array(z.object({ topic: z.string(), quotes: z.array(z.unknown()) }).loose()),
    emerging: z.array(z.unknown()),
    accounts: z.object({ list: z.array(z.unknown()) }).loose(),
    responsiveness: z.object({ teams: z.array(z.unknown()) }).loose(),
    chart: z.array(z.unknown()),
    computedAt: z.string(),
  })
  .loose();

/** Digests stored once per week and scope: the first computation wins, across replicas. */
export function createDigestArchive(db: Queryable): DigestArchive {
  const find = async (week: string, scope: string) => {
    const result = await db.query<{ digest: unknown }>(
      'SELECT digest FROM digests WHERE week = $1 AND scope = $2',
      [week, scope],
    );
    const stored = result.rows[0]?.digest;
    if (stored === undefined) return null;
    const parsed = StoredDigestSchema.parse(typeof stored === 'string' ? JSON.parse(stored) : stored);
    // Digests kept before account health reached the digest have no health lists.
    return { ...parsed, accounts: { healthDrops: [], atRisk: [], ...parsed.accounts } } as unknown as Digest;
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
