import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh, empty PostgreSQL database on the server named by TEST_DATABASE_URL, dropped by the
 * returned `drop`. Each test file gets its own, so files can run in parallel. `prefix` names it
 * (benches use their own, so their databases are told apart from the tests').
 */
export async function createScratchDatabase(
  baseUrl: string,
  prefix = 'verbatim_t_',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        // Connections of the code under test close asynchronously; give them a moment rather than
        // terminating them, which would surface as unhandled errors in their pools.
        for (let attempt = 0; attempt < 20; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The storage backends every contract suite runs against: PGlite always, PostgreSQL when configured. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const backends: Array<'pglite' | 'postgres'> = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
