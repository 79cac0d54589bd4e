import type { InboxEntry, InboxSource, StoredInboxEntry } from '../core/inbox.ts';
import type { Database, Queryable } from './database.ts';
import { createGroupCommit } from './group-commit.ts';

/** The inbox table (migration 3): appends by group commit, claims with leases for the worker. */
export interface InboxStore {
  /** Commits the entry (one multi-row INSERT shared with concurrent callers); false when already stored. */
  append(entry: InboxEntry): Promise<{ stored: boolean }>;
  /**
   * Takes up to `limit` entries that are due and not leased by a live worker, oldest first,
   * leasing them for `leaseSeconds` (a dead worker's entries come back when its lease runs out).
   */
  claim(limit: number, leaseSeconds: number, sources: InboxSource[]): Promise<StoredInboxEntry[]>;
  /** Extends the lease of entries still being worked on (the worker's heartbeat). */
  renew(ids: string[], leaseSeconds: number): Promise<void>;
  /** Marks the entry processed (group commit: one UPDATE shared with concurrent callers). */
  complete(id: string): Promise<void>;
  /** Records a failed attempt: retried after `retryInSeconds`, or dead when null. */
  fail(id: string, error: string, retryInSeconds: number | null): Promise<void>;
  /** Entries not yet processed (neither done nor dead). */
  countPending(): Promise<number>;
  /** Whether this entry is stored and not yet processed (neither done nor dead). */
  isPending(source: InboxSource, platformId: string): Promise<boolean>;
  /**
   * Gives a dead entry (an `inbox:<source>` dead letter's `meta.inboxId`) a fresh set of attempts;
   * a running worker processes it again. False when there is no such dead entry.
   */
  revive(id: string): Promise<boolean>;
  /**
   * Deletes processed entries older than `days` (their raw payload holds customer text); platform
   * retries come within minutes, so the dedup window stays. Returns how many went.
   */
  prune(days: number): Promise<number>;
}

export function createInboxStore(
  db: Queryable & Partial<Pick<Database, 'queryFirst'>>,
  options: { maxBatch?: number; maxInFlight?: number } = {},
): InboxStore {
  // Appends are what the platform waits for: ahead of processing on a single connection.
  const queryFirst = db.queryFirst?.bind(db) ?? db.query.bind(db);
  const writer = createGroupCommit<InboxEntry, { stored: boolean }>({
    maxBatch: options.maxBatch ?? 500,
    maxInFlight: options.maxInFlight ?? 2,
    async write(entries) {
      const params: unknown[] = [];
      const rows = entries.map((entry) => {
        params.push(entry.source, entry.platformId, JSON.stringify(entry.payload));
        const n = params.length;
        return `($${n - 2}, $${n - 1}, $${n})`;
      });
      const result = await queryFirst<{ source: string; platform_id: string }>(
        `INSERT INTO inbox (source, platform_id, payload) VALUES ${rows.join(', ')}
         ON CONFLICT (source, platform_id) DO NOTHING RETURNING source, platform_id`,
        params,
      );
      const inserted = new Set(result.rows.map((row) => `${row.source}\u0000${row.platform_id}`));
      // The same id twice in one batch: the first copy is the stored one.
      return entries.map((entry) => {
        const key = `${entry.source}\u0000${entry.platformId}`;
        const stored = inserted.delete(key);
        return { stored };
      });
    },
  });

  // Entries finished while a completion is being written share the next one: one UPDATE for many.
  const completer = createGroupCommit<string, void>({
    maxBatch: options.maxBatch ?? 500,
    maxInFlight: options.maxInFlight ?? 2,
    async write(ids) {
      await db.query(
        'UPDATE inbox SET processed_at = now(), lease_until = NULL WHERE id = ANY($1::bigint[])',
        [ids],
      );
      return ids.map(() => undefined);
    },
  });

  return {
    append: (entry) => writer.add(entry),

    async claim(limit, leaseSeconds, sources) {
      const result = await db.query<{
        id: string;
        source: InboxSource;
        platform_id: string;
        payload: unknown;
        received_at: string | Date;
        attempts: number;
      }>(
        `UPDATE inbox SET lease_until = now() + make_interval(secs => $2), attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM inbox
           WHERE processed_at IS NULL AND dead_at IS NULL AND available_at <= now()
             AND (lease_until IS NULL OR lease_until < now()) AND source = ANY($3)
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, source, platform_id, payload, received_at, attempts`,
        [limit, leaseSeconds, sources],
      );
      return result.rows
        .map((row) => ({
          id: String(row.id),
          source: row.source,
          platformId: row.platform_id,
          payload: row.payload,
          receivedAt: new Date(row.received_at),
          attempts: Number(row.attempts),
        }))
        .sort((a, b) => Number(a.id) - Number(b.id));
    },

    async renew(ids, leaseSeconds) {
      if (ids.length === 0) return;
      await db.query(
        `UPDATE inbox SET lease_until = now() + make_interval(secs => $2)
         WHERE id = ANY($1::bigint[]) AND processed_at IS NULL`,
        [ids, leaseSeconds],
      );
    },

    complete: (id) => completer.add(id),

    async fail(id, error, retryInSeconds) {
      await db.query(
        retryInSeconds === null
          ? 'UPDATE inbox SET last_error = $2, dead_at = now(), lease_until = NULL WHERE id = $1'
          : `UPDATE inbox SET last_error = $2, lease_until = NULL,
               available_at = now() + make_interval(secs => $3) WHERE id = $1`,
        retryInSeconds === null ? [id, error] : [id, error, retryInSeconds],
      );
    },

    async revive(id) {
      const result = await db.query(
        `UPDATE inbox SET dead_at = NULL, attempts = 0, available_at = now(), lease_until = NULL
         WHERE id = $1 AND dead_at IS NOT NULL RETURNING id`,
        [id],
      );
      return result.rows.length > 0;
    },

    async prune(days) {
      const result = await db.query(
        `DELETE FROM inbox WHERE processed_at < now() - make_interval(days => $1) RETURNING id`,
        [days],
      );
      return result.rows.length;
    },

    async isPending(source, platformId) {
      const result = await db.query(
        `SELECT 1 FROM inbox WHERE source = $1 AND platform_id = $2
           AND processed_at IS NULL AND dead_at IS NULL`,
        [source, platformId],
      );
      return result.rows.length > 0;
    },

    async countPending() {
      const result = await db.query<{ n: string }>(
        'SELECT count(*) AS n FROM inbox WHERE processed_at IS NULL AND dead_at IS NULL',
      );
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}
