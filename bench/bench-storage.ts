import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchBackend {
  name: 'pglite' | 'postgres';
  /** Environment for `testConfig`: the embedded data dir, or DATABASE_URL of a scratch database. */
  env: Record<string, string>;
  prepare(): Promise<void>;
  cleanup(): Promise<void>;
}

/** Embedded PGlite always; a scratch PostgreSQL database when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
export function benchBackends(): BenchBackend[] {
  const embedded = scratchDir();
  const backends: BenchBackend[] = [
    {
      name: 'pglite',
      get env() {
        return { VERBATIM_DATA_DIR: embedded.path() };
      },
      prepare: async () => {},
      cleanup: async () => embedded.remove(),
    },
  ];
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (server) {
    const url = new URL(server);
    // Named after the given database, so a scratch database keeps its owner's prefix.
    const base = decodeURIComponent(url.pathname.slice(1)).replace(/[^a-z0-9_]/g, '_') || 'verbatim_bench';
    const name = `${base}_${process.pid}_${Date.now()}`.slice(0, 63);
    url.pathname = `/${name}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    const scratch = scratchDir();
    backends.push({
      name: 'postgres',
      get env() {
        return { DATABASE_URL: url.toString(), VERBATIM_DATA_DIR: scratch.path() };
      },
      prepare: () => admin(`CREATE DATABASE ${name}`),
      cleanup: async () => {
        scratch.remove();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    });
  }
  // BENCH_BACKEND=pglite|postgres measures one of them only.
  const only = process.env.BENCH_BACKEND;
  return only ? backends.filter((backend) => backend.name === only) : backends;
}

/**
 * A temporary directory made on first use, so a backend a benchmark skips leaves nothing behind,
 * and removed with its backend: the embedded database of a full-scale run takes gigabytes.
 */
function scratchDir(): { path: () => string; remove: () => void } {
  let dir: string | null = null;
  return {
    path: () => {
      dir ??= mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
      return dir;
    },
    remove: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}

export function formatRate(count: number, ms: number): string {
  return `${((count / ms) * 1000).toFixed(0)}/s`;
}
