import type { WebClient } from '@slack/web-api';

/** The words that replace an erased post and each of our replies in its thread. */
export const REMOVAL_NOTICE =
  ':wastebasket: This post was removed: its content was erased at the customer’s request.';

/**
 * Edits routed posts (and our own replies in their threads: continuations of long texts,
 * follow-ups) to the removal notice. Returns how many messages were edited; a post already gone
 * (`message_not_found`) counts as done.
 */
export async function retractSlackPosts(
  client: WebClient,
  posts: Array<{ channel: string; ts: string }>,
): Promise<number> {
  const auth = await client.auth.test();
  let edited = 0;
  const done = new Set<string>();
  const replace = async (channel: string, ts: string) => {
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
      if ((error as { data?: { error?: string } }).data?.error !== 'message_not_found') throw error;
    }
  };
  for (const post of posts) {
    await replace(post.channel, post.ts);
    const replies = await client.conversations.replies({ channel: post.channel, ts: post.ts, limit: 200 });
    for (const reply of replies.messages ?? []) {
      const ours = reply.user === auth.user_id || (auth.bot_id !== undefined && reply.bot_id === auth.bot_id);
      if (ours && reply.ts && reply.ts !== post.ts) await replace(post.channel, reply.ts);
    }
  }
  return edited;
}
