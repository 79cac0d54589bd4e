import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SharedCache } from '../core/ports.ts';
import type { SlackUserFacts } from './classify-slack-author.ts';

export interface SlackUserDirectory {
  /** What users.info says about a user, cached; null when Slack cannot tell us in time. */
  lookup(userId: string): Promise<SlackUserFacts | null>;
}

interface SlackUser {
  id?: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  is_stranger?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_bot?: boolean;
  profile?: { display_name?: string; real_name?: string; email?: string; title?: string };
}

/**
 * users.info behind two caches: keyv (shared by replicas, `ttlMs`) and a small in-process map
 * (`memoryTtlMs`) so a burst of messages from one customer costs one lookup. A failed lookup is
 * not cached and returns null: the listener falls back on the event's own fields.
 */
export function createSlackUserDirectory(input: {
  client: WebClient;
  keyv: SharedCache;
  logger: Logger;
  ttlMs?: number;
  memoryTtlMs?: number;
  now?: () => number;
}): SlackUserDirectory {
  const ttlMs = input.ttlMs ?? 3600_000;
  const memoryTtlMs = input.memoryTtlMs ?? 60_000;
  const now = input.now ?? Date.now;
  const memory = new Map<string, { facts: SlackUserFacts; until: number }>();
  const inFlight = new Map<string, Promise<SlackUserFacts | null>>();

  async function fetchFacts(userId: string): Promise<SlackUserFacts | null> {
    const key = `slack:user:${userId}`;
    const cached = (await input.keyv.get(key)) as SlackUserFacts | undefined;
    if (cached) return cached;
    try {
      const response = await input.client.users.info({ user: userId });
      const facts = toFacts(userId, (response.user ?? {}) as SlackUser);
      await input.keyv.set(key, facts, ttlMs);
      return facts;
    } catch (error) {
      input.logger.warn({ err: error, userId }, 'users.info failed; using the event’s own fields');
      return null;
    }
  }

  return {
    async lookup(userId) {
      const hit = memory.get(userId);
      if (hit && hit.until > now()) return hit.facts;
      let pending = inFlight.get(userId);
      if (!pending) {
        pending = fetchFacts(userId).finally(() => inFlight.delete(userId));
        inFlight.set(userId, pending);
      }
      const facts = await pending;
      if (facts) memory.set(userId, { facts, until: now() + memoryTtlMs });
      return facts;
    },
  };
}

function toFacts(userId: string, user: SlackUser): SlackUserFacts {
  const name = user.profile?.display_name || user.real_name || user.profile?.real_name || user.name || userId;
  return {
    id: userId,
    name,
    ...(user.team_id ? { teamId: user.team_id } : {}),
    ...(user.profile?.email ? { email: user.profile.email } : {}),
    ...(user.profile?.title ? { title: user.profile.title } : {}),
    isStranger: user.is_stranger === true,
    isGuest: user.is_restricted === true || user.is_ultra_restricted === true,
    isBot: user.is_bot === true,
  };
}
