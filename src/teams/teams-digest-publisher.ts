import type { Logger } from 'pino';
import type { DigestPublisher } from '../core/digest/digest-publisher.ts';
import { assertInternalLoudly, type TeamsChannelGuard } from './teams-channel-guard.ts';
import type { TeamsConnector } from './teams-connector.ts';
import { digestActivity, renderDigestCard } from './views/digest-card.ts';

/**
 * Posts the weekly digest into a Teams channel as one Adaptive Card: refuses a conversation with
 * members of another tenant (a channel shared with a customer) before anything is sent, then
 * posts the card through the connector. The chart goes inside the card as a data URI when the
 * whole message stays under Teams' size limit; otherwise the card says it was left out. Posting
 * once per week and destination is the ledger's job (publish-digest.ts), not this one's.
 */
export function createTeamsDigestPublisher(deps: {
  connector: TeamsConnector;
  guard: TeamsChannelGuard;
  logger: Logger;
}): DigestPublisher {
  return {
    platform: 'teams',
    async publish(destination, publication) {
      if (destination.platform !== 'teams')
        throw new Error(`not a Teams destination: ${destination.platform}`);
      const { conversationId } = destination;
      await assertInternalLoudly(deps.guard, deps.logger, conversationId);
      const rendering = renderDigestCard(publication.digest, {
        teamName: publication.teamName,
        late: publication.late,
        chartMissing: publication.chartMissing,
        chart: publication.chart,
      });
      if (publication.chart && !rendering.chartShown)
        deps.logger.info(
          { conversationId, chartBytes: publication.chart.png.length },
          'digest chart too large for a Teams message; posted without it',
        );
      const postId = await deps.connector.post(conversationId, digestActivity(rendering));
      return { postId, chartPosted: rendering.chartShown };
    },
  };
}
