import { ErrorCode } from '@slack/web-api';

const FIXES: Record<string, string> = {
  channel_not_found:
    'the channel does not exist or is private without the bot; invite the bot with /invite @Verbatim',
  not_in_channel: 'the bot is not a member of the channel; invite it with /invite @Verbatim',
  is_archived: 'the channel is archived; unarchive it or point the config at another channel',
  missing_scope: 'the app lacks a scope; reinstall it from manifests/slack/manifest.yaml',
  invalid_auth: 'SLACK_BOT_TOKEN is not valid; copy the Bot User OAuth Token again',
  not_authed: 'SLACK_BOT_TOKEN is missing',
  account_inactive: 'the bot token belongs to a deleted app or user; reinstall the app',
  token_revoked: 'the bot token was revoked; reinstall the app and update SLACK_BOT_TOKEN',
  msg_blocks_too_long: 'the message was larger than Slack accepts (a rendering bug; please report it)',
  invalid_blocks: 'Slack rejected the message layout (a rendering bug; please report it)',
};

/** One line saying what went wrong with a Slack call and, where we know it, how to fix it. */
export function describeSlackError(error: unknown): string {
  const coded = error as { code?: string; data?: { error?: string; needed?: string }; message?: string };
  if (coded?.code === ErrorCode.PlatformError && coded.data?.error) {
    const name = coded.data.error;
    const needed = coded.data.needed ? ` (needs ${coded.data.needed})` : '';
    return `${name}${needed}${FIXES[name] ? `: ${FIXES[name]}` : ''}`;
  }
  if (coded?.code === ErrorCode.RateLimitedError) return 'rate limited by Slack';
  if (coded?.code === ErrorCode.RequestError)
    return `cannot reach Slack: ${coded.message ?? 'request failed'}`;
  return coded?.message ?? String(error);
}

/** The Slack error name of a failed Web API call (`channel_not_found`), or null. */
export function slackErrorName(error: unknown): string | null {
  const coded = error as { code?: string; data?: { error?: string } };
  return coded?.code === ErrorCode.PlatformError ? (coded.data?.error ?? null) : null;
}
