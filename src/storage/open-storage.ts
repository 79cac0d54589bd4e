import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Keyv from 'keyv';
import type { PGliteLike } from 'pg-boss';
import type { Database } from './database.ts';
import { createKeyvState } from './keyv-state.ts';
import { migrate } from './migrations.ts';
import { createPostgresDatabase } from './postgres-database.ts';

export interface Storage {
  db: Database;
  keyv: Keyv;
  /**
   * How pg-boss reaches the database: a server URL, or the in-process PGlite instance through the
   * same connection turns as every other statement (pglite-database.ts).
   */
  jobs: { kind: 'postgres'; connectionString: string } | { kind: 'pglite'; pglite: PGliteLike };
  /** Human description without credentials, for logs and `doctor`. */
  describe: string;
  /** Things the operator should hear about once (a stale lock taken over), logged at start. */
  notices?: string[];
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
    const keyv = createKeyvState(db);
    return {
      db,
      keyv,
      jobs: { kind: 'postgres', connectionString: options.databaseUrl },
      describe: `PostgreSQL ${redactUrl(options.databaseUrl)}`,
      notices: [],
      async close() {
        await keyv.disconnect().catch(() => {});
        await db.close();
      },
    };
  }

  const directory = options.dataDir ? embeddedDatabaseDirectory(options.dataDir) : null;
  const lock = directory ? lockDataDir(directory) : { release: () => {}, notice: null };
  let db: Awaited<ReturnType<typeof import('./pglite-database.ts').createPgliteDatabase>>;
  try {
    // Imported only here: a PostgreSQL deployment never loads PGlite's JavaScript (docs/performance.md,
    // "Memory").
    const { createPgliteDatabase } = await import('./pglite-database.ts');
    db = await createPgliteDatabase(directory);
    if (options.migrate !== false) await migrate(db);
  } catch (error) {
    lock.release();
    throw error;
  }
  // keyv goes through the same in-process PGlite instance: no network listener at all.
  const keyv = createKeyvState(db);
  return {
    db,
    keyv,
    jobs: { kind: 'pglite', pglite: db.jobsConnection },
    describe: directory ? `embedded PGlite in ${directory}` : 'embedded PGlite in memory',
    notices: lock.notice ? [lock.notice] : [],
    async close() {
      await keyv.disconnect().catch(() => {});
      await db.close();
      lock.release();
    },
  };
}

/**
 * Two processes on one embedded database would corrupt it; replicas need DATABASE_URL. The lock
 * file is created atomically (O_EXCL), so two processes starting together cannot both take it.
 * A lock left by a process that is gone (killed, crashed) is taken over, and said so.
 */
function lockDataDir(directory: string): { release: () => void; notice: string | null } {
  mkdirSync(directory, { recursive: true });
  const lockFile = join(directory, '..', 'verbatim.lock');
  let notice: string | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => releaseLock(lockFile), notice };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const content = readLock(lockFile);
    if (content === null) continue; // released meanwhile: try again
    const pid = Number.parseInt(content, 10);
    if (!Number.isInteger(pid) || pid <= 0 || String(pid) !== content.trim()) {
      throw new DataDirInUseError(
        `the lock file ${lockFile} does not name a process ("${content.slice(0, 40)}"); if no Verbatim is running on ${directory}, delete that file and start again`,
      );
    }
    if (pid === process.pid || isRunning(pid)) {
      throw new DataDirInUseError(
        `the embedded database in ${directory} is in use by process ${pid}; stop it first, or set DATABASE_URL to share a PostgreSQL server between processes (if process ${pid} is not Verbatim, delete ${lockFile})`,
      );
    }
    // Stale: its process is gone. Remove it only if it still names that process, then retry the
    // atomic create (another starter may win; it then holds a live lock and we refuse above).
    if (readLock(lockFile)?.trim() === String(pid)) rmSync(lockFile, { force: true });
    notice = `stale lock ${lockFile} of process ${pid}, which is no longer running (it was stopped without shutting down, e.g. killed or crashed), was taken over; if the embedded database reports damage, restore ${directory} from a backup`;
  }
  throw new DataDirInUseError(
    `could not take the lock ${lockFile}; other processes keep starting on ${directory} (use DATABASE_URL for replicas)`,
  );
}

function readLock(lockFile: string): string | null {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Removes the lock only while it is still ours. */
function releaseLock(lockFile: string): void {
  if (readLock(lockFile)?.trim() === String(process.pid)) rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where the embedded database lives inside `VERBATIM_DATA_DIR`. */
export function embeddedDatabaseDirectory(dataDir: string): string {
  return resolve(dataDir, 'pgdata');
}

/** Whether `dataDir` already holds an embedded database (PostgreSQL's own `PG_VERSION` marker). */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(resolve(embeddedDatabaseDirectory(dataDir), 'PG_VERSION'));
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
