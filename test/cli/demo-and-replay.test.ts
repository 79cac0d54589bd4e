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
    // It ends with the risk list and the full explanation of the riskiest account.
    expect(result.stdout).toMatch(
      /Account health: the 10 most urgent accounts[^\n]*\nACCOUNT\s+BAND\s+SCORE/,
    );
    expect(result.stdout).toMatch(/The riskiest account explained[^\n]*\n.* — health \d+\/100, [a-z-]+/);
    expect(result.stdout).toMatch(
      /Factors \(points \/ max\):[\s\S]*Next step: [\s\S]*Model verbatim-health-1@[0-9a-f]{8}\n/,
    );
    // The outage week's digest: the outage rises, quoted in the customers' words, and a chart.
    expect(result.stdout).toMatch(/Weekly digest 2026-W46\n/);
    expect(result.stdout).toMatch(
      /Rising:\n• Outage: \d+ this week vs [\d.]+\/week · ×\d+ \(95% CI [\d.]+–[\d.]+\) · q=<0.001/,
    );
    expect(result.stdout).toMatch(
      / {4}> Since 06:50 CET nobody in our Oslo office can log in \(502 Bad Gateway\)/,
    );
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
    // Progress stays readable: the log lines go to a file, not between the progress lines.
    expect(`${first.stdout}${first.stderr}`).not.toMatch(/"level":/);
    expect(first.stderr).toContain(`log: ${join(dir, 'data', 'replay.log')}`);
    const second = await runVerbatim(['replay', exportDir, '--no-post'], { cwd: dir, env });
    expect(second.stdout).toMatch(
      /replayed 500 messages: 0 customer .* 500 already stored; 0 channel departures/,
    );
    // Nothing was posted, yet the stored requests have SLA clocks to show.
    const sla = await runVerbatim(['sla'], { cwd: dir, env });
    expect(sla.code).toBe(0);
    expect(sla.stdout).toMatch(/^req_\S+\* +P[1-4] +\S+ +.*(BREACHED|answered)/m);
    expect(sla.stdout).toMatch(
      /(\d+) open, \d+ past their first-response target\.\n\1 of them were stored without being posted/,
    );
  }, 120_000);

  it('without Slack credentials, stops before replaying and says what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-replay-'));
    copyFileSync('examples/verbatim.config.yaml', join(dir, 'verbatim.config.yaml'));
    const exportDir = resolve('examples/slack-export');
    const started = Date.now();
    const result = await runVerbatim(['replay', exportDir], {
      cwd: dir,
      env: { VERBATIM_DATA_DIR: join(dir, 'data') },
    });
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stderr).toMatch(
      /slack: SLACK_BOT_TOKEN is not set; the config posts there: teams\[0\]\.destination \(slack:C0\w+\), .* and \d+ more/,
    );
    expect(result.stderr).toContain(`verbatim replay ${exportDir} --no-post`);
    expect(result.stderr).toMatch(/verbatim doctor/);
    expect(result.stdout).toBe('');
  });

  it('explains a directory that is not a Slack export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-replay-'));
    const result = await runVerbatim(['replay', dir], { cwd: dir, env: {} });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/has no channels\.json/);
  });
});
