import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/env-schema.ts';
import { parseConfigFile } from '../../src/config/load-config.ts';
import { SLACK_BOT_SCOPES } from '../../src/slack/slack-app-requirements.ts';
import { createSlackDoctorChecks } from '../../src/slack/slack-doctor-checks.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack-fake.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());

function file(yaml = TEST_CONFIG_YAML) {
  const parsed = parseConfigFile(yaml, 'test.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

async function runDoctor(env: Record<string, string>, yaml?: string) {
  const checks = createSlackDoctorChecks(
    EnvSchema.parse({ SLACK_BOT_TOKEN: slack.api.botToken, SLACK_API_URL: slack.api.url, ...env }),
    file(yaml),
  );
  return (await Promise.all(checks.map((check) => check()))).flat();
}

function seedHealthyWorkspace() {
  slack.api.reset();
  slack.api.setScopes([...SLACK_BOT_SCOPES]);
  for (const id of ['C0SUPPORT', 'C0BILLING', 'C0ENGINEER', 'C0TRIAGE', 'C0ESCALATE', 'C0INCIDENT'])
    slack.api.setConversation(id, { name: id.toLowerCase() });
  for (const id of ['C1ACME', 'C1POHJOLA', 'C1NIMBUS', 'C1KAUPPA']) {
    slack.api.setConversation(id, { name: id.toLowerCase(), is_shared: true, is_ext_shared: true });
  }
}

describe('verbatim doctor: Slack', () => {
  it('is all green for a healthy install in Socket Mode', async () => {
    seedHealthyWorkspace();
    const findings = await runDoctor({ SLACK_APP_TOKEN: slack.api.appToken });
    expect(findings.filter((finding) => finding.status !== 'ok')).toEqual([]);
    expect(findings.map((finding) => finding.check)).toContain('slack customer channel #c1acme (C1ACME)');
  });

  it('reports missing scopes, a shared team destination, and channels without the bot, each with its fix', async () => {
    seedHealthyWorkspace();
    slack.api.setScopes(
      SLACK_BOT_SCOPES.filter((scope) => scope !== 'files:read' && scope !== 'reactions:read'),
    );
    slack.api.setConversation('C0SUPPORT', { is_ext_shared: true, is_shared: true });
    slack.api.setConversation('C0BILLING', { is_member: false });
    slack.api.setConversation('C1ACME', { is_member: false });
    const findings = await runDoctor({ SLACK_SIGNING_SECRET: 'secret' });
    const errors = findings.filter((finding) => finding.status === 'error');
    expect(errors.find((finding) => finding.check === 'slack scopes')).toMatchObject({
      message: 'missing scopes: reactions:read, files:read',
      fix: expect.stringContaining('manifests/slack/manifest.yaml'),
    });
    expect(errors.find((finding) => finding.check.includes('C0SUPPORT'))).toMatchObject({
      message: expect.stringContaining('shared with another organisation'),
      fix: expect.stringContaining('internal channel'),
    });
    expect(errors.find((finding) => finding.check.includes('C0BILLING'))?.message).toContain(
      'cannot post here',
    );
    expect(errors.find((finding) => finding.check.includes('C1ACME'))?.message).toContain(
      'does not see these messages',
    );
    expect(findings.find((finding) => finding.check === 'slack connection')?.message).toContain('HTTP mode');
  });

  it('explains a bad token', async () => {
    seedHealthyWorkspace();
    const badToken = createSlackDoctorChecks(
      EnvSchema.parse({
        SLACK_BOT_TOKEN: 'xoxb-wrong',
        SLACK_API_URL: slack.api.url,
        SLACK_APP_TOKEN: slack.api.appToken,
      }),
      file(),
    );
    const [finding] = await badToken[0]!();
    expect(finding).toMatchObject({
      status: 'error',
      message: expect.stringContaining('invalid_auth'),
      fix: expect.stringMatching(/copy the Bot User OAuth Token/),
    });
  });

  it('tells an unreachable Slack apart from a bad token', async () => {
    const offline = createSlackDoctorChecks(
      EnvSchema.parse({
        SLACK_BOT_TOKEN: 'xoxb-1-2',
        // Nothing listens on port 1: the connection is refused, Slack never answers.
        SLACK_API_URL: 'http://127.0.0.1:1/api/',
        SLACK_APP_TOKEN: 'xapp-1-2',
      }),
      file(),
    );
    const [finding] = await offline[0]!();
    expect(finding).toMatchObject({
      status: 'error',
      message: expect.stringMatching(
        /cannot reach Slack.*\(the token was not checked: Slack did not answer\)/,
      ),
      fix: expect.stringMatching(
        /network access to http:\/\/127\.0\.0\.1:1\/api\/ .*the token may well be right/,
      ),
    });
    expect(finding?.fix).not.toMatch(/copy the Bot User OAuth Token/);
  }, 60_000);

  it('reports an unknown channel id', async () => {
    seedHealthyWorkspace();
    const findings = await runDoctor(
      { SLACK_APP_TOKEN: slack.api.appToken },
      TEST_CONFIG_YAML.replace('C0BILLING', 'C0MISSING'),
    );
    expect(findings.find((f) => f.check.includes('C0MISSING'))).toMatchObject({
      status: 'error',
      message: expect.stringContaining('channel_not_found'),
    });
  });
});
