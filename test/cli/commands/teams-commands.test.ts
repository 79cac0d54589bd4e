import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../../src/storage/open-storage.ts';
import { createDeliveryRecords, DeliveryUncertainError } from '../../../src/teams/delivery-records.ts';
import { runVerbatim } from '../../support/cli-harness.ts';
import { readZipEntries } from '../../teams/read-zip-entries.ts';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-teams-cli-'));
  copyFileSync('examples/verbatim.config.yaml', join(dir, 'verbatim.config.yaml'));
  return dir;
}

describe('verbatim package-teams', () => {
  it('writes the app package zip with ids from the environment', async () => {
    const dir = workspace();
    const out = join(dir, 'out', 'app.zip');
    const result = await runVerbatim(['package-teams', '--out', out], {
      cwd: dir,
      env: {
        TEAMS_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        VERBATIM_PUBLIC_HOST: 'verbatim.example.com',
      },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Upload an app');
    const manifest = JSON.parse(readZipEntries(readFileSync(out)).get('manifest.json')!.toString('utf8'));
    expect(manifest.bots[0].botId).toBe('11111111-2222-3333-4444-555555555555');
    expect(manifest.validDomains).toContain('verbatim.example.com');
  });

  it('names the missing variables and writes nothing', async () => {
    const dir = workspace();
    const result = await runVerbatim(['package-teams', '--out', join(dir, 'app.zip')], { cwd: dir, env: {} });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TEAMS_CLIENT_ID');
    expect(result.stderr).toContain('VERBATIM_PUBLIC_HOST');
    expect(existsSync(join(dir, 'app.zip'))).toBe(false);
  });
});

describe('verbatim teams-release', () => {
  it('releases an uncertain Teams delivery so the next attempt posts it, and says when there is none', async () => {
    const dir = workspace();
    const none = await runVerbatim(['teams-release', 'post:req-9:teams:19:x'], { cwd: dir, env: {} });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('no uncertain Teams delivery');

    // A send whose answer was lost (connection reset) leaves the attempt record.
    const storage = await openStorage({ dataDir: join(dir, 'data') });
    const records = createDeliveryRecords(storage.keyv);
    await expect(
      records.sendOnce('post:req-9:teams:19:x', async () => {
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }),
    ).rejects.toThrow('socket hang up');
    await expect(records.lookup('post:req-9:teams:19:x')).rejects.toBeInstanceOf(DeliveryUncertainError);
    await storage.close();

    const released = await runVerbatim(['teams-release', 'post:req-9:teams:19:x'], { cwd: dir, env: {} });
    expect(released.stdout).toContain('released post:req-9:teams:19:x');
    expect(released.code).toBe(0);
    const after = await openStorage({ dataDir: join(dir, 'data') });
    expect(await createDeliveryRecords(after.keyv).lookup('post:req-9:teams:19:x')).toBeNull();
    await after.close();
  }, 60_000);
});
