import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Storage } from '../../src/storage/open-storage.ts';
import { openTestStorage } from './test-storage.ts';

/**
 * One migrated database for the whole describe block, emptied before each test. Opening and
 * migrating a database takes seconds (PGlite boots a whole Postgres); emptying its tables takes
 * milliseconds, and every test still starts from an empty database. Only for tests that use the
 * tables of the public schema (not the job queue's).
 */
export function useSharedTestStorage(backend: 'pglite' | 'postgres'): () => Storage {
  let storage: Storage | null = null;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
  });
  beforeEach(async () => {
    if (!storage) throw new Error('shared test storage did not open');
    const { rows } = await storage.db.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    if (rows.length > 0) await storage.db.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} CASCADE`);
  });
  afterAll(async () => {
    await storage?.close();
  });
  return () => {
    if (!storage) throw new Error('shared test storage is only available inside tests');
    return storage;
  };
}
