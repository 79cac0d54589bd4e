/**
 * Directory and reading methods for the fake Slack Web API: auth.test, conversations.info /
 * history / replies / members / join, users.info, usergroups.users.list, with Slack's response
 * shapes, errors and cursor pagination (`limit`, `cursor`, `response_metadata.next_cursor`).
 *
 * Conversations and users exist only once seeded (`setConversation`, `setUser`); unknown ones
 * answer `channel_not_found` / `user_not_found` as Slack does. conversations.history/replies
 * read the message store (seeded messages and everything the bot posted); `oldest`/`latest`
 * filter history, exclusive unless `inclusive`.
 */
import { compareTs, type SlackMessage } from './slack-fake-workspace.ts';
import { paginate, type SlackMethodHandler, slackError } from './slack-method-handler.ts';
import { readStringArg } from './slack-request-body.ts';

const authTest: SlackMethodHandler = ({ workspace }) => {
  const { teamId, teamName, domain, botUserId, botId } = workspace.team;
  return {
    ok: true,
    url: `https://${domain}.slack.com/`,
    team: teamName,
    user: 'verbatim',
    team_id: teamId,
    user_id: botUserId,
    bot_id: botId,
    is_enterprise_install: false,
  };
};

const conversationsInfo: SlackMethodHandler = ({ args, workspace }) => {
  const channel = workspace.conversation(readStringArg(args, 'channel') ?? '');
  return channel ? { ok: true, channel } : slackError('channel_not_found');
};

function inWindow(message: SlackMessage, args: Record<string, unknown>): boolean {
  const oldest = readStringArg(args, 'oldest');
  const latest = readStringArg(args, 'latest');
  const inclusive = args['inclusive'] === true || args['inclusive'] === 'true' || args['inclusive'] === '1';
  const afterOldest =
    !oldest || (inclusive ? compareTs(message.ts, oldest) >= 0 : compareTs(message.ts, oldest) > 0);
  const beforeLatest =
    !latest || (inclusive ? compareTs(message.ts, latest) <= 0 : compareTs(message.ts, latest) < 0);
  return afterOldest && beforeLatest;
}

const conversationsHistory: SlackMethodHandler = ({ args, workspace }) => {
  const channel = readStringArg(args, 'channel') ?? '';
  if (!workspace.conversation(channel) && workspace.messages(channel).length === 0) {
    return slackError('channel_not_found');
  }
  // History shows top-level messages (and broadcast replies), newest first.
  const topLevel = workspace
    .messages(channel)
    .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || m['subtype'] === 'thread_broadcast')
    .filter((m) => inWindow(m, args))
    .reverse();
  const { page, hasMore, nextCursor } = paginate(topLevel, args, 100);
  return {
    ok: true,
    messages: page,
    has_more: hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: nextCursor },
  };
};

const conversationsReplies: SlackMethodHandler = ({ args, workspace }) => {
  const channel = readStringArg(args, 'channel') ?? '';
  const ts = readStringArg(args, 'ts');
  if (!ts) return slackError('thread_not_found');
  const thread = workspace.thread(channel, ts);
  if (thread.length === 0) return slackError('thread_not_found');
  const { page, hasMore, nextCursor } = paginate(thread, args, 1000);
  return { ok: true, messages: page, has_more: hasMore, response_metadata: { next_cursor: nextCursor } };
};

const conversationsMembers: SlackMethodHandler = ({ args, workspace }) => {
  const channel = readStringArg(args, 'channel') ?? '';
  if (!workspace.conversation(channel)) return slackError('channel_not_found');
  const { page, nextCursor } = paginate(workspace.members.get(channel) ?? [], args, 100);
  return { ok: true, members: page, response_metadata: { next_cursor: nextCursor } };
};

const conversationsJoin: SlackMethodHandler = ({ args, workspace }) => {
  const id = readStringArg(args, 'channel') ?? '';
  const before = workspace.conversation(id);
  if (!before) return slackError('channel_not_found');
  if (before['is_private'] === true || before['is_im'] === true)
    return slackError('method_not_supported_for_channel_type');
  if (before['is_archived'] === true) return slackError('is_archived');
  const alreadyIn = before['is_member'] === true;
  workspace.conversations.set(id, { ...workspace.conversations.get(id), is_member: true });
  const members = workspace.members.get(id) ?? [];
  if (!members.includes(workspace.team.botUserId))
    workspace.members.set(id, [...members, workspace.team.botUserId]);
  const channel = workspace.conversation(id);
  return alreadyIn
    ? {
        ok: true,
        channel,
        warning: 'already_in_channel',
        response_metadata: { warnings: ['already_in_channel'] },
      }
    : { ok: true, channel };
};

const usersInfo: SlackMethodHandler = ({ args, workspace }) => {
  const user = workspace.user(readStringArg(args, 'user') ?? '');
  return user ? { ok: true, user } : slackError('user_not_found');
};

const usergroupUsers: SlackMethodHandler = ({ args, workspace }) => {
  const users = workspace.usergroups.get(readStringArg(args, 'usergroup') ?? '');
  return users ? { ok: true, users: [...users] } : slackError('no_such_subteam');
};

export const conversationMethods: Record<string, SlackMethodHandler> = {
  'auth.test': authTest,
  'conversations.info': conversationsInfo,
  'conversations.history': conversationsHistory,
  'conversations.replies': conversationsReplies,
  'conversations.members': conversationsMembers,
  'conversations.join': conversationsJoin,
  'users.info': usersInfo,
  'usergroups.users.list': usergroupUsers,
};
