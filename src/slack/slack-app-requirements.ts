/**
 * What the Slack app must be granted for Verbatim to work; `manifests/slack/manifest.yaml`
 * declares exactly these (a test checks), and `verbatim doctor` compares them with the token's
 * granted scopes.
 */
export const SLACK_BOT_SCOPES = [
  'channels:history', // message.channels: customer messages in public (Slack Connect) channels
  'groups:history', // message.groups: the same in private channels
  'channels:read', // conversations.info (shared-channel guard, doctor), members, member_joined_channel
  'groups:read',
  'chat:write', // routed posts, notes, updates, ephemeral explanations
  'commands', // /churn
  'reactions:read', // 👀 / ✅ on routed posts
  'reactions:write', // optional status mirror on the customer's message
  'users:read', // author names, is_stranger
  'users:read.email', // author emails (Slack requires it together with users:read)
  'files:read', // files.info for Slack Connect file stubs and truncated emails
  'files:write', // the weekly digest's chart (files.getUploadURLExternal + completeUploadExternal)
  'usergroups:read', // usergroups.users.list: members of churn.allowedGroups
] as const;

export const SLACK_BOT_EVENTS = [
  'message.channels',
  'message.groups',
  'reaction_added',
  'reaction_removed',
  'member_joined_channel',
  'member_left_channel',
  'app_home_opened',
] as const;

export const SLACK_COMMANDS = ['/churn'] as const;
