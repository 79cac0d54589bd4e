import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { AdapterContext } from '../../adapter-contract.ts';
import type { DeadLetterSink } from '../../core/ports.ts';
import type { SlackUserDirectory } from '../slack-user-directory.ts';

/** Who the app is in Slack, from auth.test. */
export interface SlackIdentity {
  teamId: string;
  enterpriseId: string | null;
  botUserId: string;
  botId: string | null;
  /** e.g. `https://acme.slack.com/`, for permalinks when chat.getPermalink is not worth a call. */
  workspaceUrl: string | null;
}

/** What every listener gets: the pipeline's entry points and the Slack lookups it may make. */
export interface SlackListenerDeps {
  context: AdapterContext;
  /** Web API client for listeners: short timeout, no retries (create-slack-web-client.ts). */
  client: WebClient;
  identity: SlackIdentity;
  users: SlackUserDirectory;
  logger: Logger;
  deadLetters: DeadLetterSink;
  /** Runs work after the listener returned (Slack is answered first), logging its failure. */
  later(what: string, work: () => Promise<void>): void;
}

/** Our team and enterprise ids: an author from any of them is staff. */
export function ourTeamIds(identity: SlackIdentity): string[] {
  return identity.enterpriseId ? [identity.teamId, identity.enterpriseId] : [identity.teamId];
}
