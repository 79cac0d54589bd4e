import type { WebClient } from '@slack/web-api';
import { describeSlackError } from './describe-slack-error.ts';
import type { SlackPacer } from './pace-slack-calls.ts';

/** The conversations.info fields that tell whether another organisation can read a channel. */
export interface ChannelSharing {
  id?: string;
  name?: string;
  is_ext_shared?: boolean;
  is_pending_ext_shared?: boolean;
  is_shared?: boolean;
  is_org_shared?: boolean;
  connected_team_ids?: string[];
  pending_connected_team_ids?: string[];
}

/**
 * Why a channel counts as shared with another organisation, or null when only we can read it.
 * Slack warns "beware of is_shared" (api.slack.com/apis/channels-between-orgs): it is also true
 * for channels shared between workspaces of one Enterprise org (`is_org_shared`), which are ours.
 */
export function describeExternalSharing(channel: ChannelSharing): string | null {
  if (channel.is_ext_shared) return 'it is a Slack Connect channel shared with another organisation';
  if (channel.is_pending_ext_shared || (channel.pending_connected_team_ids?.length ?? 0) > 0) {
    return 'an invitation to share it with another organisation is pending';
  }
  if ((channel.connected_team_ids?.length ?? 0) > 0)
    return 'it is connected to another organisation’s workspace';
  if (channel.is_shared && !channel.is_org_shared) return 'it is shared with another workspace';
  return null;
}

/** Thrown instead of posting internal content where another organisation could read it. */
export class SharedChannelError extends Error {
  override name = 'SharedChannelError';
  constructor(
    readonly channel: string,
    reason: string,
  ) {
    super(
      `refusing to post into Slack channel ${channel}: ${reason}, so customers would see internal triage. ` +
        'Fix: point this destination (team destination, escalation, routing.unmapped or digest) in the config file ' +
        'at an internal channel, then retry the job.',
    );
  }
}

export interface SharedChannelGuard {
  /** Resolves when only our organisation can read `channel`; throws SharedChannelError otherwise. */
  assertInternal(channel: string): Promise<void>;
}

/**
 * Checks a channel with conversations.info before Verbatim posts into it, caching the answer
 * briefly (`ttlMs`) so a burst of posts costs one lookup but a channel shared later is caught soon.
 */
export function createSharedChannelGuard(input: {
  client: WebClient;
  pacer: SlackPacer;
  ttlMs?: number;
  now?: () => number;
}): SharedChannelGuard {
  const ttlMs = input.ttlMs ?? 60_000;
  const now = input.now ?? Date.now;
  const cache = new Map<string, { reason: string | null; until: number }>();
  return {
    async assertInternal(channel) {
      let entry = cache.get(channel);
      if (!entry || entry.until <= now()) {
        let info: ChannelSharing;
        try {
          const response = await input.pacer.call(() => input.client.conversations.info({ channel }));
          info = (response.channel ?? {}) as ChannelSharing;
        } catch (error) {
          throw new Error(
            `cannot check Slack channel ${channel} before posting: ${describeSlackError(error)}`,
            {
              cause: error,
            },
          );
        }
        entry = { reason: describeExternalSharing(info), until: now() + ttlMs };
        cache.set(channel, entry);
      }
      if (entry.reason) throw new SharedChannelError(channel, entry.reason);
    },
  };
}
