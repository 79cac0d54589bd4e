import { z } from 'zod';
import { teamsMessageText } from './teams-html-to-text.ts';

/** The fields of an inbound Teams activity that Verbatim reads; everything else passes through untouched. */
export const TeamsInboundActivitySchema = z
  .object({
    type: z.string(),
    id: z.string().optional(),
    timestamp: z.string().optional(),
    serviceUrl: z.string().optional(),
    replyToId: z.string().optional(),
    text: z.string().nullish(),
    textFormat: z.string().optional(),
    from: z
      .object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() })
      .loose(),
    recipient: z.object({ id: z.string(), name: z.string().optional() }).loose().optional(),
    conversation: z
      .object({
        id: z.string(),
        conversationType: z.string().optional(),
        tenantId: z.string().optional(),
        isGroup: z.boolean().optional(),
      })
      .loose(),
    attachments: z
      .array(
        z
          .object({ contentType: z.string(), content: z.unknown().optional(), name: z.string().optional() })
          .loose(),
      )
      .optional(),
    channelData: z
      .object({
        eventType: z.string().optional(),
        tenant: z.object({ id: z.string() }).loose().optional(),
        channel: z.object({ id: z.string() }).loose().optional(),
        team: z.object({ id: z.string() }).loose().optional(),
      })
      .loose()
      .optional(),
    reactionsAdded: z.array(z.object({ type: z.string() }).loose()).optional(),
    reactionsRemoved: z.array(z.object({ type: z.string() }).loose()).optional(),
    membersAdded: z
      .array(z.object({ id: z.string(), aadObjectId: z.string().optional() }).loose())
      .optional(),
    membersRemoved: z
      .array(z.object({ id: z.string(), aadObjectId: z.string().optional() }).loose())
      .optional(),
    entities: z.array(z.object({ type: z.string() }).loose()).optional(),
    value: z.unknown().optional(),
    name: z.string().optional(),
  })
  .loose();
export type TeamsInboundActivity = z.infer<typeof TeamsInboundActivitySchema>;

/** `19:…@thread.tacv2` of a conversation id that may carry a `;messageid=` thread suffix. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

/** The thread root's message id in `…;messageid=123`, or null. */
export function threadRootId(conversationId: string): string | null {
  return /;messageid=(\d+)/.exec(conversationId)?.[1] ?? null;
}

export function teamsConversationRef(conversationId: string): string {
  return `teams:${baseConversationId(conversationId)}`;
}

export function teamsThreadRef(conversationId: string, rootId: string): string {
  return `teams:${baseConversationId(conversationId)}:${rootId}`;
}

export function teamsMessageId(conversationId: string, activityId: string): string {
  return `teams:${baseConversationId(conversationId)}:${activityId}`;
}

/** A link that opens a channel message in Teams. */
export function teamsPermalink(conversationId: string, activityId: string): string {
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(baseConversationId(conversationId))}/${encodeURIComponent(activityId)}`;
}

/** The activity's words as plain verbatim text: its `text/html` attachment when there is one, else `text`. */
export function activityText(activity: Pick<TeamsInboundActivity, 'text' | 'attachments'>): string {
  const html = activity.attachments?.find((attachment) => attachment.contentType === 'text/html')?.content;
  return teamsMessageText({ text: activity.text, html: typeof html === 'string' ? html : null });
}

/** The Entra tenant the activity came from (a personal chat's conversation, or a channel's data). */
export function activityTenantId(
  activity: Pick<TeamsInboundActivity, 'conversation' | 'channelData'>,
): string | undefined {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
}
