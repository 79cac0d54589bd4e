import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../src/storage/migrations.ts';
import { createPostgresDatabase } from '../../src/storage/postgres-database.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';

describe.skipIf(!TEST_DATABASE_URL)('replicas starting together on a fresh PostgreSQL', () => {
  it('migrate once between them, and neither fails', async () => {
    for (let round = 0; round < 5; round++) {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      const replicas = [0, 1, 2].map(() => createPostgresDatabase({ connectionString: scratch.url, max: 2 }));
      try {
        const reports = await Promise.all(replicas.map((db) => migrate(db)));
        expect(reports.flatMap((report) => report.applied.map((migration) => migration.id)).sort()).toEqual(
          migrations.map((migration) => migration.id).sort(),
        );
      } finally {
        for (const db of replicas) await db.close();
        await scratch.drop();
      }
    }
  }, 60_000);
});
