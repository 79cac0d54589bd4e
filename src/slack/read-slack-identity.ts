import type { WebClient } from '@slack/web-api';
import { describeSlackError } from './describe-slack-error.ts';
import type { SlackIdentity } from './listeners/slack-listener-deps.ts';

/** Who the bot token belongs to (auth.test); fails with what to fix when the token is wrong. */
export async function readSlackIdentity(
  client: WebClient,
): Promise<SlackIdentity & { scopes: string[] | null }> {
  let response: Awaited<ReturnType<WebClient['auth']['test']>>;
  try {
    response = await client.auth.test();
  } catch (error) {
    throw new Error(`Slack auth.test failed: ${describeSlackError(error)}`, { cause: error });
  }
  if (!response.team_id || !response.user_id) throw new Error('Slack auth.test returned no team or user id');
  return {
    teamId: response.team_id,
    enterpriseId: response.enterprise_id ?? null,
    botUserId: response.user_id,
    botId: response.bot_id ?? null,
    workspaceUrl: response.url ?? null,
    scopes: response.response_metadata?.scopes ?? null,
  };
}
