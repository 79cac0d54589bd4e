import { z } from 'zod';
import type { Digest } from '../core/digest/digest.ts';
import type { DigestArchive } from '../core/digest/digest-source.ts';
import type { ThemeNamingBatch } from '../core/digest/theme-namer.ts';
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

const ThemeBatchSchema = z.object({ batchId: z.string(), submittedAt: z.string() });

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
    // Themes kept before Claude could name them were all named by their key phrases.
    parsed.emerging = parsed.emerging.map((theme) => ({ namedBy: 'key-phrases', ...(theme as object) }));
    // Digests kept before account health reached the digest have no health lists.
    return { ...parsed, accounts: { healthDrops: [], atRisk: [], ...parsed.accounts } } as unknown as Digest;
  };
  const insert = async (week: string, scope: string, digest: Digest, batch: ThemeNamingBatch | null) => {
    const result = await db.query(
      `INSERT INTO digests (week, scope, digest, theme_batch) VALUES ($1, $2, $3, $4)
       ON CONFLICT (week, scope) DO NOTHING RETURNING week`,
      [week, scope, JSON.stringify(digest), batch === null ? null : JSON.stringify(batch)],
    );
    return result.rows.length === 1;
  };
  const stored = async (week: string, scope: string) => {
    const digest = await find(week, scope);
    if (!digest) throw new Error(`digest ${week}/${scope} vanished after it was stored`);
    return digest;
  };
  return {
    find,
    async keep(week, scope, digest) {
      await insert(week, scope, digest, null);
      return stored(week, scope);
    },
    keepPrepared: (week, scope, digest, batch) => insert(week, scope, digest, batch),
    async pendingThemeBatch(week, scope) {
      const result = await db.query<{ theme_batch: unknown }>(
        'SELECT theme_batch FROM digests WHERE week = $1 AND scope = $2 AND theme_batch IS NOT NULL',
        [week, scope],
      );
      const batch = result.rows[0]?.theme_batch;
      if (batch === undefined || batch === null) return null;
      return ThemeBatchSchema.parse(typeof batch === 'string' ? JSON.parse(batch) : batch);
    },
    async settle(week, scope, batchId, digest) {
      // Only the first settlement of this batch replaces the prepared digest.
      await db.query(
        `UPDATE digests SET digest = $3, theme_batch = NULL
         WHERE week = $1 AND scope = $2 AND theme_batch->>'batchId' = $4`,
        [week, scope, JSON.stringify(digest), batchId],
      );
      return stored(week, scope);
    },
  };
}
