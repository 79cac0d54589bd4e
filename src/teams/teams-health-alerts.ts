import type { Logger } from 'pino';
import type { HealthAlertSender } from '../core/health/take-daily-snapshots.ts';
import { assertInternalLoudly, type TeamsChannelGuard } from './teams-channel-guard.ts';
import type { TeamsConnector } from './teams-connector.ts';
import { cardAttachment } from './views/adaptive-card.ts';
import { healthAlertHeadline, renderHealthAlertCard } from './views/health-alert-card.ts';
import { neutralizeTeamsMarkdown } from './views/neutralize-teams-text.ts';

/** An Entra object id: how an account owner is named on Teams (`accounts[].owner`). */
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Health alerts on Teams: a 1:1 chat message to the account owner (an Entra object id in our
 * tenant) and a card in the CS channel, which must be internal (the guard refuses a conversation
 * with members of another tenant). Only Teams destinations and Entra owners are handled here;
 * Slack ids are left to the Slack sender.
 */
export function createTeamsHealthAlerts(deps: {
  connector: TeamsConnector;
  guard: TeamsChannelGuard;
  ourTenantId: string;
  logger: Logger;
}): HealthAlertSender {
  return {
    async send(alert, to) {
      const activity = {
        type: 'message' as const,
        summary: neutralizeTeamsMarkdown(healthAlertHeadline(alert)),
        attachments: [cardAttachment(renderHealthAlertCard(alert))],
      };
      const channel = to.channel?.platform === 'teams' ? to.channel.conversationId : null;
      // Refused before anything is sent, so a misconfigured channel does not half-send an alert.
      if (channel) await assertInternalLoudly(deps.guard, deps.logger, channel);
      const sent: string[] = [];
      if (to.owner && ENTRA_OBJECT_ID.test(to.owner)) {
        const chat = await deps.connector.openPersonalChat(to.owner, deps.ourTenantId);
        await deps.connector.post(chat, activity);
        sent.push('owner');
      }
      if (channel) {
        await deps.connector.post(channel, activity);
        sent.push('channel');
      }
      if (sent.length > 0)
        deps.logger.info({ accountId: alert.account.id, toBand: alert.toBand, sent }, 'health alert posted');
    },
  };
}
