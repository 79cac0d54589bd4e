import type { DeadLetter, DeadLetterSink } from '../core/ports.ts';
import type { Queryable } from './database.ts';

export interface StoredDeadLetter extends DeadLetter {
  id: string;
  createdAt: Date;
  retriedAt: Date | null;
  retryOutcome: string | null;
}

/** Input that could not be processed, kept whole (raw bytes) for inspection and retry. */
export function createDeadLetterStore(db: Queryable): DeadLetterSink & {
  list(limit?: number): Promise<StoredDeadLetter[]>;
  get(id: string): Promise<StoredDeadLetter | null>;
  markRetried(id: string, outcome: string, at: Date): Promise<void>;
  /** Deletes a letter for good; false when there was none. */
  discard(id: string): Promise<boolean>;
  /** Letters not yet retried successfully, by source, for metrics. */
  countOpenBySource(): Promise<Array<{ source: string; count: number }>>;
} {
  const toLetter = (row: Record<string, unknown>): StoredDeadLetter => ({
    id: String(row.id),
    source: String(row.source),
    reason: String(row.reason),
    raw: new Uint8Array(row.raw as Uint8Array),
    contentType: (row.content_type as string | null) ?? undefined,
    meta: (row.meta as Record<string, unknown>) ?? {},
    createdAt: new Date(row.created_at as string),
    retriedAt: row.retried_at ? new Date(row.retried_at as string) : null,
    retryOutcome: (row.retry_outcome as string | null) ?? null,
  });
  return {
    async keep(letter) {
      const result = await db.query<{ id: number }>(
        `INSERT INTO dead_letters (source, reason, raw, content_type, meta) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [
          letter.source,
          letter.reason,
          Buffer.from(letter.raw),
          letter.contentType ?? null,
          JSON.stringify(letter.meta ?? {}),
        ],
      );
      return String(result.rows[0]?.id);
    },
    async list(limit = 50) {
      const result = await db.query('SELECT * FROM dead_letters ORDER BY created_at DESC, id DESC LIMIT $1', [
        limit,
      ]);
      return result.rows.map(toLetter);
    },
    async get(id) {
      const result = await db.query('SELECT * FROM dead_letters WHERE id = $1', [Number(id)]);
      return result.rows[0] ? toLetter(result.rows[0]) : null;
    },
    async discard(id) {
      const result = await db.query('DELETE FROM dead_letters WHERE id = $1 RETURNING id', [Number(id)]);
      return result.rows.length === 1;
    },
    async countOpenBySource() {
      // A retry that stored the input ("accepted …", "duplicate …") settles the letter; a failed one does not.
      const result = await db.query<{ source: string; count: number }>(
        `SELECT source, count(*)::int AS count FROM dead_letters
         WHERE retried_at IS NULL OR retry_outcome LIKE 'failed%'
         GROUP BY source ORDER BY source`,
      );
      return result.rows.map((row) => ({ source: row.source, count: Number(row.count) }));
    },
    async markRetried(id, outcome, at) {
      await db.query('UPDATE dead_letters SET retried_at = $2, retry_outcome = $3 WHERE id = $1', [
        Number(id),
        at,
        outcome,
      ]);
    },
  };
}
