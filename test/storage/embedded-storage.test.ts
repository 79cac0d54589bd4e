import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createKeyvState } from '../../src/storage/keyv-state.ts';
import { DataDirInUseError, openStorage } from '../../src/storage/open-storage.ts';
import { createPostgresDatabase } from '../../src/storage/postgres-database.ts';

const run = promisify(execFile);
const script = (body: string) => `
import { openStorage } from ${JSON.stringify(join(process.cwd(), 'src/storage/open-storage.ts'))};
const storage = await openStorage({ dataDir: process.argv[1] });
${body}
await storage.close();
`;

async function inChildProcess(dataDir: string, body: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script(body), dataDir],
    {
      cwd: process.cwd(),
    },
  );
  return stdout.trim();
}

describe('embedded storage', () => {
  it('keeps data across a process restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-restart-'));
    await inChildProcess(
      dataDir,
      `await storage.db.query("INSERT INTO once_claims (key) VALUES ('kept')"); await storage.keyv.set('k', 'v');`,
    );
    const out = await inChildProcess(
      dataDir,
      `const r = await storage.db.query("SELECT key FROM once_claims"); console.log(JSON.stringify([r.rows.map(x => x.key), await storage.keyv.get('k')]));`,
    );
    expect(JSON.parse(out)).toEqual([['kept'], 'v']);
  });

  it('refuses a second process on the same embedded database and explains why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-lock-'));
    const storage = await openStorage({ dataDir });
    try {
      const child = inChildProcess(dataDir, '');
      await expect(child).rejects.toThrow(/in use by process .*DATABASE_URL/s);
    } finally {
      await storage.close();
    }
    expect(DataDirInUseError.name).toBe('DataDirInUseError');
  });

  it('surfaces key-value store errors instead of reading them as misses', async () => {
    const db = createPostgresDatabase({
      connectionString: 'postgresql://postgres@127.0.0.1:1/none?connect_timeout=1',
    });
    try {
      await expect(createKeyvState(db).get('anything')).rejects.toThrow();
    } finally {
      await db.close();
    }
  });

  it('opens no network listener: keyv reaches PGlite in process (finding 11 of issue 13)', async () => {
    const before = listeningTcpSockets();
    const storage = await openStorage({ dataDir: mkdtempSync(join(tmpdir(), 'verbatim-noport-')) });
    try {
      await storage.keyv.set('probe', { works: true });
      expect(await storage.keyv.get('probe')).toEqual({ works: true });
      expect(listeningTcpSockets()).toEqual(before);
    } finally {
      await storage.close();
    }
  });

  it('takes over a stale lock of a process that is gone, and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-stale-'));
    const child = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    const deadPid = child.stdout.trim();
    writeFileSync(join(dataDir, 'verbatim.lock'), deadPid);
    const storage = await openStorage({ dataDir });
    try {
      expect(storage.notices).toEqual([
        expect.stringMatching(new RegExp(`stale lock .* process ${deadPid}, which is no longer running`)),
      ]);
      expect(readFileSync(join(dataDir, 'verbatim.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      await storage.close();
    }
    expect(existsSync(join(dataDir, 'verbatim.lock'))).toBe(false);
  });

  it('refuses a lock file that names no process, with the fix', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-garbage-'));
    mkdirSync(join(dataDir, 'pgdata'), { recursive: true });
    writeFileSync(join(dataDir, 'verbatim.lock'), 'not a pid');
    await expect(openStorage({ dataDir })).rejects.toThrow(/does not name a process.*delete that file/);
  });
});

/** TCP sockets this process listens on (Linux /proc: LISTEN rows whose inode is one of our fds). */
function listeningTcpSockets(): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  const listening: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = existsSync(table) ? readFileSync(table, 'utf8').split('\n').slice(1) : [];
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      if (columns[3] === '0A' && columns[9] && inodes.has(columns[9])) listening.push(columns[1]!);
    }
  }
  return listening.sort();
}
