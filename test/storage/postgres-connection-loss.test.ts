import { describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../src/storage/postgres-database.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';

// The server ending a connection mid-transaction (a restart, an admin's pg_terminate_backend):
// the transaction fails, the process carries on, and the next statement gets a fresh connection.
// Without a listener on the checked-out client this was an unhandled 'error' event that ended
// the process (found by `npm run chaos` restarting PostgreSQL mid-stream).
describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL connection lost in a transaction', () => {
  it('fails that transaction only; the next one works', async () => {
    const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    const db = createPostgresDatabase({ connectionString: scratch.url, max: 2 });
    const admin = createPostgresDatabase({ connectionString: scratch.url, max: 1 });
    try {
      await expect(
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
          // Give the client time to see the server's FATAL notice before its next statement.
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.query('SELECT 1');
        }),
      ).rejects.toThrow();
      const { rows } = await db.transaction((tx) => tx.query<{ ok: number }>('SELECT 1 AS ok'));
      expect(rows[0]?.ok).toBe(1);
    } finally {
      await db.close();
      await admin.close();
      await scratch.drop();
    }
  }, 30_000);
});
