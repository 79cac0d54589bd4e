import type { Attachment, Author, CustomerMessageInput } from '../core/customer-message.ts';
import {
  activityText,
  type TeamsInboundActivity,
  teamsConversationRef,
  teamsMessageId,
  teamsPermalink,
  teamsThreadRef,
  threadRootId,
} from './teams-inbound-activity.ts';

/**
 * A Teams channel message → a customer (or staff) message, pure. The thread is the root post
 * (`;messageid=` of the conversation id, else `replyToId`, else the message itself); the text is
 * the HTML body as plain verbatim text, mentions as `@Name`.
 */
export function toCustomerMessage(activity: TeamsInboundActivity, author: Author): CustomerMessageInput {
  const conversationId = activity.conversation.id;
  const id = activity.id ?? '';
  const root = threadRootId(conversationId) ?? activity.replyToId ?? id;
  return {
    id: teamsMessageId(conversationId, id),
    platform: 'teams',
    conversation: teamsConversationRef(conversationId),
    thread: teamsThreadRef(conversationId, root),
    isReply: root !== id,
    accountId: null,
    author,
    text: activityText(activity),
    sentAt: activity.timestamp ? new Date(activity.timestamp) : new Date(),
    permalink: teamsPermalink(conversationId, id),
    attachments: fileAttachments(activity),
  };
}

function fileAttachments(activity: TeamsInboundActivity): Attachment[] {
  return (activity.attachments ?? [])
    .filter((attachment) => attachment.contentType !== 'text/html' && attachment.name)
    .map((attachment) => ({ name: attachment.name!, mimeType: attachment.contentType }));
}
