import { SLACK_BOT_SCOPES } from '../src/slack/slack-app-requirements.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../test/fakes/slack-web-api.ts';

/** The test config's team channels, where routed posts land. */
export const TEAM_CHANNELS = ['C0SUPPORT', 'C0BILLING', 'C0ENGINEER', 'C0TRIAGE', 'C0ESCALATE', 'C0INCIDENT'];

/** Customer channels the bench bots watch (shared with the customer's workspace). */
export const CUSTOMER_CHANNELS = ['C1ACME', 'C1POHJOLA', 'C1NIMBUS', 'C1KAUPPA'];

/**
 * A signed-ready Events API body: customer message number `i`, `spacingSeconds` (default a day)
 * after message `i - 1` (so no two group into one request: the grouping window is minutes), in
 * one of the customer channels, carrying `text`.
 */
export function customerMessageEvent(input: {
  i: number;
  baseSeconds: number;
  text: string;
  eventId: string;
  spacingSeconds?: number;
}): string {
  const at = input.baseSeconds + input.i * (input.spacingSeconds ?? 86_400);
  const ts = `${at}.000100`;
  return JSON.stringify({
    token: 'legacy-token',
    team_id: 'T0VERBATIM',
    api_app_id: 'A0FAKEAPP',
    type: 'event_callback',
    event_id: input.eventId,
    event_time: at,
    is_ext_shared_channel: true,
    authorizations: [{ team_id: 'T0VERBATIM', user_id: 'U0VERBATIMBOT', is_bot: true }],
    event: {
      type: 'message',
      channel: CUSTOMER_CHANNELS[input.i % CUSTOMER_CHANNELS.length]!,
      user: 'U0CUST001',
      team: 'T0CUSTOMER',
      user_team: 'T0CUSTOMER',
      source_team: 'T0CUSTOMER',
      text: input.text,
      ts,
      event_ts: ts,
      channel_type: 'channel',
    },
  });
}

/** The fake Slack workspace the bench bots run against: team and customer channels, one customer. */
export async function startBenchSlack(): Promise<FakeSlackApi> {
  const slack = await startFakeSlackApi({
    team: { teamId: 'T0VERBATIM', botUserId: 'U0VERBATIMBOT', botId: 'B0VERBATIM', domain: 'verbatim' },
    scopes: [...SLACK_BOT_SCOPES],
  });
  for (const id of TEAM_CHANNELS) slack.setConversation(id, { name: id.toLowerCase() });
  for (const id of CUSTOMER_CHANNELS)
    slack.setConversation(id, { name: id.toLowerCase(), is_shared: true, is_ext_shared: true });
  slack.setUser('U0CUST001', {
    name: 'casey',
    real_name: 'Casey Customer',
    team_id: 'T0CUSTOMER',
    is_stranger: true,
  });
  return slack;
}
