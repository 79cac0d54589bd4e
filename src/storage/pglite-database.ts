import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PGliteLike } from 'pg-boss';
import { createConnectionTurns } from './connection-turns.ts';
import type { Database, Queryable, QueryResult } from './database.ts';

/**
 * An embedded PGlite database persisted in `dataDir` (or in memory when `dataDir` is null).
 * PGlite is single-connection: every statement and transaction here, pg-boss's included
 * (`jobsConnection`), takes a turn on it (connection-turns.ts), so a transaction is exclusive,
 * which is stricter than (and compatible with) server semantics. Inbox appends (`queryFirst`) go
 * ahead of queued work; the rest yields to the event loop between turns, so requests are read
 * while the worker processes.
 */
export async function createPgliteDatabase(
  dataDir: string | null,
): Promise<Database & { pglite: PGlite; jobsConnection: PGliteLike }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    // PostgreSQL's default 128 MB of shared buffers lives in PGlite's WebAssembly memory, which never
    // shrinks: 16 MB took a standalone PGlite with ~55 MB of rows from 462 to 356 MB resident at the
    // same insert and point-select rate (the files stay in the OS page cache; docs/performance.md,
    // "Memory").
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
  });
  const turns = createConnectionTurns();
  const toResult = <Row>(result: { rows: unknown[]; affectedRows?: number }): QueryResult<Row> => ({
    rows: result.rows as Row[],
    rowCount: result.affectedRows ?? result.rows.length,
  });
  /**
   * A failed statement of a multi-statement block (pg-boss's BEGIN … COMMIT) leaves the session in
   * an aborted transaction; it is rolled back in the same turn, before anyone else's statement.
   */
  async function rollingBackOnError<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!pglite.closed && pglite.isInTransaction()) await pglite.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }
  return {
    kind: 'pglite',
    pglite,
    jobsConnection: {
      query: (sql, params) => turns.later(() => rollingBackOnError(() => pglite.query(sql, params))),
      exec: (sql) => turns.later(() => rollingBackOnError(() => pglite.exec(sql))),
      listen: (channel, callback) => pglite.listen(channel, callback),
    },
    async query(sql, params) {
      return toResult(await turns.later(() => pglite.query(sql, params)));
    },
    async queryFirst(sql, params) {
      return toResult(await turns.first(() => pglite.query(sql, params)));
    },
    async transaction(work) {
      // One turn, BEGIN to COMMIT, without yielding between statements: while a request burst
      // keeps the event loop busy, each yield would hold the connection, and the appends queued
      // behind it, for a whole loop iteration (docs/performance.md, "Against a bare Bolt app").
      return turns.later(() =>
        pglite.transaction(async (tx) => {
          const queryable: Queryable = {
            query: async (sql, params) => toResult(await tx.query(sql, params)),
          };
          return work(queryable);
        }),
      );
    },
    async exec(sql) {
      await turns.later(() => pglite.exec(sql));
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}
