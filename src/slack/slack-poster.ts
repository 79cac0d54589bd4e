import type { WebClient } from '@slack/web-api';
import { hashBody, type MessageWithMetadata, partMetadata, partOf } from './delivery-metadata.ts';
import type { SlackPacer } from './pace-slack-calls.ts';
import type { SlackMessageBody } from './views/slack-blocks.ts';

/** The Web API calls the notifier makes, paced and with the options every post needs. */
export interface SlackPoster {
  post(input: {
    channel: string;
    body: SlackMessageBody;
    threadTs?: string;
    metadata: object;
  }): Promise<string>;
  update(input: { channel: string; ts: string; body: SlackMessageBody; metadata?: object }): Promise<void>;
  remove(channel: string, ts: string): Promise<void>;
  /** A thread's messages with their metadata, oldest first. */
  replies(channel: string, threadTs: string, oldest?: string): Promise<MessageWithMetadata[]>;
  /** A channel's top-level messages since `oldest` with their metadata, newest first. */
  history(channel: string, oldest: string): Promise<MessageWithMetadata[]>;
  /**
   * Makes the thread replies that carry parts 2…n of a long text match `parts`: posts missing
   * ones in order, updates changed ones, deletes ones no longer needed. `fresh` skips reading the
   * thread when the anchor was just posted.
   */
  syncParts(input: {
    channel: string;
    threadTs: string;
    parentTs: string;
    parts: SlackMessageBody[];
    fresh?: boolean;
  }): Promise<void>;
}

/** Pages read at most when looking for a post (200 messages each). */
const MAX_PAGES = 25;

export function createSlackPoster(deps: {
  client: WebClient;
  postClient: WebClient;
  pacer: SlackPacer;
}): SlackPoster {
  const { client, postClient, pacer } = deps;

  const poster: SlackPoster = {
    async post({ channel, body, threadTs, metadata }) {
      const response = await pacer.post(channel, () =>
        postClient.apiCall('chat.postMessage', {
          channel,
          text: body.text,
          blocks: body.blocks,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          metadata,
          // Customer URLs must not unfurl into internal channels, and nothing is parsed into pings.
          unfurl_links: false,
          unfurl_media: false,
          link_names: false,
          parse: 'none',
        }),
      );
      const ts = (response as { ts?: string }).ts;
      if (!ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
      return ts;
    },

    async update({ channel, ts, body, metadata }) {
      await pacer.post(channel, () =>
        client.apiCall('chat.update', {
          channel,
          ts,
          text: body.text,
          blocks: body.blocks,
          ...(metadata ? { metadata } : {}),
          link_names: false,
          parse: 'none',
        }),
      );
    },

    async remove(channel, ts) {
      await pacer.post(channel, () => client.apiCall('chat.delete', { channel, ts }));
    },

    async replies(channel, threadTs, oldest) {
      const messages: MessageWithMetadata[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const response = (await pacer.call(() =>
          client.conversations.replies({
            channel,
            ts: threadTs,
            include_all_metadata: true,
            limit: 200,
            ...(oldest ? { oldest } : {}),
            ...(cursor ? { cursor } : {}),
          }),
        )) as { messages?: MessageWithMetadata[]; response_metadata?: { next_cursor?: string } };
        messages.push(...(response.messages ?? []));
        cursor = response.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      return messages;
    },

    async history(channel, oldest) {
      const messages: MessageWithMetadata[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const response = (await pacer.call(() =>
          client.conversations.history({
            channel,
            oldest,
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          }),
        )) as { messages?: MessageWithMetadata[]; response_metadata?: { next_cursor?: string } };
        messages.push(...(response.messages ?? []));
        cursor = response.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      return messages;
    },

    async syncParts({ channel, threadTs, parentTs, parts, fresh }) {
      const existing = new Map<number, { ts: string; hash: string }>();
      if (!fresh) {
        for (const message of await poster.replies(channel, threadTs)) {
          const part = partOf(message);
          if (part && part.parent === parentTs && message.ts)
            existing.set(part.part, { ts: message.ts, hash: part.hash });
        }
      }
      for (const [index, body] of parts.entries()) {
        const number = index + 2;
        const found = existing.get(number);
        const metadata = partMetadata(parentTs, number, body);
        if (!found) await poster.post({ channel, body, threadTs, metadata });
        else if (found.hash !== hashBody(body))
          await poster.update({ channel, ts: found.ts, body, metadata });
      }
      for (const [number, found] of existing) {
        if (number > parts.length + 1) await poster.remove(channel, found.ts);
      }
    },
  };
  return poster;
}
