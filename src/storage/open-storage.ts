import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type Keyv from 'keyv';
import type { Database } from './database.ts';
import { createKeyvState } from './keyv-state.ts';
import { migrate } from './migrations.ts';
import { createPgliteDatabase } from './pglite-database.ts';
import { createPostgresDatabase } from './postgres-database.ts';

export interface Storage {
  db: Database;
  keyv: Keyv;
  /** How pg-boss reaches the database: a server URL or the in-process PGlite instance. */
  jobs: { kind: 'postgres'; connectionString: string } | { kind: 'pglite'; pglite: PGlite };
  /** Human description without credentials, for logs and `doctor`. */
  describe: string;
  close(): Promise<void>;
}

export interface OpenStorageOptions {
  /** PostgreSQL server; when unset, an embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /** Embedded database directory parent; `null` keeps the embedded database in memory (tests). */
  dataDir: string | null;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/** Opens the one database Verbatim uses, applies migrations, and connects keyv to it. */
export async function openStorage(options: OpenStorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    const db = createPostgresDatabase({ connectionString: options.databaseUrl });
    try {
      if (options.migrate !== false) await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    const keyv = createKeyvState(options.databaseUrl);
    return {
      db,
      keyv,
      jobs: { kind: 'postgres', connectionString: options.databaseUrl },
      describe: `PostgreSQL ${redactUrl(options.databaseUrl)}`,
      async close() {
        await keyv.disconnect().catch(() => {});
        await db.close();
      },
    };
  }

  const directory = options.dataDir ? resolve(options.dataDir, 'pgdata') : null;
  const releaseLock = directory ? lockDataDir(directory) : () => {};
  let db: Awaited<ReturnType<typeof createPgliteDatabase>>;
  try {
    db = await createPgliteDatabase(directory);
  } catch (error) {
    releaseLock();
    throw error;
  }
  if (options.migrate !== false) await migrate(db);
  // @keyv/postgres needs a connection string: PGlite's socket server on loopback gives it one.
  const server = new PGLiteSocketServer({ db: db.pglite, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const connectionString = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  const keyv = createKeyvState(connectionString);
  return {
    db,
    keyv,
    jobs: { kind: 'pglite', pglite: db.pglite },
    describe: directory ? `embedded PGlite in ${directory}` : 'embedded PGlite in memory',
    async close() {
      await keyv.disconnect().catch(() => {});
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/** Two processes on one embedded database would corrupt it; replicas need DATABASE_URL. */
function lockDataDir(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const lockFile = join(directory, '..', 'verbatim.lock');
  if (existsSync(lockFile)) {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new DataDirInUseError(
        `the embedded database in ${directory} is in use by process ${pid}; stop it first, or set DATABASE_URL to share a PostgreSQL server between processes`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
