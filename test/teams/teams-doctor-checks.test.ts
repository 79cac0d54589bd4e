import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsDoctorChecks } from '../../src/teams/teams-doctor-checks.ts';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-framework-connector.ts';
import { testConfig } from '../support/test-config.ts';
import {
  CLIENT_ID,
  CUSTOMER,
  CUSTOMER_TENANT,
  ESCALATION_CHANNEL,
  OUR_TENANT,
  SHARED_CHANNEL,
  STAFF,
  SUPPORT_CHANNEL,
  TEAMS_CONFIG_YAML,
  TRIAGE_CHANNEL,
} from './teams-harness.ts';

let connector: FakeConnector;
beforeEach(async () => {
  connector = await startFakeConnector();
  connector.credentials = { clientId: CLIENT_ID, clientSecret: 'right-secret' };
});
afterEach(async () => {
  await connector.close();
});

async function runDoctor(secret: string) {
  const config = testConfig({
    yaml: TEAMS_CONFIG_YAML,
    env: {
      TEAMS_CLIENT_ID: CLIENT_ID,
      TEAMS_CLIENT_SECRET: secret,
      TEAMS_TENANT_ID: OUR_TENANT,
      TEAMS_SERVICE_URL: connector.url,
      TEAMS_LOGIN_URL: connector.url,
    },
  });
  const findings = [];
  for (const check of createTeamsDoctorChecks(config.env, config.file)) findings.push(...(await check()));
  return findings;
}

describe('verbatim doctor: Teams', () => {
  it('acquires a bot token and reads every configured channel; flags a missing install and an external member', async () => {
    const internal = [{ ...STAFF, tenantId: OUR_TENANT }];
    connector.rosters.set(SUPPORT_CHANNEL, internal);
    connector.rosters.set(ESCALATION_CHANNEL, [...internal, { ...CUSTOMER, tenantId: CUSTOMER_TENANT }]);
    connector.rosters.set(SHARED_CHANNEL, [...internal, { ...CUSTOMER, tenantId: CUSTOMER_TENANT }]);
    // TRIAGE_CHANNEL and the billing channel: app not installed (the connector answers 404).
    const findings = await runDoctor('right-secret');
    expect(connector.tokenRequests[0]).toMatchObject({
      scope: 'https://api.botframework.com/.default',
      client_id: CLIENT_ID,
    });
    expect(connector.requests).toContain(`POST /${OUR_TENANT}/oauth2/v2.0/token`);
    const byText = (part: string) => findings.find((finding) => finding.message.includes(part));
    expect(byText('credentials valid')?.status).toBe('ok');
    expect(byText(SUPPORT_CHANNEL)?.status).toBe('ok');
    expect(byText(ESCALATION_CHANNEL)).toMatchObject({
      status: 'error',
      message: expect.stringContaining('another tenant'),
    });
    expect(byText(TRIAGE_CHANNEL)).toMatchObject({
      status: 'error',
      fix: expect.stringContaining('Add to a team'),
    });
    expect(byText(SHARED_CHANNEL)).toMatchObject({
      status: 'ok',
      message: expect.stringContaining('1 external'),
    });
    // The token the doctor got is the one it used for the members API.
    expect(
      connector.requests.some((line) =>
        line.startsWith(`GET /v3/conversations/${SUPPORT_CHANNEL}/pagedmembers`),
      ),
    ).toBe(true);
  });

  it('explains wrong credentials with the fix', async () => {
    const findings = await runDoctor('wrong-secret');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      status: 'error',
      message: expect.stringContaining('invalid_client'),
    });
    expect(findings[0]!.fix).toContain('TEAMS_CLIENT_SECRET');
  });
});
