import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { DigestPublisher } from '../core/digest/digest-publisher.ts';
import { createSlackWebClient } from './create-slack-web-client.ts';
import type { MessageWithMetadata } from './delivery-metadata.ts';
import { describeSlackError } from './describe-slack-error.ts';
import { createSlackPacer, type SlackPacer } from './pace-slack-calls.ts';
import {
  createSharedChannelGuard,
  SharedChannelError,
  type SharedChannelGuard,
} from './shared-channel-guard.ts';
import { renderDigestMessage } from './views/digest-message.ts';

/**
 * Posts the weekly digest into a Slack channel: checks the channel is internal, posts the Block
 * Kit message, then uploads the chart into its thread with Slack's current upload flow
 * (files.getUploadURLExternal → upload → files.completeUploadExternal, which WebClient's
 * `files.uploadV2` drives) with alt text. A failed upload leaves the digest posted and says so
 * in the thread. Needs `chat:write` and `files:write`.
 */
export function createSlackDigestPublisher(deps: {
  client: WebClient;
  postClient: WebClient;
  pacer: SlackPacer;
  guard: SharedChannelGuard;
  logger: Logger;
}): DigestPublisher {
  return {
    platform: 'slack',
    async findPosted(destination, key, since) {
      if (destination.platform !== 'slack') return null;
      // The digest carries its week and scope as message metadata; a small skew covers clocks.
      const oldest = ((since.getTime() - 60_000) / 1000).toFixed(6);
      for (let cursor: string | undefined, page = 0; page < 10; page += 1) {
        const response = (await deps.pacer.call(() =>
          deps.client.conversations.history({
            channel: destination.channel,
            oldest,
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          }),
        )) as { messages?: MessageWithMetadata[]; response_metadata?: { next_cursor?: string } };
        const found = (response.messages ?? []).find(
          (message) =>
            message.metadata?.event_type === 'verbatim_digest' &&
            message.metadata.event_payload?.['week'] === key.week &&
            message.metadata.event_payload?.['scope'] === key.scope,
        );
        if (found?.ts) {
          deps.logger.info(
            { channel: destination.channel, week: key.week, ts: found.ts },
            'found the digest an earlier attempt posted',
          );
          return { postId: found.ts };
        }
        cursor = response.response_metadata?.next_cursor || undefined;
        if (!cursor) return null;
      }
      return null;
    },
    async publish(destination, publication) {
      if (destination.platform !== 'slack')
        throw new Error(`not a Slack destination: ${destination.platform}`);
      const { channel } = destination;
      try {
        await deps.guard.assertInternal(channel);
      } catch (error) {
        if (error instanceof SharedChannelError) deps.logger.error({ channel, err: error }, error.message);
        throw error;
      }
      const body = renderDigestMessage(publication.digest, {
        teamName: publication.teamName,
        late: publication.late,
        chartMissing: publication.chartMissing,
      });
      const response = await deps.pacer.post(channel, () =>
        deps.postClient.apiCall('chat.postMessage', {
          channel,
          text: body.text,
          blocks: body.blocks,
          metadata: {
            event_type: 'verbatim_digest',
            event_payload: { week: publication.digest.week, scope: publication.digest.team ?? 'all' },
          },
          unfurl_links: false,
          unfurl_media: false,
          link_names: false,
          parse: 'none',
        }),
      );
      const ts = (response as { ts?: string }).ts;
      if (!ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
      deps.logger.info({ channel, week: publication.digest.week, ts }, 'digest posted');
      const { chart } = publication;
      if (!chart) return { postId: ts, chartPosted: false };
      try {
        await deps.pacer.call(() =>
          deps.client.files.uploadV2({
            channel_id: channel,
            thread_ts: ts,
            file: Buffer.from(chart.png),
            filename: chart.filename,
            title: chart.alt,
            alt_text: chart.alt,
          }),
        );
        return { postId: ts, chartPosted: true };
      } catch (error) {
        deps.logger.warn(
          { channel, err: describeSlackError(error) },
          'digest chart upload failed; digest posted without it',
        );
        await deps.pacer.post(channel, () =>
          deps.postClient.apiCall('chat.postMessage', {
            channel,
            thread_ts: ts,
            text: 'The chart could not be uploaded this time; the numbers in the digest are complete.',
            unfurl_links: false,
            parse: 'none',
          }),
        );
        return { postId: ts, chartPosted: false };
      }
    },
  };
}

/** A digest publisher with its own clients, for `verbatim digest --post` outside the running service. */
export function createSlackDigestPublisherForToken(input: {
  token: string;
  apiUrl?: string;
  logger: Logger;
}): DigestPublisher {
  const logger = input.logger.child({ adapter: 'slack' });
  const client = createSlackWebClient({
    token: input.token,
    apiUrl: input.apiUrl,
    purpose: 'delivery',
    logger,
  });
  const postClient = createSlackWebClient({
    token: input.token,
    apiUrl: input.apiUrl,
    purpose: 'post',
    logger,
  });
  const pacer = createSlackPacer({ logger });
  return createSlackDigestPublisher({
    client,
    postClient,
    pacer,
    guard: createSharedChannelGuard({ client, pacer }),
    logger,
  });
}
