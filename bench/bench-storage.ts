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
  const dataDir = () => mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
  // The embedded database of a full-scale run takes gigabytes: removed with its backend.
  const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
  const embedded = dataDir();
  const backends: BenchBackend[] = [
    {
      name: 'pglite',
      env: { VERBATIM_DATA_DIR: embedded },
      prepare: async () => {},
      cleanup: async () => removeDir(embedded),
    },
  ];
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `verbatim_bench_${process.pid}_${Date.now()}`;
    const url = new URL(server);
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
    const scratch = dataDir();
    backends.push({
      name: 'postgres',
      env: { DATABASE_URL: url.toString(), VERBATIM_DATA_DIR: scratch },
      prepare: () => admin(`CREATE DATABASE ${name}`),
      cleanup: async () => {
        removeDir(scratch);
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    });
  }
  // BENCH_BACKEND=pglite|postgres measures one of them only.
  const only = process.env.BENCH_BACKEND;
  return only ? backends.filter((backend) => backend.name === only) : backends;
}

export function formatRate(count: number, ms: number): string {
  return `${((count / ms) * 1000).toFixed(0)}/s`;
}
