import type { Logger } from 'pino';
import type { SharedCache } from '../core/ports.ts';
import type { TeamsConnector, TeamsMember } from './teams-connector.ts';

/** Members are looked up once a day per conversation (ms). */
const MEMBER_TTL_MS = 24 * 3600_000;

export interface TeamsMemberDirectory {
  /** The member with their tenant, cached; null when the connector does not know them (left, or a bot). */
  lookup(conversationId: string, userId: string): Promise<TeamsMember | null>;
  /** Cached member, without asking Teams (for people who already left). */
  cached(conversationId: string, userId: string): Promise<TeamsMember | null>;
}

export function createTeamsMemberDirectory(deps: {
  connector: TeamsConnector;
  keyv: SharedCache;
  logger: Logger;
}): TeamsMemberDirectory {
  const key = (conversationId: string, userId: string) =>
    `teams:member:${conversationId.split(';')[0]}:${userId}`;
  return {
    async lookup(conversationId, userId) {
      const known = (await deps.keyv.get(key(conversationId, userId))) as TeamsMember | undefined;
      if (known) return known;
      const member = await deps.connector.member(conversationId, userId);
      if (member) {
        await deps.keyv.set(key(conversationId, userId), member, MEMBER_TTL_MS);
        // Keep the member findable by their other id too (Teams user id vs AAD object id).
        const other = member.id === userId ? member.aadObjectId : member.id;
        if (other) await deps.keyv.set(key(conversationId, other), member, MEMBER_TTL_MS);
      } else {
        deps.logger.warn({ conversationId: conversationId.split(';')[0] }, 'Teams does not know this member');
      }
      return member;
    },
    async cached(conversationId, userId) {
      return ((await deps.keyv.get(key(conversationId, userId))) as TeamsMember | undefined) ?? null;
    },
  };
}
