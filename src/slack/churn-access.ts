import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';

export interface ChurnAccess {
  /** Whether a user of our workspace may see account health. */
  allows(userId: string): Promise<boolean>;
}

/** How long a usergroup's member list is trusted (ms). */
const GROUP_TTL_MS = 5 * 60_000;

/**
 * `churn.allowedUsers` and `churn.allowedGroups` (usergroup ids, members read with
 * usergroups.users.list and cached). Both empty: everyone in our workspace. A group that cannot
 * be read denies (fail closed) and is not cached, so the next call asks again.
 */
export function createChurnAccess(input: {
  client: WebClient;
  allowedUsers: string[];
  allowedGroups: string[];
  logger: Logger;
  now?: () => number;
}): ChurnAccess {
  const now = input.now ?? Date.now;
  const users = new Set(input.allowedUsers);
  const groups = new Map<string, { members: Set<string>; until: number }>();

  async function members(group: string): Promise<Set<string>> {
    const cached = groups.get(group);
    if (cached && cached.until > now()) return cached.members;
    try {
      const response = await input.client.usergroups.users.list({ usergroup: group });
      const set = new Set(response.users ?? []);
      groups.set(group, { members: set, until: now() + GROUP_TTL_MS });
      return set;
    } catch (error) {
      input.logger.warn({ err: error, usergroup: group }, 'cannot read churn.allowedGroups members; denying');
      return new Set();
    }
  }

  return {
    async allows(userId) {
      if (input.allowedUsers.length === 0 && input.allowedGroups.length === 0) return true;
      if (users.has(userId)) return true;
      for (const group of input.allowedGroups) if ((await members(group)).has(userId)) return true;
      return false;
    },
  };
}
