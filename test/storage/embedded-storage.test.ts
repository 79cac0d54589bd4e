import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createKeyvState } from '../../src/storage/keyv-state.ts';
import { DataDirInUseError, openStorage } from '../../src/storage/open-storage.ts';

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
    const keyv = createKeyvState('postgresql://postgres@127.0.0.1:1/none?connect_timeout=1');
    await expect(keyv.get('anything')).rejects.toThrow();
  });
});
