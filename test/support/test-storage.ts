import { openStorage, type Storage } from '../../src/storage/open-storage.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from './scratch-database.ts';

/** Opens migrated storage on the given backend; `close` also drops a scratch database. */
export async function openTestStorage(
  backend: 'pglite' | 'postgres',
  dataDir: string | null = null,
): Promise<Storage> {
  if (backend === 'pglite') return openStorage({ dataDir });
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchDatabase(TEST_DATABASE_URL);
  const storage = await openStorage({ databaseUrl: scratch.url, dataDir: null });
  return {
    ...storage,
    async close() {
      await storage.close();
      await scratch.drop();
    },
  };
}
