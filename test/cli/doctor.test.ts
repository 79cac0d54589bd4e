import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerbatim } from '../support/cli-harness.ts';

function workspace(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-doctor-'));
  if (config === undefined) copyFileSync('examples/verbatim.config.yaml', join(dir, 'verbatim.config.yaml'));
  else writeFileSync(join(dir, 'verbatim.config.yaml'), config);
  return dir;
}

describe('verbatim doctor', () => {
  it('passes a healthy embedded set-up and says what is off', async () => {
    const dir = workspace();
    const result = await runVerbatim(['doctor'], { cwd: dir, env: {} });
    expect(result.stdout).toMatch(/✓ config: \.\/verbatim\.config\.yaml: 5 teams, 14 accounts, 10 topics/);
    expect(result.stdout).toMatch(/✓ database: embedded database in .* reachable/);
    expect(result.stdout).toMatch(/- anthropic: ANTHROPIC_API_KEY is empty/);
    expect(result.stdout).toContain('No problems found.');
    expect(result.code).toBe(0);
  });

  it('finds and explains a broken config, each problem with its line and a fix', async () => {
    const broken = readFileSync('examples/verbatim.config.yaml', 'utf8')
      .replace(/defaultTeam: support/, 'defaultTeam: helpdesk')
      .replace(/timezone: Europe\/Helsinki/, 'timezone: Mars/Olympus');
    const result = await runVerbatim(['doctor'], { cwd: workspace(broken), env: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✗ config: .*verbatim\.config\.yaml:\d+: calendar\.timezone: an IANA time zone/,
    );
    expect(result.stdout).toMatch(
      /✗ config: .*verbatim\.config\.yaml:\d+: routing\.defaultTeam: unknown team "helpdesk"/,
    );
    expect(result.stdout).toMatch(/fix: edit the file at that line/);
    expect(result.stdout).toMatch(/problem\(s\) found/);
  });

  it('catches the typos a newcomer makes: misspelt keys, a schedule in words, a misspelt tier', async () => {
    const broken = readFileSync('examples/verbatim.config.yaml', 'utf8')
      .replace(/^ {2}warnAt:/m, '  warnat:')
      .replace(/^reactions:/m, 'reaction:')
      .replace(/schedule: '0 9 \* \* 1'/, "schedule: 'every monday'")
      .replace(/\{ topic: integrations, tier: enterprise,/, '{ topic: integrations, tier: enterprize,');
    const result = await runVerbatim(['doctor'], { cwd: workspace(broken), env: {} });
    expect(result.code).toBe(1);
    const config = result.stdout.split('\n').filter((line) => line.includes('✗ config: '));
    expect(config).toEqual([
      expect.stringMatching(
        /verbatim\.config\.yaml:\d+: sla\.warnat: unknown key "warnat"; did you mean "warnAt"\?$/,
      ),
      expect.stringMatching(
        /verbatim\.config\.yaml:\d+: routing\.rules\[\d\]\.tier: unknown tier "enterprize"; did you mean "enterprise"\?/,
      ),
      expect.stringMatching(
        /verbatim\.config\.yaml:\d+: digest\.schedule: "every monday" is not a cron expression/,
      ),
      expect.stringMatching(
        /verbatim\.config\.yaml:\d+: reaction: unknown key "reaction"; did you mean "reactions"\?$/,
      ),
    ]);
    expect(result.stdout).toContain('4 problem(s) found.');
  });

  it('warns, with the line, when a hand-written holiday list runs out within 90 days', async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const config = readFileSync('examples/verbatim.config.yaml', 'utf8').replace(
      /^ {2}holidays:\n {4}country: FI\n {4}extra: \[juhannusaatto, jouluaatto\]\n/m,
      `  holidays: [2026-01-01, ${soon}]\n`,
    );
    expect(config).toContain(soon);
    const result = await runVerbatim(['doctor'], { cwd: workspace(config), env: {} });
    expect(result.stdout).toMatch(
      new RegExp(
        `! config: .*verbatim\\.config\\.yaml:\\d+: calendar\\.holidays: the last holiday listed is ${soon} \\(in 30 days\\)`,
      ),
    );
    expect(result.stdout).toMatch(/fix: .*holidays: \{ country: <code> \}/);
    expect(result.stdout).toContain('No problems found.');
  });

  it('explains an unreachable database server and a half-configured adapter', async () => {
    const result = await runVerbatim(['doctor', '--json'], {
      cwd: workspace(),
      env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none', SLACK_BOT_TOKEN: 'xoxb-1-2' },
    });
    expect(result.code).toBe(1);
    const { findings } = JSON.parse(result.stdout) as {
      findings: Array<{ check: string; status: string; fix?: string }>;
    };
    expect(findings[0]).toMatchObject({ check: 'environment', status: 'error' });
    expect(findings[0]?.fix).toMatch(/\.env\.example/);

    const dbOnly = await runVerbatim(['doctor', '--json'], {
      cwd: workspace(),
      env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' },
    });
    const db = (
      JSON.parse(dbOnly.stdout) as { findings: Array<{ check: string; status: string; fix?: string }> }
    ).findings.find((finding) => finding.check === 'database');
    expect(db).toMatchObject({ status: 'error' });
    expect(db?.fix).toMatch(/check DATABASE_URL/);
  });
});
