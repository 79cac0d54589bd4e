import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.ts';
import { runVerbatim } from '../support/cli-harness.ts';

describe('verbatim <command> options', () => {
  it('prints usage and summary for --help on every command, without running it', async () => {
    for (const command of commands) {
      const result = await runVerbatim([command.name, '--help'], { env: {} });
      expect(result.code, command.name).toBe(0);
      expect(result.stdout, command.name).toContain(`usage: ${command.usage}\n\n${command.summary}\n`);
      expect(result.stderr, command.name).toBe('');
    }
    const replay = await runVerbatim(['replay', '-h'], { env: {} });
    expect(replay.stdout).toMatch(/--no-post +store, group and triage, but post nothing/);
  });

  it('describes the options of churn, dead-letters, digest, evaluate and forget under --help', async () => {
    const expected: Record<string, RegExp> = {
      churn: /--horizon DAYS +backtest: /,
      'dead-letters': /--limit N +list: at most N/,
      digest: /--week YYYY-Www +an ISO week/,
      evaluate: /--mistakes +also list every example/,
      forget: /--dry-run +show what would be erased/,
    };
    for (const [name, option] of Object.entries(expected)) {
      const result = await runVerbatim([name, '-h'], { env: {} });
      expect(result.code, name).toBe(0);
      expect(result.stdout, name).toMatch(option);
    }
  });

  it('points from the command list to per-command help', async () => {
    const result = await runVerbatim(['help'], { env: {} });
    expect(result.stdout).toContain("`verbatim <command> --help` describes a command's options.");
  });

  it('rejects unknown options and missing values with the usage, exit code 2', async () => {
    const unknown = await runVerbatim(['doctor', '--jsno'], { env: {} });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'verbatim doctor: unknown option "--jsno"\nusage: verbatim doctor [--json]\n',
    );

    const missing = await runVerbatim(['replay', 'examples/slack-export', '--emails'], { env: {} });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^verbatim replay: --emails needs a value\nusage: verbatim replay/);

    const extra = await runVerbatim(['sla', 'now'], { env: {} });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/^verbatim sla: unexpected argument "now"/);
  });

  it('accepts --option=value and - for standard input', async () => {
    const result = await runVerbatim(['explain', '-', '--account=nordlake-logistics', '--json'], {
      env: { VERBATIM_CONFIG: 'examples/verbatim.config.yaml' },
      stdin: 'Our production is down.',
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      account: expect.objectContaining({ id: 'nordlake-logistics' }),
    });
  });
});
