import type { WebClient } from '@slack/web-api';
import type { PostRef, PostRetractor, RetractionFailure } from '../core/ports.ts';

/** The words that replace an erased post and each of our replies in its thread. */
export const REMOVAL_NOTICE =
  ':wastebasket: This post was removed: its content was erased at the customer’s request.';

/**
 * The Slack PostRetractor: edits routed posts (and our own replies in their threads: continuations
 * of long texts, follow-ups, notes) to the removal notice with `chat.update`. A message that cannot
 * be edited — already deleted (`message_not_found`), refused, rate limited past the client's
 * retries — is reported with Slack's error, and the others are still edited.
 */
export function createSlackPostRetractor(client: WebClient): PostRetractor {
  return {
    platform: 'slack',
    async retract(posts) {
      const auth = await client.auth.test();
      let edited = 0;
      const failed: RetractionFailure[] = [];
      const done = new Set<string>();
      const replace = async (post: PostRef, channel: string, ts: string) => {
        if (done.has(`${channel}:${ts}`)) return;
        done.add(`${channel}:${ts}`);
        try {
          await client.chat.update({
            channel,
            ts,
            text: REMOVAL_NOTICE,
            blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: REMOVAL_NOTICE }] }],
          });
          edited += 1;
        } catch (error) {
          failed.push({
            ref: { destination: post.destination, id: ts },
            reason: describeSlackFailure(error),
          });
        }
      };
      for (const post of posts) {
        if (post.destination.platform !== 'slack') continue;
        const { channel } = post.destination;
        await replace(post, channel, post.id);
        let replies: Awaited<ReturnType<WebClient['conversations']['replies']>>;
        try {
          replies = await client.conversations.replies({ channel, ts: post.id, limit: 200 });
        } catch (error) {
          // A deleted post has no thread to read; anything else means replies may still show words.
          if (slackError(error) === 'thread_not_found' || slackError(error) === 'message_not_found') continue;
          failed.push({ ref: post, reason: `its thread could not be read: ${describeSlackFailure(error)}` });
          continue;
        }
        for (const reply of replies.messages ?? []) {
          const ours =
            reply.user === auth.user_id || (auth.bot_id !== undefined && reply.bot_id === auth.bot_id);
          if (ours && reply.ts && reply.ts !== post.id) await replace(post, channel, reply.ts);
        }
      }
      return { edited, failed };
    },
  };
}

function slackError(error: unknown): string | undefined {
  return (error as { data?: { error?: string } }).data?.error;
}

function describeSlackFailure(error: unknown): string {
  const code = slackError(error);
  if (code === 'message_not_found') return 'not found: the message was deleted, or the bot cannot see it';
  if (code) return `Slack answered ${code}`;
  return error instanceof Error ? error.message : String(error);
}
