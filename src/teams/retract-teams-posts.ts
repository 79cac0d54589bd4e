import type { PostRetractor, RetractionFailure, SharedCache } from '../core/ports.ts';
import { TeamsRateLimitedError } from './pace-teams-calls.ts';
import { statusOf, type TeamsConnector } from './teams-connector.ts';
import { forgetThreadReplies, listThreadReplies } from './thread-replies.ts';
import { removalActivity } from './views/removal-card.ts';

/**
 * The Teams PostRetractor: updates each erased post in place — and every reply Verbatim recorded in
 * its thread (continuation cards, follow-ups, notes; see thread-replies.ts) — to a card with the
 * removal notice and nothing else. Calls go through the connector's pacer (429 and 5xx waited out);
 * a message that still cannot be edited (deleted: 404, rate limited beyond the pacer, refused) is
 * reported with the reason and the others are still edited. A post's reply records are dropped
 * once all of its messages were edited.
 */
export function createTeamsPostRetractor(deps: {
  connector: TeamsConnector;
  keyv: SharedCache;
}): PostRetractor {
  const { connector, keyv } = deps;
  return {
    platform: 'teams',
    async retract(posts) {
      let edited = 0;
      const failed: RetractionFailure[] = [];
      const done = new Set<string>();
      for (const post of posts) {
        if (post.destination.platform !== 'teams') continue;
        const conversationId = post.destination.conversationId;
        const replies = await listThreadReplies(keyv, conversationId, post.id);
        let complete = true;
        for (const id of [post.id, ...replies]) {
          if (done.has(`${conversationId}:${id}`)) continue;
          done.add(`${conversationId}:${id}`);
          try {
            await connector.update(conversationId, id, removalActivity());
            edited += 1;
          } catch (error) {
            complete = false;
            failed.push({ ref: { destination: post.destination, id }, reason: describeTeamsFailure(error) });
          }
        }
        if (complete) await forgetThreadReplies(keyv, conversationId, post.id);
      }
      return { edited, failed };
    },
  };
}

function describeTeamsFailure(error: unknown): string {
  if (error instanceof TeamsRateLimitedError) return `rate limited beyond the pacer: ${error.message}`;
  const status = statusOf(error);
  if (status === 404) return 'not found (404): the message was deleted, or the bot was removed from the team';
  if (status === 403) return 'refused (403): the bot may no longer be in the team';
  if (status !== null) return `Teams answered ${status}`;
  return error instanceof Error ? error.message : String(error);
}
