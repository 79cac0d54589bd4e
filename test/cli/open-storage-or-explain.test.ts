import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/open-storage.ts';
import { runVerbatim } from '../support/cli-harness.ts';

// Commands share one way to open the database; what they say when the embedded one is in use (by
// `verbatim start`) stays each command's own advice.
describe('a command on an embedded database in use', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-in-use-'));
  const env = {
    VERBATIM_CONFIG: join(process.cwd(), 'examples/verbatim.config.yaml'),
    VERBATIM_DATA_DIR: dataDir,
  };
  let held: Storage;

  beforeAll(async () => {
    held = await openStorage({ dataDir });
  });
  afterAll(async () => {
    await held.close();
  });

  it('says a read-only command can run beside the bot with DATABASE_URL', async () => {
    for (const command of ['sla', 'churn', 'digest']) {
      const { code, stderr } = await runVerbatim([command], { env });
      expect(code).toBe(1);
      expect(stderr).toContain('is in use by process');
      expect(stderr).toContain(
        `(the embedded database serves one process; with DATABASE_URL, \`verbatim ${command}\` can run beside \`verbatim start\`)`,
      );
    }
  });

  it('tells a writing command to stop the bot first, or to use DATABASE_URL', async () => {
    const audit = await runVerbatim(['audit', 'some-request'], { env });
    expect(audit.code).toBe(1);
    expect(audit.stderr).toContain(
      '(the embedded database serves one process: stop `verbatim start` first, or use DATABASE_URL)',
    );
    const release = await runVerbatim(['teams-release', 'some-key'], { env });
    expect(release.code).toBe(1);
    expect(release.stderr).toContain('\n  (stop `verbatim start` first, or use DATABASE_URL)\n');
  });
});
