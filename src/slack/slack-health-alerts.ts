import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { HealthAlertSender } from '../core/health/take-daily-snapshots.ts';
import type { SlackPacer } from './pace-slack-calls.ts';
import type { SharedChannelGuard } from './shared-channel-guard.ts';
import { renderHealthAlert } from './views/health-alert-blocks.ts';

/**
 * Health alerts on Slack: a DM to the account owner (a Slack user id) and a post in the CS channel,
 * which must be internal (the guard refuses a channel shared with another organisation). Only
 * Slack destinations are handled here; others are left to their platform.
 */
export function createSlackHealthAlerts(deps: {
  client: WebClient;
  pacer: SlackPacer;
  guard: SharedChannelGuard;
  logger: Logger;
}): HealthAlertSender {
  return {
    async send(alert, to) {
      const body = renderHealthAlert(alert);
      const post = (channel: string) =>
        deps.pacer.post(channel, () =>
          deps.client.chat.postMessage({
            channel,
            text: body.text,
            blocks: body.blocks as never,
            unfurl_links: false,
          }),
        );
      if (to.owner && /^[UW][A-Z0-9]+$/.test(to.owner)) await post(to.owner);
      if (to.channel?.platform === 'slack') {
        await deps.guard.assertInternal(to.channel.channel);
        await post(to.channel.channel);
      }
      deps.logger.info({ accountId: alert.account.id, toBand: alert.toBand }, 'health alert posted');
    },
  };
}
