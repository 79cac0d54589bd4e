import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { Database } from './database.ts';

/** The table @keyv/postgres used, same shape, so state kept by earlier versions is read as is. */
const TABLE = 'keyv_state';

/**
 * A Keyv store over our own Database port: the same PGlite instance or pg pool every repository
 * uses. Embedded, keyv needs no network listener (an earlier version opened an unauthenticated
 * PGlite socket on loopback for @keyv/postgres); on a server it shares our pool, whose idle-client
 * errors are handled, instead of a second pool of its own. Keyv handles TTLs inside the value.
 */
export class KeyvDatabaseStore extends EventEmitter {
  readonly opts = { dialect: 'postgres', table: TABLE };
  namespace?: string | undefined;
  readonly #db: Database;
  #ready: Promise<void> | null = null;

  constructor(db: Database) {
    super();
    this.#db = db;
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    await this.#ensureTable();
    const result = await this.#db.query<{ value: string }>(`SELECT value FROM ${TABLE} WHERE key = $1`, [
      key,
    ]);
    return result.rows[0]?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    await this.#ensureTable();
    const result = await this.#db.query<{ key: string; value: string }>(
      `SELECT key, value FROM ${TABLE} WHERE key = ANY($1::text[])`,
      [keys],
    );
    const values = new Map(result.rows.map((row) => [row.key, row.value]));
    return keys.map((key) => values.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.#ensureTable();
    await this.#db.query(
      `INSERT INTO ${TABLE} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [key, value],
    );
  }

  async delete(key: string): Promise<boolean> {
    await this.#ensureTable();
    const result = await this.#db.query(`DELETE FROM ${TABLE} WHERE key = $1 RETURNING key`, [key]);
    return result.rows.length > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    await this.#ensureTable();
    const result = await this.#db.query(`DELETE FROM ${TABLE} WHERE key = ANY($1::text[]) RETURNING key`, [
      keys,
    ]);
    return result.rows.length > 0;
  }

  async has(key: string): Promise<boolean> {
    await this.#ensureTable();
    const result = await this.#db.query(`SELECT 1 FROM ${TABLE} WHERE key = $1`, [key]);
    return result.rows.length > 0;
  }

  async clear(): Promise<void> {
    await this.#ensureTable();
    const pattern = this.namespace ? `${this.namespace.replace(/[%_\\]/g, '\\$&')}:%` : '%';
    await this.#db.query(`DELETE FROM ${TABLE} WHERE key LIKE $1`, [pattern]);
  }

  /** The database belongs to storage, which closes it. */
  async disconnect(): Promise<void> {}

  #ensureTable(): Promise<void> {
    this.#ready ??= this.#db
      .query(`CREATE TABLE IF NOT EXISTS ${TABLE} (key varchar(255) PRIMARY KEY, value text)`)
      .then(
        () => undefined,
        (error: unknown) => {
          // Two replicas creating it at once: one wins, the other's unique violation is harmless.
          if ((error as { code?: string }).code === '23505') return;
          this.#ready = null;
          throw error;
        },
      );
    return this.#ready;
  }
}

/** Type check: the class is a Keyv store adapter. */
export const asKeyvStore = (store: KeyvDatabaseStore): KeyvStoreAdapter => store;
