import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../../src/storage/open-storage.ts';
import { runVerbatim } from '../../support/cli-harness.ts';
import { createRecordingNotifier } from '../../support/recording-notifier.ts';
import { seedRequestHistory } from '../../support/seed-request-history.ts';
import { TEST_CONFIG_YAML } from '../../support/test-config.ts';

describe('verbatim audit', () => {
  let cwd: string;
  let requestId: string;
  const env = { VERBATIM_DATA_DIR: './data' };

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-audit-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEST_CONFIG_YAML);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      ({ requestId } = await seedRequestHistory(storage, { notifier: createRecordingNotifier() }));
    } finally {
      await storage.close();
    }
  });

  it('shows every triage decision, the floor, routing, state changes and posts', async () => {
    const { code, stdout } = await runVerbatim(['audit', requestId], { cwd, env });
    expect(code).toBe(0);
    expect(stdout).toContain('messages (2)');
    expect(stdout).toContain('│ Production is down for all our users since 9:00.');
    expect(stdout).toContain('triage decisions (2)');
    expect(stdout).toMatch(/first: scripted → P1, team engineering, confidence 0\.50/);
    expect(stdout).toMatch(/re-triage: scripted → P1/);
    expect(stdout).toMatch(/floor outage \(P1\).*: P3 → P1/);
    expect(stdout).toContain('prompt scripted-v1 · input abc123 · redacted 2 item(s) before sending');
    expect(stdout).toContain(
      'tokens in 1200 (cache read 1000, written 0) out 150 · cost $0.001200 · 1 call(s) · 42 ms · provider request req_provider_1',
    );
    expect(stdout).toMatch(/posted to slack:C0ENGINEER as post-1/);
    expect(stdout).toMatch(/claim: open → claimed by Sam Staff/);
    expect(stdout).toMatch(/post → slack:C0ENGINEER post-1 \(posted\)/);
  });

  it('answers in JSON with the validated output of each decision', async () => {
    const { code, stdout } = await runVerbatim(['audit', requestId, '--json'], { cwd, env });
    expect(code).toBe(0);
    const audit = JSON.parse(stdout);
    expect(audit.triageRecords.map((record: { trigger: string }) => record.trigger)).toEqual([
      'first',
      're-triage',
    ]);
    expect(audit.triageRecords[1]).toMatchObject({
      engine: 'scripted',
      analyzerPriority: 'P3',
      finalPriority: 'P1',
      providerRequestId: 'req_provider_1',
      output: { priority: 'P1', churnSignals: [{ driver: 'unheard-voice', quoted: true }] },
    });
    expect(audit.transitions).toHaveLength(1);
  });

  it('says so for an unknown request and explains its usage', async () => {
    expect((await runVerbatim(['audit', 'req_nope'], { cwd, env })).code).toBe(1);
    expect((await runVerbatim(['audit'], { cwd, env })).code).toBe(2);
  });
});
