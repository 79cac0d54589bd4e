import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerbatim } from '../support/cli-harness.ts';

describe('verbatim demo', () => {
  it('replays the example workspace through the real pipeline and summarises what it routed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-demo-data-'));
    const result = await runVerbatim(['demo'], { env: { VERBATIM_DATA_DIR: dataDir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Verbatim demo: 5 teams, 14 accounts, engine heuristic \(offline\)/);
    // A P1/P2 routed post in full, with the customer's words quoted verbatim.
    expect(result.stdout).toMatch(/┌ P[12] · .* → .*\n│ .*\n│ > /);
    expect(result.stdout).toMatch(/requests: (\d+) · routed \1 · unmapped accounts \d+/);
    expect(result.stdout).toMatch(/by priority: P1 \d+ · P2 \d+ · P3 \d+ · P4 \d+/);
    expect(result.stdout).toMatch(/priority floor rules fired: .*outage/);
    expect(result.stdout).toMatch(/churn signals: .*competitor/);
    expect(result.stdout).toMatch(
      /contacts who left shared channels: saimaa-software \(Ville Saarinen, 2026-10-30\)/,
    );
    expect(result.stdout).toMatch(/SLA: what this history would have produced/);
    // The outage week's digest: the outage rises, quoted in the customers' words, and a chart.
    expect(result.stdout).toMatch(/Weekly digest 2026-W46\n/);
    expect(result.stdout).toMatch(
      /Rising:\n• Outage: 7 this week vs 0.5\/week · ×14 \(95% CI [\d.]+–[\d.]+\) · q=<0.001/,
    );
    expect(result.stdout).toMatch(/ {4}> Is the platform down\? Everyone here is getting 502 Bad Gateway/);
    expect(readFileSync(join(dataDir, 'digest-2026-W46.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(result.stderr).toMatch(/triaging and routing: \d+\/\d+ done/);
  }, 120_000);
});

describe('verbatim replay', () => {
  it('backfills a Slack export without posting, and a second run stores nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-replay-'));
    copyFileSync('examples/verbatim.config.yaml', join(dir, 'verbatim.config.yaml'));
    const exportDir = resolve('examples/slack-export');
    const env = { VERBATIM_DATA_DIR: join(dir, 'data') };
    const first = await runVerbatim(['replay', exportDir, '--no-post'], { cwd: dir, env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /replayed 500 messages: .* 0 already stored; 2 channel departures\/joins recorded; nothing posted/,
    );
    const second = await runVerbatim(['replay', exportDir, '--no-post'], { cwd: dir, env });
    expect(second.stdout).toMatch(
      /replayed 500 messages: 0 customer .* 500 already stored; 0 channel departures/,
    );
  }, 120_000);

  it('explains a directory that is not a Slack export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-replay-'));
    const result = await runVerbatim(['replay', dir], { cwd: dir, env: {} });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/has no channels\.json/);
  });
});
