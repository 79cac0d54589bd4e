import Keyv from 'keyv';
import type { Database } from './database.ts';
import { asKeyvStore, KeyvDatabaseStore } from './keyv-database-store.ts';

/**
 * Key-value state (conversation references, caches, settings) in the same Postgres database,
 * through our own Database port (see keyv-database-store.ts). Keyv swallows store errors by
 * default and reads them as cache misses; `throwOnErrors` makes a broken store fail loudly instead.
 */
export function createKeyvState(db: Database, namespace = 'verbatim'): Keyv {
  return new Keyv({
    store: asKeyvStore(new KeyvDatabaseStore(db)),
    namespace,
    throwOnErrors: true,
    useKeyPrefix: false,
  });
}
