import type { RequestStore, StoredMessage } from '../../core/pipeline/request-store.ts';
import { decodeSlackText, findMentionedUsers } from '../decode-slack-text.ts';
import type { SlackMessageChanged, SlackMessageDeleted } from '../slack-message-event.ts';
import { slackMessageId, slackTsToDate } from '../slack-refs.ts';
import type { SlackListenerDeps } from './slack-listener-deps.ts';

/**
 * A customer edited a message we stored: the stored text becomes the new text (verbatim stays
 * verbatim; the edit time is recorded) and the routed post is re-rendered, showing the edit.
 * Slack also sends `message_changed` when only unfurls or reply counts change: same text, ignored.
 */
export async function applyMessageEdit(deps: SlackListenerDeps, event: SlackMessageChanged): Promise<void> {
  const id = slackMessageId(event.channel, event.message.ts);
  const stored = await deps.context.store.getMessage(id);
  if (!stored) return;
  const names = new Map<string, string>();
  for (const userId of findMentionedUsers(event.message.text).slice(0, 10)) {
    const user = await deps.users.lookup(userId);
    if (user) names.set(userId, user.name);
  }
  const text = decodeSlackText(event.message.text, { users: names });
  if (text === stored.text) return;
  const editedAt = slackTsToDate(event.message.edited?.ts ?? event.ts);
  await rerender(deps, stored, (tx) => tx.editMessage(id, text, editedAt));
  deps.logger.info({ messageId: id, requestId: stored.requestId }, 'customer edited a message');
}

/** A customer deleted a message: it is marked deleted (kept, as received) and the routed post says so. */
export async function applyMessageDeletion(
  deps: SlackListenerDeps,
  event: SlackMessageDeleted,
): Promise<void> {
  const id = slackMessageId(event.channel, event.deleted_ts);
  const stored = await deps.context.store.getMessage(id);
  if (!stored || stored.deletedAt) return;
  await rerender(deps, stored, (tx) => tx.markMessageDeleted(id, slackTsToDate(event.ts)));
  deps.logger.info({ messageId: id, requestId: stored.requestId }, 'customer deleted a message');
}

async function rerender(
  deps: SlackListenerDeps,
  stored: StoredMessage,
  change: (tx: RequestStore) => Promise<unknown>,
): Promise<void> {
  const { requestId } = stored;
  await deps.context.store.atomically(`request:${requestId ?? stored.id}`, async (tx) => {
    await change(tx);
    if (!requestId) return;
    const request = await tx.getRequest(requestId);
    // Not posted yet: the post will show the change when it is made.
    if (request?.routedAt)
      await tx.enqueue({ queue: 'deliver', data: { requestId, kind: 'update' }, key: requestId });
  });
}
