import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.ts';

// timestamptz → Date and bigint (int8) → number: our counts and serials stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; pg-boss keeps its own pool. */
  max?: number;
  applicationName?: string;
}

/** A PostgreSQL server through a pg Pool. */
export function createPostgresDatabase(options: PostgresOptions): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'verbatim',
    connectionTimeoutMillis: 10_000,
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]) => {
    const result = await client.query(sql, params as unknown[]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 } satisfies QueryResult<Row>;
  };
  return {
    kind: 'postgres',
    pool,
    query: (sql, params) => run(pool, sql, params),
    queryFirst: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: the server going away (a restart, an admin's
      // pg_terminate_backend) would be an unhandled 'error' event and end the process. The query
      // in flight fails as well; the broken client is destroyed on release instead of reused.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (sql, params) => run(client, sql, params) };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!broken) await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
