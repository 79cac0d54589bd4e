import type { App } from '@slack/bolt';

export const CHURN_NOT_AVAILABLE =
  'Account health is not available yet: Verbatim is collecting the signals it needs. ' +
  'Once it is, `/churn acme` will explain an account’s health and `/churn` will list the riskiest accounts.';

/** `/churn`: answered ephemerally in the ack itself (within Slack's 3 s), visible only to the caller. */
export function registerChurnCommand(app: App): void {
  app.command('/churn', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: CHURN_NOT_AVAILABLE });
  });
}
