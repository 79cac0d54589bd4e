import type { ActivityLike, ActivityParams } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import { z } from 'zod';
import type { TeamsPacer } from './pace-teams-calls.ts';

/** A member of a Teams conversation, as the connector's members API reports it. */
export const TeamsMemberSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
  tenantId: z.string().optional(),
  email: z.string().optional(),
  userPrincipalName: z.string().optional(),
});
export type TeamsMember = z.infer<typeof TeamsMemberSchema>;

/** What Verbatim sends: a Bot Framework message activity (text and/or card attachments). */
export interface TeamsActivity {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain' | 'xml';
  summary?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  entities?: Array<Record<string, unknown>>;
}

/**
 * The Bot Framework connector as Verbatim needs it, over the Teams SDK app (`app.send`,
 * `app.reply`, the conversations API). Every call is paced: 429 and transient 5xx answers are
 * waited out (Retry-After) and retried; see pace-teams-calls.ts.
 */
export interface TeamsConnector {
  /** Posts a new top-level message in a channel (or chat); returns its activity id. */
  post(conversationId: string, activity: TeamsActivity): Promise<string>;
  /** Posts into the thread of `parentId`; returns the reply's activity id. */
  reply(conversationId: string, parentId: string, activity: TeamsActivity): Promise<string>;
  update(conversationId: string, activityId: string, activity: TeamsActivity): Promise<void>;
  /** Every member of the conversation (paged through). */
  members(conversationId: string): Promise<TeamsMember[]>;
  /** Opens (or finds) the bot's 1:1 chat with a user of `tenantId`; returns its conversation id. */
  openPersonalChat(userId: string, tenantId: string): Promise<string>;
  /** One member by Teams user id or AAD object id; null when not a member. */
  member(conversationId: string, userId: string): Promise<TeamsMember | null>;
}

/** Members fetched per page (the connector clamps page sizes to 50–500). */
const MEMBERS_PAGE_SIZE = 200;

export function createTeamsConnector(app: App, pacer: TeamsPacer): TeamsConnector {
  const base = (conversationId: string) => conversationId.split(';')[0]!;
  return {
    async post(conversationId, activity) {
      const sent = await pacer.call(base(conversationId), () =>
        app.send(base(conversationId), toSdk(activity)),
      );
      return sent.id;
    },
    async reply(conversationId, parentId, activity) {
      const sent = await pacer.call(base(conversationId), () =>
        app.reply(base(conversationId), parentId, toSdk(activity)),
      );
      return (sent as { id: string }).id;
    },
    async update(conversationId, activityId, activity) {
      await pacer.call(base(conversationId), () =>
        app.api.conversations
          .activities(base(conversationId))
          .update(activityId, toSdk(activity) as ActivityParams),
      );
    },
    async openPersonalChat(userId, tenantId) {
      const created = await pacer.call(`personal:${userId}`, () =>
        app.api.conversations.create({
          isGroup: false,
          bot: { id: app.id ?? '' },
          members: [{ id: userId, name: '', role: 'user' } as never],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        }),
      );
      return created.id;
    },
    async members(conversationId) {
      const all: TeamsMember[] = [];
      let token: string | undefined;
      do {
        const page = await pacer.call(base(conversationId), () =>
          app.api.conversations.members(base(conversationId)).getPaged(MEMBERS_PAGE_SIZE, token),
        );
        all.push(...z.array(TeamsMemberSchema).parse(page.members ?? []));
        token = page.continuationToken || undefined;
      } while (token);
      return all;
    },
    async member(conversationId, userId) {
      try {
        const found = await pacer.call(base(conversationId), () =>
          app.api.conversations.members(base(conversationId)).getById(userId),
        );
        return TeamsMemberSchema.parse(found);
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
    },
  };
}

/** Our activity shape is a subset of the SDK's message input; its types model far more. */
function toSdk(activity: TeamsActivity): ActivityLike {
  return activity as unknown as ActivityLike;
}

/** HTTP status of a failed connector call (the SDK's client throws axios errors). */
export function statusOf(error: unknown): number | null {
  const response = (error as { response?: { status?: unknown } } | null)?.response;
  return typeof response?.status === 'number' ? response.status : null;
}

/** Retry-After of a failed connector call, in ms (seconds or an HTTP date), or null. */
export function retryAfterMsOf(error: unknown, now: number = Date.now()): number | null {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers;
  const raw = headers?.['retry-after'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(String(raw));
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
