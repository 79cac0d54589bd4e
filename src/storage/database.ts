/** Rows and count of one statement. */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Anything that runs a parameterised statement: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

/**
 * One Postgres database, embedded (PGlite) or a server (pg Pool). Same SQL, same behaviour:
 * every repository is written against this interface and tested on both.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * `query` for the acknowledgement path (inbox appends): on PGlite's one connection it takes the
   * next turn, ahead of queued processing; a server's pool runs it like any other query.
   */
  queryFirst<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
