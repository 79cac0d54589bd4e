import { type Inbox, type StoredInboxEntry, UnreadableInboxEntryError } from '../core/inbox.ts';
import { TeamsInboundActivitySchema } from './teams-inbound-activity.ts';
import {
  HANDLED_TEAMS_ACTIVITY_TYPES,
  handleTeamsActivity,
  type TeamsIngest,
  type TeamsIngestDeps,
} from './teams-ingest.ts';
import { teamsMessagePlatformId, teamsPlatformId } from './teams-platform-id.ts';

export interface TeamsInboxIngestDeps extends TeamsIngestDeps {
  inbox: Pick<Inbox, 'append' | 'process' | 'isPending'>;
}

/**
 * The durable way in for Teams (issue 13): `receive` writes the raw activity to the inbox, once
 * per platform id (teams-platform-id.ts), and resolves only when it is committed, so Teams gets
 * its 200 after the commit, and a 500 (then a redelivery) when the store fails. Member look-ups,
 * account mapping and ingest run later from the stored copy (`processTeamsInboxEntry`), retried
 * by the inbox worker until they succeed or the entry becomes an `inbox:teams` dead letter.
 */
export function createTeamsInboxIngest(deps: TeamsInboxIngestDeps): TeamsIngest {
  deps.inbox.process('teams', (entry) => processTeamsInboxEntry(deps, entry));
  return {
    async receive(activity) {
      // Typing indicators, installs, invokes other than card actions: nothing reads them.
      if (!HANDLED_TEAMS_ACTIVITY_TYPES.has(activity.type)) return;
      const platformId = teamsPlatformId(activity);
      const { stored } = await deps.inbox.append({ source: 'teams', platformId, payload: activity });
      if (!stored)
        deps.logger.debug({ platformId }, 'Teams delivered an activity again; already in the inbox');
    },
  };
}

/** Activities that change a message Verbatim may have stored: they need that message first. */
const CHANGES_A_MESSAGE = new Set(['messageUpdate', 'messageDelete']);

/**
 * Runs one stored Teams activity through `handleTeamsActivity`. A payload that is not a Teams
 * activity cannot get better by retrying: it becomes a dead letter at once, with the reason. A
 * failure while handling (the connector down, the database away) throws, and the worker retries.
 * The worker runs several entries at once, so an edit or a deletion can come up while its message
 * is still waiting in the inbox (or being retried): it waits for it, by failing this attempt,
 * instead of finding no message and being dropped.
 */
export async function processTeamsInboxEntry(
  deps: TeamsIngestDeps & { inbox: Pick<Inbox, 'isPending'> },
  entry: StoredInboxEntry,
): Promise<void> {
  const parsed = TeamsInboundActivitySchema.safeParse(entry.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new UnreadableInboxEntryError(`not a Teams activity: ${issues}`);
  }
  const { type, id, conversation } = parsed.data;
  if (CHANGES_A_MESSAGE.has(type) && id) {
    const message = teamsMessagePlatformId(conversation.id, id);
    if (await deps.inbox.isPending('teams', message))
      throw new Error(`${type} of message ${id} waits for the message, still in the inbox; retried`);
  }
  const outcome = await handleTeamsActivity(deps, parsed.data);
  deps.logger.debug(
    { inboxId: entry.id, platformId: entry.platformId, attempt: entry.attempts, outcome },
    'teams activity processed from the inbox',
  );
}
