import type { SharedCache } from '../core/ports.ts';
import type { TeamsConnector } from './teams-connector.ts';

/** Thrown instead of posting internal content where people from another tenant can read it. */
export class ExternalMembersError extends Error {
  override name = 'ExternalMembersError';
}

export interface TeamsChannelGuard {
  /** Resolves when every member of the conversation belongs to our tenant; throws ExternalMembersError otherwise. */
  assertInternal(conversationId: string): Promise<void>;
}

/** `guard.assertInternal`, with a refusal logged as an error (it is a misconfiguration to fix). */
export async function assertInternalLoudly(
  guard: TeamsChannelGuard,
  logger: { error(fields: object, message: string): void },
  conversationId: string,
): Promise<void> {
  try {
    await guard.assertInternal(conversationId);
  } catch (error) {
    if (error instanceof ExternalMembersError) logger.error({ conversationId, err: error }, error.message);
    throw error;
  }
}

/** How long a channel's verdict is trusted before the members are checked again (ms). */
export const GUARD_TTL_MS = 3600_000;

/**
 * Refuses Teams conversations with members of another tenant (shared channels with a customer,
 * guests from elsewhere). The verdict is cached in keyv for an hour, so a channel that gains an
 * external member is refused again within the hour.
 */
export function createTeamsChannelGuard(deps: {
  connector: TeamsConnector;
  keyv: SharedCache;
  ourTenantId: string;
  ttlMs?: number;
}): TeamsChannelGuard {
  const key = (conversationId: string) => `teams:guard:${conversationId.split(';')[0]}`;
  return {
    async assertInternal(conversationId) {
      let externals = (await deps.keyv.get(key(conversationId))) as number | undefined;
      if (externals === undefined) {
        const members = await deps.connector.members(conversationId);
        externals = members.filter(
          (member) => member.tenantId && member.tenantId !== deps.ourTenantId,
        ).length;
        await deps.keyv.set(key(conversationId), externals, deps.ttlMs ?? GUARD_TTL_MS);
      }
      if (externals > 0) {
        throw new ExternalMembersError(
          `refusing to post into Teams conversation ${conversationId.split(';')[0]}: ${externals} member(s) belong to another tenant; ` +
            'route this team to an internal channel (teams[].destination)',
        );
      }
    },
  };
}
