/**
 * Files for the fake Slack Web API: files.info and the v2 upload flow WebClient's
 * `files.uploadV2` drives:
 *   1. files.getUploadURLExternal({ filename, length }) → { upload_url, file_id }
 *   2. POST the bytes to upload_url (served by this fake at /upload/v1/<file_id>; raw body or
 *      multipart, as WebClient sends) → 200 "OK - <bytes>"
 *   3. files.completeUploadExternal({ files: [{ id, title }], channel_id?, thread_ts?,
 *      initial_comment? }) → { files: [{ id, title }] }; with a channel it also posts a
 *      file-share message into the store.
 * Uploaded bytes are readable with `fake.fileContent(id)`.
 */

import { findBlockLimitError } from './slack-block-limits.ts';
import type { FakeSlackWorkspace, SlackObject } from './slack-fake-workspace.ts';
import { type SlackMethodHandler, slackError, slackLimitError } from './slack-method-handler.ts';
import { readStringArg, type SlackRequestBody } from './slack-request-body.ts';

export const uploadPathPrefix = '/upload/v1/';

const filesInfo: SlackMethodHandler = ({ args, workspace }) => {
  const stored = workspace.files.get(readStringArg(args, 'file') ?? '');
  if (!stored) return slackError('file_not_found');
  return { ok: true, file: stored.file, comments: [], response_metadata: { next_cursor: '' } };
};

const getUploadUrl: SlackMethodHandler = ({ args, workspace, origin }) => {
  const filename = readStringArg(args, 'filename');
  const length = Number(readStringArg(args, 'length'));
  if (!filename || !Number.isInteger(length) || length <= 0) {
    return slackError('invalid_arguments', {
      response_metadata: { messages: ['[ERROR] missing `filename` or `length`'] },
    });
  }
  const fileId = workspace.newId('F');
  workspace.uploads.set(fileId, { filename, length });
  return { ok: true, upload_url: `${origin}${uploadPathPrefix}${fileId}`, file_id: fileId };
};

const completeUpload: SlackMethodHandler = ({ args, workspace, limits }) => {
  const entries = Array.isArray(args['files']) ? (args['files'] as SlackObject[]) : [];
  if (entries.length === 0) return slackError('invalid_arguments');
  const limit = findBlockLimitError(args['blocks'], 'message', limits);
  if (limit) return slackLimitError(limit);
  const channel = readStringArg(args, 'channel_id');
  const threadTs = readStringArg(args, 'thread_ts');
  const completed: SlackObject[] = [];
  for (const entry of entries) {
    const id = typeof entry['id'] === 'string' ? entry['id'] : '';
    const upload = workspace.uploads.get(id);
    if (!upload?.content) return slackError('file_not_found');
    const title = typeof entry['title'] === 'string' ? entry['title'] : upload.filename;
    const file = describeFile(workspace, id, upload.filename, title, upload.content, channel);
    workspace.files.set(id, { file, content: upload.content });
    workspace.uploads.delete(id);
    completed.push(file);
  }
  if (channel) {
    const { botUserId, botId, appId, teamId } = workspace.team;
    workspace.addMessage(channel, {
      subtype: 'file_share',
      user: botUserId,
      bot_id: botId,
      app_id: appId,
      team: teamId,
      text: readStringArg(args, 'initial_comment') ?? '',
      upload: true,
      files: completed,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(args['blocks'] !== undefined ? { blocks: args['blocks'] } : {}),
    });
  }
  return { ok: true, files: completed.map((file) => ({ id: file['id'], title: file['title'] })) };
};

function describeFile(
  workspace: FakeSlackWorkspace,
  id: string,
  name: string,
  title: string,
  content: Buffer,
  channel: string | undefined,
): SlackObject {
  const { domain, botUserId, teamId } = workspace.team;
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : 'text';
  const created = Math.floor(Date.now() / 1000);
  return {
    id,
    created,
    timestamp: created,
    name,
    title,
    mimetype: extension === 'png' ? 'image/png' : extension === 'pdf' ? 'application/pdf' : 'text/plain',
    filetype: extension,
    pretty_type: extension.toUpperCase(),
    user: botUserId,
    user_team: teamId,
    mode: 'hosted',
    editable: false,
    is_external: false,
    external_type: '',
    is_public: channel?.startsWith('C') ?? false,
    size: content.length,
    url_private: `https://files.slack.com/files-pri/${teamId}-${id}/${encodeURIComponent(name)}`,
    url_private_download: `https://files.slack.com/files-pri/${teamId}-${id}/download/${encodeURIComponent(name)}`,
    permalink: `https://${domain}.slack.com/files/${botUserId}/${id}/${encodeURIComponent(name)}`,
    file_access: 'visible',
    channels: channel ? [channel] : [],
    groups: [],
    ims: [],
    comments_count: 0,
  };
}

/**
 * Takes the bytes POSTed to an upload URL. Returns the HTTP status and body Slack's file
 * service answers with; WebClient only checks for 200.
 */
export async function acceptUpload(
  workspace: FakeSlackWorkspace,
  fileId: string,
  body: SlackRequestBody,
): Promise<{ status: number; text: string }> {
  const upload = workspace.uploads.get(fileId);
  if (!upload) return { status: 404, text: 'upload not found' };
  let content = body.bytes;
  if (body.contentType.startsWith('multipart/form-data')) {
    const part = Object.values(body.args).find((value): value is Blob => value instanceof Blob);
    content = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
  }
  upload.content = content;
  return { status: 200, text: `OK - ${content.length}` };
}

export const fileMethods: Record<string, SlackMethodHandler> = {
  'files.info': filesInfo,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
