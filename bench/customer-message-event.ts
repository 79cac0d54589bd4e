/** Customer channels the bench bots watch (shared with the customer's workspace). */
export const CUSTOMER_CHANNELS = ['C1ACME', 'C1POHJOLA', 'C1NIMBUS', 'C1KAUPPA'];

/**
 * A signed-ready Events API body: customer message number `i`, a day after message `i - 1`
 * (so no two group into one request), in one of the customer channels, carrying `text`.
 */
export function customerMessageEvent(input: {
  i: number;
  baseSeconds: number;
  text: string;
  eventId: string;
}): string {
  const ts = `${input.baseSeconds + input.i * 86_400}.000100`;
  return JSON.stringify({
    token: 'legacy-token',
    team_id: 'T0VERBATIM',
    api_app_id: 'A0FAKEAPP',
    type: 'event_callback',
    event_id: input.eventId,
    event_time: input.baseSeconds + input.i * 86_400,
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
