import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/slack/create-slack-adapter.ts';
import { SLACK_BOT_SCOPES } from '../../src/slack/slack-app-requirements.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack-fake.ts';
import { BOT_USER, CUSTOMER_TEAM, customerMessage, envelope, TEAM_ID } from '../slack/slack-harness.ts';
import { createCardValidator } from './card-schema.ts';
import {
  channelMessage,
  SHARED_CHANNEL,
  STAFF,
  SUPPORT_CHANNEL,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.ts';

/** Support (bugs) works in Teams, Billing in Slack; one customer on each platform. */
const CROSS_YAML = `
calendar:
  timezone: Europe/Helsinki
  days: [mon, tue, wed, thu, fri, sat, sun]
  hours: [["00:00", "24:00"]]
grouping:
  windowMinutes: 5
  triageDelaySeconds: 0
teams:
  - id: support
    name: Support
    destination: { platform: teams, conversationId: "${SUPPORT_CHANNEL}" }
    topics: [bug]
    onCall: ${STAFF.aadObjectId}
  - id: billing
    name: Billing
    destination: { platform: slack, channel: C0BILLING }
    topics: [billing]
topics:
  - { id: bug, label: Bug, keywords: [bug] }
  - { id: billing, label: Billing, keywords: [invoice] }
routing:
  defaultTeam: support
  unmapped: { platform: slack, channel: C0TRIAGE }
accounts:
  - id: fjord
    name: Fjord Travel
    channels: ["teams:${SHARED_CHANNEL}"]
  - id: acme
    name: Acme Logistics
    channels: [slack:C1ACME]
ownDomains: [verbatim-demo.example]
`;

let harness: TeamsHarness | null = null;
let slack: FakeSlack | null = null;
afterEach(async () => {
  await harness?.close();
  await slack?.close();
  harness = null;
  slack = null;
});

describe('cross-platform routing', () => {
  it('routes a Slack customer message to a Teams channel and a Teams customer message to a Slack channel', async () => {
    slack = await startFakeSlack({
      api: {
        team: { teamId: TEAM_ID, botUserId: BOT_USER, botId: 'B0VERBATIM', domain: 'verbatim' },
        scopes: [...SLACK_BOT_SCOPES],
      },
    });
    const fake = slack;
    fake.api.setConversation('C0BILLING', { name: 'billing' });
    fake.api.setConversation('C0TRIAGE', { name: 'triage' });
    fake.api.setConversation('C1ACME', {
      name: 'acme-verbatim',
      is_shared: true,
      is_ext_shared: true,
      connected_team_ids: [CUSTOMER_TEAM],
    });
    fake.api.setMembers('C0BILLING', [BOT_USER]);
    fake.api.setUser('U0CUST001', {
      name: 'casey',
      real_name: 'Casey Acme',
      team_id: CUSTOMER_TEAM,
      is_stranger: true,
    });
    harness = await startTeamsHarness({
      yaml: CROSS_YAML,
      env: {
        SLACK_BOT_TOKEN: fake.api.botToken,
        SLACK_APP_TOKEN: fake.api.appToken,
        SLACK_API_URL: fake.api.url,
      },
      extraAdapters: [(context) => createSlackAdapter(context, { postIntervalMs: 20 })],
    });
    const h = harness;
    await fake.socketMode.waitForConnection();

    // Slack → Teams: a bug report from Acme's Slack Connect channel lands as a card in Teams.
    await fake.socketMode.deliver(
      'events_api',
      envelope(customerMessage({ text: 'The export has a bug since Monday' })),
    );
    const card = await h.waitFor('card in Teams', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    const content = (card.activity.attachments as Array<{ content: unknown }>)[0]!.content;
    expect(createCardValidator()(content)).toEqual([]);
    expect(JSON.stringify(content)).toContain('The export has a bug since Monday');
    expect(JSON.stringify(content)).toContain('Acme Logistics');

    // Teams → Slack: an invoice question from Fjord's Teams shared channel lands in Slack's #billing.
    await h.send(channelMessage({ text: 'Our invoice for March is wrong' }));
    const post = await h.waitFor('post in Slack', () =>
      fake.api
        .messages('C0BILLING')
        .find((message) => JSON.stringify(message).includes('Our invoice for March is wrong')),
    );
    expect(JSON.stringify(post)).toContain('Fjord Travel');
  }, 60_000);
});
