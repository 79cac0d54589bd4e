import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/config-problem.ts';
import { loadConfig, loadEnv, parseConfigFile } from '../../src/config/load-config.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';

describe('environment', () => {
  it('applies defaults and leaves adapters off when their variables are empty', () => {
    const result = loadEnv({ SLACK_BOT_TOKEN: '  ' }, mkdtempSync(join(tmpdir(), 'env-')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.PORT).toBe(3000);
    expect(result.value.VERBATIM_DATA_DIR).toBe('./data');
    expect(result.value.SLACK_BOT_TOKEN).toBeUndefined();
    expect(result.value.ANTHROPIC_MODEL).toBe('claude-haiku-5-5');
  });

  it('reads .env from the working directory, with real variables winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env'), 'PORT=4100\nLOG_LEVEL=debug\n');
    const result = loadEnv({ PORT: '4200' }, dir);
    expect(result.ok && result.value.PORT).toBe(4200);
    expect(result.ok && result.value.LOG_LEVEL).toBe('debug');
  });

  it('reports every bad variable at once', () => {
    const result = loadEnv(
      { PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxp-user-token', LOG_LEVEL: 'loud' },
      tmpdir(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path).sort()).toEqual([
      'LOG_LEVEL',
      'PORT',
      'SLACK_BOT_TOKEN',
    ]);
    expect(result.problems.find((problem) => problem.path === 'SLACK_BOT_TOKEN')?.message).toMatch(/xoxb-/);
  });
});

describe('config file', () => {
  it('accepts the test organisation', () => {
    expect(parseConfigFile(TEST_CONFIG_YAML, 'c.yaml').ok).toBe(true);
  });

  it('reports every problem with its file, line and what would be valid', () => {
    const broken = TEST_CONFIG_YAML.replace('defaultTeam: support', 'defaultTeam: helpdesk')
      .replace('timezone: Europe/Helsinki', 'timezone: Europe/Atlantis')
      .replace('tier: enterprise', 'tier: platinum')
      .replace('topics: [billing]', 'topics: [billing, refunds]');
    const result = parseConfigFile(broken, 'verbatim.config.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.map(formatProblem);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^verbatim\.config\.yaml:3: calendar\.timezone: an IANA time zone/),
        expect.stringMatching(/accounts\[0\]\.tier: must be one of "enterprise", "growth", "starter"/),
        expect.stringMatching(/teams\[1\]\.topics\[1\]: unknown topic "refunds"; known topics: bug, outage/),
      ]),
    );
    // The superRefine checks (unknown team) only run once the shape is valid; every shape problem is reported first.
    expect(result.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('reports cross-reference problems: unknown teams, topics, calendars, duplicate accounts', () => {
    const broken = TEST_CONFIG_YAML.replace('defaultTeam: support', 'defaultTeam: helpdesk').replace(
      '  - id: pohjola',
      '  - id: acme\n    name: Duplicate\n  - id: pohjola',
    );
    const result = parseConfigFile(broken, 'c.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.map(formatProblem).join('\n');
    expect(text).toMatch(
      /routing\.defaultTeam: unknown team "helpdesk"; known teams: support, billing, engineering/,
    );
    expect(text).toMatch(/accounts\[1\]\.id: duplicate account id "acme" \(also accounts\[0\]\)/);
  });

  it('explains YAML syntax errors with the line', () => {
    const result = parseConfigFile('teams:\n  - id: a\n   name: b\n', 'bad.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/^YAML syntax/);
    expect(result.problems[0]?.line).toBeGreaterThan(0);
  });

  it('tells how to fix a missing config file, together with environment problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const result = loadConfig({ PORT: 'x' }, dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.file)).toEqual([
      'environment',
      join(dir, 'verbatim.config.yaml'),
    ]);
    expect(result.problems[1]?.message).toMatch(/examples\/verbatim\.config\.yaml/);
  });
});

describe('noise patterns', () => {
  it('are checked as regular expressions when the config is read', () => {
    const result = parseConfigFile(
      `${TEST_CONFIG_YAML}\nnoise:\n  patterns: ["^ok$", "(unclosed"]\n`,
      'c.yaml',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem).join('\n')).toMatch(
      /noise\.patterns\[1\]: not a valid regular expression/,
    );
  });
});

describe('typos the shape alone would let through', () => {
  const problemsOf = (yaml: string) => {
    const result = parseConfigFile(yaml, 'c.yaml');
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('reports unknown keys at every level, with the line and a "did you mean"', () => {
    const text = problemsOf(
      `${TEST_CONFIG_YAML.replace('  days: [mon', '  timezon: UTC\n  days: [mon').replace(
        '    manager: U0MANAGER',
        '    manger: U0MANAGER',
      )}\nsla:\n  warnat: 0.5\nreaction:\n  claim: [eyes]\ndigest:\n  destination: { platform: slack, chanel: C0DIGEST }\nfrobnicate: true\n`,
    );
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^c\.yaml:4: calendar\.timezon: unknown key "timezon"; did you mean "timezone"\?$/,
        ),
        expect.stringMatching(
          /^c\.yaml:\d+: teams\[0\]\.manger: unknown key "manger"; did you mean "manager"\?$/,
        ),
        expect.stringMatching(/^c\.yaml:\d+: sla\.warnat: unknown key "warnat"; did you mean "warnAt"\?$/),
        expect.stringMatching(/^c\.yaml:\d+: reaction: unknown key "reaction"; did you mean "reactions"\?$/),
        expect.stringMatching(/digest\.destination\.chanel: unknown key "chanel"; did you mean "channel"\?$/),
        expect.stringMatching(
          /frobnicate: unknown key "frobnicate"; known keys here: calendar, calendars, sla/,
        ),
      ]),
    );
    const lines = text.map((line) => Number(/^c\.yaml:(\d+):/.exec(line)?.[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('checks cron schedules with a cron parser', () => {
    expect(problemsOf(`${TEST_CONFIG_YAML}\ndigest:\n  schedule: every monday\n`).join('\n')).toMatch(
      /digest\.schedule: "every monday" is not a cron expression: it needs five fields/,
    );
    expect(problemsOf(`${TEST_CONFIG_YAML}\ndigest:\n  schedule: "61 9 * * 1"\n`).join('\n')).toMatch(
      /digest\.schedule: "61 9 \* \* 1" is not a valid cron expression \(.*minute.*\)/,
    );
    expect(
      parseConfigFile(`${TEST_CONFIG_YAML}\ndigest:\n  schedule: "30 8 * * mon-fri"\n`, 'c.yaml').ok,
    ).toBe(true);
  });

  it('lists the valid values of an enum and guesses the intended one', () => {
    expect(problemsOf(TEST_CONFIG_YAML.replace('tier: growth', 'tier: grwth')).join('\n')).toMatch(
      /accounts\[1\]\.tier: must be one of "enterprise", "growth", "starter", not "grwth"; did you mean "growth"\?/,
    );
  });

  it('requires the tiers of routing rules to exist among account tiers or sla.tiers', () => {
    const rules = (tier: string) =>
      TEST_CONFIG_YAML.replace(
        '  unmapped: { platform: slack, channel: C0TRIAGE }',
        `  unmapped: { platform: slack, channel: C0TRIAGE }\n  rules:\n    - { tier: ${tier}, team: billing }`,
      );
    expect(problemsOf(rules('enterprize')).join('\n')).toMatch(
      /routing\.rules\[0\]\.tier: unknown tier "enterprize"; did you mean "enterprise"\? Tiers: enterprise, growth, starter/,
    );
    expect(parseConfigFile(rules('enterprise'), 'c.yaml').ok).toBe(true);
    expect(
      parseConfigFile(`${rules('strategic')}\nsla:\n  tiers:\n    strategic: { P1: 15 }\n`, 'c.yaml').ok,
    ).toBe(true);
  });

  it('accepts the example configuration as it is', () => {
    const text = readFileSync(join(process.cwd(), 'examples/verbatim.config.yaml'), 'utf8');
    const result = parseConfigFile(text, 'examples/verbatim.config.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });
});
