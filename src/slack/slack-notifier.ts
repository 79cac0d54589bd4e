import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Destination } from '../core/directory.ts';
import type { Notifier, PostRef, SharedCache } from '../core/ports.ts';
import { deliveryKeyOf, deliveryMetadata } from './delivery-metadata.ts';
import { type MirrorReactions, mirrorStatusReaction } from './mirror-status-reaction.ts';
import type { SlackPacer } from './pace-slack-calls.ts';
import { SharedChannelError, type SharedChannelGuard } from './shared-channel-guard.ts';
import type { SlackPoster } from './slack-poster.ts';
import { dateToSlackTs } from './slack-refs.ts';
import { renderNote } from './views/note-message.ts';
import { renderRoutedPost } from './views/routed-post-message.ts';
import type { SlackMessageBody } from './views/slack-blocks.ts';

export interface SlackNotifierDeps {
  poster: SlackPoster;
  /** For permalinks and reactions (idempotent calls). */
  client: WebClient;
  pacer: SlackPacer;
  guard: SharedChannelGuard;
  /** Holds a long post's continuation until every part is posted, so a crash mid-way is completed on recovery. */
  keyv: SharedCache;
  logger: Logger;
  /** Accounts an unmapped post offers to map to. */
  accounts: () => Array<{ id: string; name: string }>;
  mirror: MirrorReactions | null;
}

/** What is still to be posted after an anchor: the parts and the thread they go to (null: the anchor's own). */
interface PendingParts {
  channel: string;
  threadTs: string | null;
  parts: SlackMessageBody[];
}

/** Pending continuations are kept a week (ms): far longer than any job's retries. */
const PENDING_TTL_MS = 7 * 24 * 3600_000;
/** How far before the earlier attempt a lookup reaches back (ms), for clock skew between us and Slack. */
const LOOKUP_SKEW_MS = 60_000;

/**
 * The Notifier for Slack destinations: renders routed posts and notes in Block Kit, refuses
 * channels shared with another organisation, posts each with its delivery key in message
 * metadata, carries long texts on in ordered thread replies, and updates posts in place.
 */
export function createSlackNotifier(deps: SlackNotifierDeps): Notifier {
  const { poster, keyv, guard } = deps;
  const pendingKey = (deliveryKey: string) => `slack:pending-parts:${deliveryKey}`;
  /** How many continuation parts a post has, so updates of posts without any need not read the thread. */
  const partsKey = (channel: string, ts: string) => `slack:post-parts:${channel}:${ts}`;

  /** Refuses loudly: an error log here, and the exception fails the deliver job (retried, then dead-lettered). */
  async function assertInternal(channel: string): Promise<void> {
    try {
      await guard.assertInternal(channel);
    } catch (error) {
      if (error instanceof SharedChannelError) deps.logger.error({ channel, err: error }, error.message);
      throw error;
    }
  }

  async function postWithParts(input: {
    channel: string;
    threadTs: string | null;
    bodies: SlackMessageBody[];
    deliveryKey: string;
  }): Promise<string> {
    const [anchor, ...parts] = input.bodies;
    if (!anchor) throw new Error('nothing to post');
    if (parts.length > 0) {
      const pending: PendingParts = { channel: input.channel, threadTs: input.threadTs, parts };
      await keyv.set(pendingKey(input.deliveryKey), pending, PENDING_TTL_MS);
    }
    const ts = await poster.post({
      channel: input.channel,
      body: anchor,
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
      metadata: deliveryMetadata(input.deliveryKey),
    });
    if (parts.length > 0) {
      await poster.syncParts({
        channel: input.channel,
        threadTs: input.threadTs ?? ts,
        parentTs: ts,
        parts,
        fresh: true,
      });
      await keyv.set(partsKey(input.channel, ts), parts.length);
      await keyv.delete(pendingKey(input.deliveryKey));
    }
    return ts;
  }

  return {
    platform: 'slack',

    async postRoutedPost(destination, view, deliveryKey) {
      const channel = slackChannelOf(destination);
      await assertInternal(channel);
      const rendering = renderRoutedPost(view, { accounts: deps.accounts() });
      const ts = await postWithParts({
        channel,
        threadTs: null,
        bodies: [rendering, ...rendering.continuation],
        deliveryKey,
      });
      return { destination, id: ts };
    },

    async updateRoutedPost(ref, view) {
      const channel = slackChannelOf(ref.destination);
      await assertInternal(channel);
      const rendering = renderRoutedPost(view, { accounts: deps.accounts() });
      await poster.update({ channel, ts: ref.id, body: rendering });
      // Edits can change how many parts the text needs; parts that did not change are left alone.
      const parts = rendering.continuation;
      const hadParts = ((await keyv.get(partsKey(channel, ref.id))) as number | undefined) ?? 0;
      if (parts.length > 0 || hadParts > 0) {
        await poster.syncParts({ channel, threadTs: ref.id, parentTs: ref.id, parts });
        if (parts.length > 0) await keyv.set(partsKey(channel, ref.id), parts.length);
        else await keyv.delete(partsKey(channel, ref.id));
      }
      if (deps.mirror)
        await mirrorStatusReaction(
          { client: deps.client, pacer: deps.pacer, logger: deps.logger },
          view,
          deps.mirror,
        );
    },

    async postNote(target, note, deliveryKey) {
      const destination = destinationOf(target);
      const channel = slackChannelOf(destination);
      await assertInternal(channel);
      const linkUrl = note.link ? await permalinkOf(deps, note.link) : null;
      const ts = await postWithParts({
        channel,
        threadTs: 'destination' in target ? target.id : null,
        bodies: renderNote(note, { linkUrl }),
        deliveryKey,
      });
      return { destination, id: ts };
    },

    async findDelivery(target, deliveryKey, since) {
      const destination = destinationOf(target);
      const channel = slackChannelOf(destination);
      const oldest = dateToSlackTs(new Date(since.getTime() - LOOKUP_SKEW_MS));
      const messages =
        'destination' in target
          ? await poster.replies(channel, target.id, oldest)
          : await poster.history(channel, oldest);
      const found = messages.find((message) => deliveryKeyOf(message) === deliveryKey);
      if (!found?.ts) return null;
      const pending = (await keyv.get(pendingKey(deliveryKey))) as PendingParts | undefined;
      if (pending) {
        // The crashed attempt posted the anchor but maybe not every part: finish it, in order.
        await poster.syncParts({
          channel: pending.channel,
          threadTs: pending.threadTs ?? found.ts,
          parentTs: found.ts,
          parts: pending.parts,
        });
        await keyv.set(partsKey(pending.channel, found.ts), pending.parts.length);
        await keyv.delete(pendingKey(deliveryKey));
      }
      deps.logger.info({ channel, deliveryKey }, 'found an earlier post instead of posting again');
      return { destination, id: found.ts };
    },
  };
}

function destinationOf(target: PostRef | Destination): Destination {
  return 'destination' in target ? target.destination : target;
}

function slackChannelOf(destination: Destination): string {
  if (destination.platform !== 'slack') {
    throw new Error(`the Slack notifier cannot post to a ${destination.platform} destination`);
  }
  return destination.channel;
}

async function permalinkOf(
  deps: Pick<SlackNotifierDeps, 'client' | 'pacer' | 'logger'>,
  ref: PostRef,
): Promise<string | null> {
  if (ref.destination.platform !== 'slack') return null;
  const { channel } = ref.destination;
  try {
    const response = await deps.pacer.call(() =>
      deps.client.chat.getPermalink({ channel, message_ts: ref.id }),
    );
    return response.permalink ?? null;
  } catch (error) {
    deps.logger.warn(
      { err: error, channel },
      'no permalink for the routed post; the note goes without a link',
    );
    return null;
  }
}
