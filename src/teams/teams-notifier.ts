import type { Logger } from 'pino';
import type { Destination } from '../core/directory.ts';
import type { Notifier, PostRef, SharedCache } from '../core/ports.ts';
import type { DeliveryRecords } from './delivery-records.ts';
import { assertInternalLoudly, type TeamsChannelGuard } from './teams-channel-guard.ts';
import type { TeamsActivity, TeamsConnector } from './teams-connector.ts';
import { postPartsKey, recordThreadReply } from './thread-replies.ts';
import { cardAttachment } from './views/adaptive-card.ts';
import { type NoteMention, renderNoteActivities } from './views/note-activity.ts';
import { renderRoutedPostCard } from './views/routed-post-card.ts';

export interface TeamsNotifierDeps {
  connector: TeamsConnector;
  guard: TeamsChannelGuard;
  records: DeliveryRecords;
  keyv: SharedCache;
  logger: Logger;
  /** Accounts an unmapped card offers to map the conversation to. */
  accounts?: () => Array<{ id: string; name: string }>;
}

/** AAD object ids (GUIDs) and Teams user ids (`29:…`) can be mentioned; anything else is not ours to mention. */
const MENTIONABLE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|29:.+)$/i;

/**
 * The Notifier for Teams destinations: routed posts as Adaptive Cards (updated in place), long
 * texts continued in thread replies in order, notes with real mentions, channels with members of
 * another tenant refused, each send recorded so that it happens at most once (delivery-records.ts).
 */
export function createTeamsNotifier(deps: TeamsNotifierDeps): Notifier {
  const { connector, records, keyv } = deps;

  const assertInternal = (conversationId: string) =>
    assertInternalLoudly(deps.guard, deps.logger, conversationId);

  /** Brings a post's continuation replies in line with `parts`: existing ones updated, missing ones posted in order. */
  async function syncParts(
    conversationId: string,
    parentId: string,
    parts: TeamsActivity[],
    deliveryKey: string,
  ) {
    const existing = ((await keyv.get(postPartsKey(conversationId, parentId))) as string[] | undefined) ?? [];
    const ids = [...existing];
    for (const [index, part] of parts.entries()) {
      if (ids[index]) {
        await connector.update(conversationId, ids[index]!, part);
      } else {
        ids[index] = await records.sendOnce(`${deliveryKey}#part${index + 1}`, () =>
          connector.reply(conversationId, parentId, part),
        );
        await keyv.set(postPartsKey(conversationId, parentId), ids);
      }
    }
    for (const id of ids.slice(parts.length)) {
      await connector.update(conversationId, id, {
        type: 'message',
        text: '(This part is no longer needed: the customer edited the message.)',
      });
    }
  }

  async function mentionsOf(conversationId: string, ids: string[]): Promise<NoteMention[]> {
    const mentions: NoteMention[] = [];
    for (const id of ids.filter((candidate) => MENTIONABLE.test(candidate))) {
      const member = await connector.member(conversationId, id).catch((error: unknown) => {
        deps.logger.warn({ err: error, conversationId }, 'could not look up a mentioned member');
        return null;
      });
      mentions.push({ id, name: member?.name ?? 'on-call' });
    }
    return mentions;
  }

  return {
    platform: 'teams',

    async postRoutedPost(destination, view, deliveryKey) {
      const conversationId = teamsConversationOf(destination);
      await assertInternal(conversationId);
      const rendering = renderRoutedPostCard(view, { accounts: deps.accounts?.() ?? [] });
      const id = await records.sendOnce(deliveryKey, () =>
        connector.post(conversationId, {
          type: 'message',
          summary: rendering.summary,
          attachments: [cardAttachment(rendering.card)],
        }),
      );
      await syncParts(conversationId, id, rendering.continuation.map(asActivity), deliveryKey);
      return { destination, id };
    },

    async updateRoutedPost(ref, view) {
      const conversationId = teamsConversationOf(ref.destination);
      await assertInternal(conversationId);
      const rendering = renderRoutedPostCard(view, { accounts: deps.accounts?.() ?? [] });
      await connector.update(conversationId, ref.id, {
        type: 'message',
        summary: rendering.summary,
        attachments: [cardAttachment(rendering.card)],
      });
      await syncParts(conversationId, ref.id, rendering.continuation.map(asActivity), `update:${ref.id}`);
    },

    async postNote(target, note, deliveryKey) {
      const destination = 'destination' in target ? target.destination : target;
      const conversationId = teamsConversationOf(destination);
      await assertInternal(conversationId);
      const activities = renderNoteActivities(note, {
        mentions: await mentionsOf(conversationId, note.mentions),
        linkUrl: note.link ? teamsMessageLink(note.link) : null,
      });
      let threadId = 'destination' in target ? target.id : null;
      let firstId: string | null = null;
      for (const [index, activity] of activities.entries()) {
        const key = index === 0 ? deliveryKey : `${deliveryKey}#${index + 1}`;
        const parent = threadId;
        const id = await records.sendOnce(key, () =>
          parent
            ? connector.reply(conversationId, parent, activity)
            : connector.post(conversationId, activity),
        );
        // Recorded so that `verbatim forget` can find and edit it (Teams cannot list a thread).
        if (parent) await recordThreadReply(keyv, conversationId, parent, id);
        firstId ??= id;
        threadId ??= id;
      }
      return { destination, id: firstId! };
    },

    async findDelivery(target, deliveryKey) {
      const destination = 'destination' in target ? target.destination : target;
      const id = await records.lookup(deliveryKey);
      if (!id) return null;
      deps.logger.info({ deliveryKey }, 'found the recorded Teams post instead of posting again');
      return { destination, id };
    },
  };
}

function asActivity(card: ReturnType<typeof renderRoutedPostCard>['continuation'][number]): TeamsActivity {
  return { type: 'message', attachments: [cardAttachment(card)] };
}

export function teamsConversationOf(destination: Destination): string {
  if (destination.platform !== 'teams') {
    throw new Error(`the Teams notifier cannot post to a ${destination.platform} destination`);
  }
  return destination.conversationId;
}

/** A link that opens a Teams channel message; null for posts on other platforms. */
export function teamsMessageLink(ref: PostRef): string | null {
  if (ref.destination.platform !== 'teams') return null;
  const channel = ref.destination.conversationId.split(';')[0]!;
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channel)}/${encodeURIComponent(ref.id)}`;
}
