import KeyvPostgres from '@keyv/postgres';
import Keyv from 'keyv';

/**
 * Key-value state (conversation references, caches, settings) in the same Postgres database.
 * Keyv swallows store errors by default and reads them as cache misses; `throwOnErrors` makes a
 * broken store fail loudly instead.
 */
export function createKeyvState(connectionString: string, namespace = 'verbatim'): Keyv {
  const store = new KeyvPostgres({
    uri: connectionString,
    table: 'keyv_state',
    // One long-lived connection: through PGlite's socket server each reconnect would be a new
    // session, and keyv needs neither parallelism nor transactions.
    max: 1,
    idleTimeoutMillis: 0,
  });
  return new Keyv({ store, namespace, throwOnErrors: true, useKeyPrefix: false });
}
