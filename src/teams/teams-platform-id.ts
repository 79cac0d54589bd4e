import { createHash } from 'node:crypto';
import { baseConversationId, type TeamsInboundActivity } from './teams-inbound-activity.ts';

/**
 * The inbox key of a Teams activity: identical for every Bot Framework redelivery of one event
 * (the channel service posts the same activity again when we answered 5xx or did not answer in
 * time), and different for different events.
 *
 * - A new message: `message:<channel>:<id>`. Its activity id is the message's own id, minted once
 *   for it; the channel (the conversation id without its `;messageid=` thread suffix) scopes it,
 *   as Teams message ids are only unique within a conversation.
 * - Every other activity carries an id that is not its own: an edit (`messageUpdate` with
 *   `editMessage`), a soft delete (`softDeleteMessage`), an undelete and a `messageDelete` all
 *   carry the id of the message they change, a reaction the id of the message reacted to. On type
 *   and id alone, the second edit of a message, or the same person's 👀 added, removed and added
 *   again, would be taken for a redelivery of the first and never stored. So these keys add the
 *   event type (`messageUpdate:editMessage`, `messageUpdate:softDeleteMessage`, …) and a digest
 *   of what tells such events apart yet is the same in a redelivery: who acted, when (the
 *   activity's timestamp, to the 100 ns Teams gives), the new text and attachments, and the
 *   reactions and members added or removed.
 */
export function teamsPlatformId(activity: TeamsInboundActivity): string {
  const channel = baseConversationId(activity.conversation.id);
  if (activity.type === 'message' && activity.id) return teamsMessagePlatformId(channel, activity.id);
  const eventType = activity.channelData?.eventType;
  const kind = eventType ? `${activity.type}:${eventType}` : activity.type;
  return `${kind}:${channel}:${activity.id ?? '-'}:${eventDigest(activity)}`;
}

/** The inbox key of the new-message activity of message `messageId` in this conversation. */
export function teamsMessagePlatformId(conversationId: string, messageId: string): string {
  return `message:${baseConversationId(conversationId)}:${messageId}`;
}

function eventDigest(activity: TeamsInboundActivity): string {
  const distinguishing = [
    activity.from.aadObjectId ?? activity.from.id,
    activity.timestamp ?? null,
    activity.replyToId ?? null,
    activity.text ?? null,
    activity.attachments ?? null,
    activity.reactionsAdded ?? null,
    activity.reactionsRemoved ?? null,
    activity.membersAdded ?? null,
    activity.membersRemoved ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(distinguishing)).digest('hex').slice(0, 32);
}
