/**
 * chat.*, reactions.* and views.publish for the fake Slack Web API, with Slack's response shapes
 * and errors. Messages land in the workspace's per-channel store (thread replies included), so
 * tests read what was posted with `fake.messages(channel)`.
 *
 * Leniency, on purpose: chat.getPermalink and reactions.* accept any ts, because the customer
 * messages they point at usually arrive as events and are not in the store. Posting to an
 * unknown channel succeeds; a channel set with `is_member: false` answers `not_in_channel`, one
 * with `is_archived: true` answers `is_archived`. A user id as `channel` posts to a DM (`D…`).
 */
import { findBlockLimitError, findMessageTextError } from './slack-block-limits.ts';
import type { SlackMessage, SlackObject } from './slack-fake-workspace.ts';
import {
  type SlackMethodContext,
  type SlackMethodHandler,
  slackError,
  slackLimitError,
} from './slack-method-handler.ts';
import { readStringArg } from './slack-request-body.ts';

/** Validates channel, content and limits shared by postMessage / postEphemeral / update. */
function checkPost(
  { args, workspace, limits }: SlackMethodContext,
  requireContent: boolean,
): SlackObject | undefined {
  const channel = readStringArg(args, 'channel');
  if (!channel) return slackError('channel_not_found');
  const conversation = workspace.conversation(channel);
  if (conversation?.['is_archived'] === true) return slackError('is_archived');
  if (conversation?.['is_member'] === false) return slackError('not_in_channel');
  const hasContent = ['text', 'blocks', 'attachments'].some(
    (key) => args[key] !== undefined && args[key] !== '',
  );
  if (requireContent && !hasContent) return slackError('no_text');
  const limit =
    findMessageTextError(args['text'], limits) ?? findBlockLimitError(args['blocks'], 'message', limits);
  return limit ? slackLimitError(limit) : undefined;
}

/** Slack opens (or reuses) the DM when `channel` is a user id. */
const toChannelId = (channel: string) => (/^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel);

function botFields({ workspace }: SlackMethodContext): SlackObject {
  const { botUserId, botId, appId, teamId } = workspace.team;
  return {
    user: botUserId,
    bot_id: botId,
    app_id: appId,
    team: teamId,
    bot_profile: { id: botId, app_id: appId, name: 'verbatim', deleted: false, team_id: teamId },
  };
}

/** Copies the message arguments Slack keeps on the stored message. */
function contentOf(args: Record<string, unknown>): SlackObject {
  const content: SlackObject = {};
  for (const key of ['text', 'blocks', 'attachments', 'metadata']) {
    if (args[key] !== undefined) content[key] = args[key];
  }
  return content;
}

const postMessage: SlackMethodHandler = (context) => {
  const rejection = checkPost(context, true);
  if (rejection) return rejection;
  const { args, workspace } = context;
  const channel = toChannelId(readStringArg(args, 'channel')!);
  const threadTs = readStringArg(args, 'thread_ts');
  const message = workspace.addMessage(channel, {
    ...botFields(context),
    text: '',
    ...contentOf(args),
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(args['reply_broadcast'] === 'true' || args['reply_broadcast'] === true
      ? { subtype: 'thread_broadcast' }
      : {}),
  });
  return { ok: true, channel, ts: message.ts, message: { ...message } };
};

const update: SlackMethodHandler = (context) => {
  const rejection = checkPost(context, false);
  if (rejection) return rejection;
  const { args, workspace } = context;
  const channel = readStringArg(args, 'channel')!;
  const ts = readStringArg(args, 'ts');
  const message = ts ? workspace.message(channel, ts) : undefined;
  if (!message) return slackError('message_not_found');
  if (message.user !== workspace.team.botUserId) return slackError('cant_update_message');
  // Fields left out keep their previous value, as in Slack.
  Object.assign(message, contentOf(args), {
    edited: { user: workspace.team.botUserId, ts: workspace.nextTs(channel) },
  });
  return { ok: true, channel, ts: message.ts, text: message.text ?? '', message: { ...message } };
};

const remove: SlackMethodHandler = ({ args, workspace }) => {
  const channel = readStringArg(args, 'channel') ?? '';
  const ts = readStringArg(args, 'ts') ?? '';
  const message = workspace.message(channel, ts);
  if (!message) return slackError('message_not_found');
  if (message.user !== workspace.team.botUserId) return slackError('cant_delete_message');
  workspace.deleteMessage(channel, ts);
  return { ok: true, channel, ts };
};

const getPermalink: SlackMethodHandler = ({ args, workspace }) => {
  const channel = readStringArg(args, 'channel');
  const ts = readStringArg(args, 'message_ts');
  if (!channel) return slackError('channel_not_found');
  if (!ts) return slackError('message_not_found');
  return { ok: true, channel, permalink: workspace.permalink(channel, ts) };
};

const postEphemeral: SlackMethodHandler = (context) => {
  const rejection = checkPost(context, true);
  if (rejection) return rejection;
  const { args, workspace } = context;
  const channel = readStringArg(args, 'channel')!;
  const user = readStringArg(args, 'user');
  if (!user) return slackError('user_not_found');
  const members = workspace.members.get(channel);
  if (members && !members.includes(user)) return slackError('user_not_in_channel');
  const ts = workspace.nextTs(channel);
  const threadTs = readStringArg(args, 'thread_ts');
  workspace.ephemerals.push({
    channel,
    user,
    ts,
    ...(contentOf(args) as Pick<SlackMessage, 'text' | 'blocks'>),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { ok: true, message_ts: ts };
};

function reactionTarget({ args, workspace }: SlackMethodContext) {
  const channel = readStringArg(args, 'channel') ?? '';
  const ts = readStringArg(args, 'timestamp') ?? '';
  const name = readStringArg(args, 'name') ?? '';
  return { channel, ts, name, key: workspace.reactionKey(channel, ts, name), bot: workspace.team.botUserId };
}

/** Mirrors the reaction index onto the stored message's `reactions` field, when the message is known. */
function syncReactions({ workspace }: SlackMethodContext, channel: string, ts: string): void {
  const message = workspace.message(channel, ts);
  if (!message) return;
  const reactions = workspace.reactionsOn(channel, ts);
  if (reactions.length > 0) message['reactions'] = reactions;
  else delete message['reactions'];
}

const addReaction: SlackMethodHandler = (context) => {
  const { channel, ts, name, key, bot } = reactionTarget(context);
  if (!channel) return slackError('channel_not_found');
  if (!ts) return slackError('no_item_specified');
  if (!name) return slackError('invalid_name');
  const users = context.workspace.reactions.get(key) ?? [];
  if (users.includes(bot)) return slackError('already_reacted');
  context.workspace.reactions.set(key, [...users, bot]);
  syncReactions(context, channel, ts);
  return { ok: true };
};

const removeReaction: SlackMethodHandler = (context) => {
  const { channel, ts, name, key, bot } = reactionTarget(context);
  if (!channel) return slackError('channel_not_found');
  if (!ts) return slackError('no_item_specified');
  if (!name) return slackError('invalid_name');
  const users = context.workspace.reactions.get(key) ?? [];
  if (!users.includes(bot)) return slackError('no_reaction');
  context.workspace.reactions.set(
    key,
    users.filter((user) => user !== bot),
  );
  syncReactions(context, channel, ts);
  return { ok: true };
};

const publishView: SlackMethodHandler = ({ args, workspace, limits }) => {
  const userId = readStringArg(args, 'user_id');
  const view = args['view'];
  if (!userId)
    return slackError('invalid_arguments', { response_metadata: { messages: ['invalid `user_id`'] } });
  if (typeof view !== 'object' || view === null || (view as SlackObject)['type'] !== 'home') {
    return slackError('invalid_arguments', { response_metadata: { messages: ['[ERROR] invalid `view`'] } });
  }
  const limit = findBlockLimitError((view as SlackObject)['blocks'] ?? [], 'view', limits);
  // views.* report Block Kit problems as invalid_arguments, pointing into /view.
  if (limit) {
    const lines = limit.errors.map(
      (line) => `[ERROR] ${line.replace('json-pointer:/blocks', 'json-pointer:/view/blocks')}`,
    );
    return slackError('invalid_arguments', { response_metadata: { messages: lines } });
  }
  const previous = workspace.homeViews.get(userId);
  const id = typeof previous?.['id'] === 'string' ? previous['id'] : workspace.newId('V');
  const published: SlackObject = {
    id,
    team_id: workspace.team.teamId,
    type: 'home',
    close: null,
    submit: null,
    private_metadata: '',
    callback_id: '',
    external_id: '',
    state: { values: {} },
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: id,
    previous_view_id: null,
    app_id: workspace.team.appId,
    bot_id: workspace.team.botId,
    app_installed_team_id: workspace.team.teamId,
    ...(view as SlackObject),
    hash: `${Math.floor(Date.now() / 1000)}.${workspace.newId('h')}`,
  };
  workspace.homeViews.set(userId, published);
  return { ok: true, view: published };
};

export const chatMethods: Record<string, SlackMethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.delete': remove,
  'chat.getPermalink': getPermalink,
  'chat.postEphemeral': postEphemeral,
  'reactions.add': addReaction,
  'reactions.remove': removeReaction,
  'views.publish': publishView,
};
