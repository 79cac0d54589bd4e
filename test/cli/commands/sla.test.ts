import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/cli-command.ts';
import { createSlaCommand } from '../../../src/cli/commands/sla.ts';
import { applyRequestCommand } from '../../../src/core/pipeline/apply-request-command.ts';
import { openStorage } from '../../../src/storage/open-storage.ts';
import { createSlaWorld, hel, SLA_CONFIG_YAML } from '../../core/pipeline/check-sla-kit.ts';
import { captureCliIo } from '../../support/capture-cli-io.ts';

const captureIo = (cwd: string) => captureCliIo(cwd, { VERBATIM_DATA_DIR: './data' });

describe('verbatim sla', () => {
  let cwd: string;
  const ids: Record<string, string> = {};
  const command = createSlaCommand({ clock: { now: () => hel('2026-11-23 10:30') } });

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-sla-cli-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), SLA_CONFIG_YAML);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      const world = createSlaWorld(storage.db);
      ids.breached = (await world.route(hel('2026-11-23 08:00'), 'P2')).requestId;
      ids.fresh = (await world.route(hel('2026-11-23 10:00'), 'P3')).requestId;
      ids.billing = (await world.route(hel('2026-11-23 09:00'), 'P4')).requestId;
      await world.tickEvery(1, hel('2026-11-23 10:00'), hel('2026-11-23 10:30'));
      world.setNow(hel('2026-11-23 10:05'));
      const actor = { id: 'U0SAM', name: 'Sam' };
      await applyRequestCommand(world.pipeline, {
        requestId: ids.billing,
        command: { kind: 'reassign', teamId: 'billing' },
        actor,
      });
    } finally {
      await storage.close();
    }
  });

  it('lists open requests with their clocks, the soonest due first', async () => {
    const { io, out } = captureIo(cwd);
    expect(await command.run([], io)).toBe(0);
    const lines = out().split('\n');
    expect(lines[0]).toBe('Open requests with SLA clocks at Mon 23 Nov 10:30 (Europe/Helsinki)');
    expect(lines[1]).toMatch(
      /^REQUEST\s+PRI\s+TEAM\s+ACCOUNT\s+STATE\s+CLOCK\s+ELAPSED\/TARGET\s+DUE\s+NUDGES SENT$/,
    );
    expect(lines[2]).toContain(ids.breached);
    expect(lines[2]).toMatch(
      /P2\s+support\s+Acme Logistics\s+open\s+BREACHED\s+2 h 30 min\/2 h\s+Mon 23 Nov 10:00\s+breach$/,
    );
    expect(lines[3]).toContain(ids.fresh);
    expect(lines[3]).toMatch(
      /P3\s+support\s+Acme Logistics\s+open\s+running\s+30 min\/8 h\s+Tue 24 Nov 10:00\s+-$/,
    );
    expect(lines[4]).toContain(ids.billing);
    expect(lines[5]).toBe('3 open, 1 past their first-response target.');
  });

  it('keeps one team with --team and prints JSON with --json', async () => {
    const { io, out } = captureIo(cwd);
    expect(await command.run(['--team', 'billing', '--json'], io)).toBe(0);
    const report = JSON.parse(out());
    expect(report.now).toBe(hel('2026-11-23 10:30').toISOString());
    expect(report.requests).toHaveLength(1);
    expect(report.requests[0]).toMatchObject({
      requestId: ids.billing,
      teamId: 'billing',
      priority: 'P4',
      targetMinutes: 1440,
      elapsedBusinessMinutes: 90,
      clock: 'ok',
      nudges: [],
    });
  });

  it('explains an unknown team and refuses unknown arguments', async () => {
    const { io, err } = captureIo(cwd);
    expect(await command.run(['--team', 'nope'], io)).toBe(1);
    expect(err()).toContain('unknown team "nope"; known teams: support, billing, engineering');
    await expect(command.run(['--colour'], io)).rejects.toThrow(UsageError);
    await expect(command.run(['--team'], io)).rejects.toThrow('--team needs a value');
  });
});
