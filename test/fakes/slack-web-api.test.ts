import {
  type ConversationsRepliesResponse,
  ErrorCode,
  retryPolicies,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
  WebClientEvent,
  type WebClientOptions,
} from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackTestLogger } from './slack-test-logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from './slack-web-api.ts';

let slack: FakeSlackApi;
const clientFor = (options: WebClientOptions = {}, token = slack.botToken) =>
  new WebClient(token, {
    slackApiUrl: slack.url,
    retryConfig: { retries: 0 },
    logger: createSlackTestLogger(),
    ...options,
  });

beforeEach(async () => {
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  await slack.close();
});

async function platformError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WebAPIPlatformError))
    throw new Error(`expected a platform error, got ${String(error)}`);
  return error.data.error;
}

describe('fake Slack Web API through the real WebClient', () => {
  it('posts, updates and links a message, and keeps it in the channel store', async () => {
    const client = clientFor();
    const first = await client.chat.postMessage({ channel: 'C1', text: 'first', unfurl_links: false });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'second' });
    expect(first.ok).toBe(true);
    expect(first.channel).toBe('C1');
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({
      text: 'first',
      user: slack.team.botUserId,
      bot_id: slack.team.botId,
    });

    const updated = await client.chat.update({ channel: 'C1', ts: first.ts!, text: 'first, edited' });
    expect(updated).toMatchObject({ ok: true, channel: 'C1', ts: first.ts, text: 'first, edited' });
    const link = await client.chat.getPermalink({ channel: 'C1', message_ts: first.ts! });
    expect(link.permalink).toBe(
      `https://fake-workspace.slack.com/archives/C1/p${first.ts!.replace('.', '')}`,
    );

    expect(slack.messages('C1').map((m) => m.text)).toEqual(['first, edited', 'second']);
    expect(slack.message('C1', first.ts!)?.['edited']).toMatchObject({ user: slack.team.botUserId });
    expect(slack.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      channel: 'C1',
      unfurl_links: 'false',
    });
    expect(slack.callsTo('chat.postMessage')[0]?.token).toBe(slack.botToken);
  });

  it('parses JSON-stringified blocks from form bodies and accepts JSON bodies with a bearer token', async () => {
    const blocks = [{ type: 'section', text: { type: 'plain_text', text: 'hello' } }];
    await clientFor().chat.postMessage({ channel: 'C1', text: 'fallback', blocks });
    expect(slack.callsTo('chat.postMessage')[0]?.args['blocks']).toEqual(blocks);

    const response = await fetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${slack.botToken}`,
      },
      body: JSON.stringify({ channel: 'C2', text: 'json', blocks }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C2' });
    expect(slack.messages('C2')[0]).toMatchObject({ text: 'json', blocks });
  });

  it('threads replies under their parent and returns them from conversations.replies', async () => {
    const parent = slack.seedMessage('C1', { user: 'U_CUSTOMER', text: 'our export is broken' });
    const client = clientFor();
    await client.chat.postMessage({ channel: 'C1', thread_ts: parent.ts, text: 'looking into it' });
    await client.chat.postMessage({ channel: 'C1', text: 'unrelated' });

    const replies = await client.conversations.replies({ channel: 'C1', ts: parent.ts });
    expect(replies.messages?.map((m) => m.text)).toEqual(['our export is broken', 'looking into it']);
    expect(replies.messages?.[0]).toMatchObject({ reply_count: 1, thread_ts: parent.ts });
    expect(replies.messages?.[1]).toMatchObject({ thread_ts: parent.ts, parent_user_id: 'U_CUSTOMER' });
    expect(await platformError(client.conversations.replies({ channel: 'C1', ts: '1.000100' }))).toBe(
      'thread_not_found',
    );

    const history = await client.conversations.history({ channel: 'C1' });
    expect(history.messages?.map((m) => m.text)).toEqual(['unrelated', 'our export is broken']);
  });

  it('pages conversations.replies with cursors that client.paginate follows', async () => {
    const parent = slack.seedMessage('C1', { user: 'U1', text: 'parent' });
    for (let i = 0; i < 4; i += 1)
      slack.seedMessage('C1', { user: 'U1', text: `reply ${i}`, thread_ts: parent.ts });
    const texts: string[] = [];
    for await (const page of clientFor().paginate('conversations.replies', {
      channel: 'C1',
      ts: parent.ts,
      limit: 2,
    })) {
      for (const message of (page as ConversationsRepliesResponse).messages ?? [])
        texts.push(message.text ?? '');
    }
    expect(texts).toEqual(['parent', 'reply 0', 'reply 1', 'reply 2', 'reply 3']);
    expect(slack.callsTo('conversations.replies')).toHaveLength(3);
  });

  it('deletes messages and refuses to touch what is missing or not the bot’s', async () => {
    const client = clientFor();
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'oops' });
    await client.chat.delete({ channel: 'C1', ts: posted.ts! });
    expect(slack.messages('C1')).toEqual([]);
    expect(await platformError(client.chat.delete({ channel: 'C1', ts: posted.ts! }))).toBe(
      'message_not_found',
    );
    const customer = slack.seedMessage('C1', { user: 'U_CUSTOMER', text: 'mine' });
    expect(await platformError(client.chat.update({ channel: 'C1', ts: customer.ts, text: 'x' }))).toBe(
      'cant_update_message',
    );
    expect(await platformError(client.chat.postMessage({ channel: 'C1' } as never))).toBe('no_text');
  });

  it('rejects an unknown token, a missing token and an app-level token on a bot method', async () => {
    expect(
      await platformError(clientFor({}, 'xoxb-wrong').chat.postMessage({ channel: 'C1', text: 'x' })),
    ).toBe('invalid_auth');
    expect(await platformError(clientFor({}, '').auth.test())).toBe('not_authed');
    expect(
      await platformError(clientFor({}, slack.appToken).chat.postMessage({ channel: 'C1', text: 'x' })),
    ).toBe('not_allowed_token_type');
    expect(await platformError(clientFor().apps.connections.open())).toBe('not_allowed_token_type');
    expect(slack.messages('C1')).toEqual([]);
  });

  it('waits out a 429 for the Retry-After seconds and then retries', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const client = clientFor({ retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const rateLimited: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (seconds: number) => rateLimited.push(seconds));

    const result = await client.chat.postMessage({ channel: 'C1', text: 'after the pause' });
    expect(result.ok).toBe(true);
    const [limited, retried] = slack.callsTo('chat.postMessage');
    expect(limited?.status).toBe(429);
    expect(limited?.response).toEqual({ ok: false, error: 'ratelimited' });
    expect(retried!.time - limited!.time).toBeGreaterThanOrEqual(950);
    expect(rateLimited).toEqual([1]);
    expect(slack.messages('C1')).toHaveLength(1);
  });

  it('lets a client that rejects rate-limited calls see Retry-After', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const error = await clientFor({ rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: 'C1', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(7);
  });

  it('answers a scripted 500 with an HTTP error, and the retrying client recovers', async () => {
    slack.failNext('chat.postMessage', { status: 500 });
    const error = await clientFor()
      .chat.postMessage({ channel: 'C1', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect((error as WebAPIHTTPError).code).toBe(ErrorCode.HTTPError);
    expect((error as WebAPIHTTPError).statusCode).toBe(500);

    slack.failNext('chat.postMessage', { status: 503 }, 2);
    const result = await clientFor({ retryConfig: retryPolicies.rapidRetryPolicy }).chat.postMessage({
      channel: 'C1',
      text: 'third time lucky',
    });
    expect(result.ok).toBe(true);
    expect(slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([500, 503, 503, 200]);
  });

  it('answers scripted platform errors and unknown methods in Slack’s ok:false shape', async () => {
    slack.failNext('conversations.info', { error: 'channel_not_found' });
    slack.setConversation('C1', { name: 'acme-shared' });
    const client = clientFor();
    expect(await platformError(client.conversations.info({ channel: 'C1' }))).toBe('channel_not_found');
    expect((await client.conversations.info({ channel: 'C1' })).channel?.name).toBe('acme-shared');
    expect(await platformError(client.apiCall('made.up'))).toBe('unknown_method');
  });

  it('describes seeded conversations, users, user groups and the team', async () => {
    slack.setTeam('T_OURS', 'U_OUR_BOT');
    slack.setConversation('C_EXT', {
      name: 'acme',
      is_ext_shared: true,
      is_shared: true,
      connected_team_ids: ['T_ACME'],
    });
    slack.setConversation('C_OUT', { is_member: false });
    slack.setMembers('C_EXT', ['U1', 'U2', 'U3']);
    slack.setUser('U_ACME', { team_id: 'T_ACME', is_stranger: true, profile: { email: 'pat@acme.example' } });
    slack.setUsergroupUsers('S_BILLING', ['U1', 'U2']);
    const client = clientFor();

    expect(await client.auth.test()).toMatchObject({ team_id: 'T_OURS', user_id: 'U_OUR_BOT' });
    const info = await client.conversations.info({ channel: 'C_EXT' });
    expect(info.channel).toMatchObject({
      is_ext_shared: true,
      is_shared: true,
      is_member: true,
      is_private: false,
    });
    expect(info.channel?.connected_team_ids).toEqual(['T_ACME']);
    expect(info.response_metadata?.scopes).toContain('chat:write');
    expect((await client.conversations.members({ channel: 'C_EXT', limit: 2 })).members).toEqual([
      'U1',
      'U2',
    ]);
    const user = await client.users.info({ user: 'U_ACME' });
    expect(user.user).toMatchObject({ team_id: 'T_ACME', is_stranger: true, is_bot: false });
    expect(user.user?.profile?.email).toBe('pat@acme.example');
    expect(await platformError(client.users.info({ user: 'U_NOBODY' }))).toBe('user_not_found');
    expect((await client.usergroups.users.list({ usergroup: 'S_BILLING' })).users).toEqual(['U1', 'U2']);
    expect(await platformError(client.usergroups.users.list({ usergroup: 'S_NONE' }))).toBe(
      'no_such_subteam',
    );

    expect(await platformError(client.chat.postMessage({ channel: 'C_OUT', text: 'x' }))).toBe(
      'not_in_channel',
    );
    const joined = await client.conversations.join({ channel: 'C_OUT' });
    expect(joined.channel?.is_member).toBe(true);
    expect((await client.chat.postMessage({ channel: 'C_OUT', text: 'x' })).ok).toBe(true);
  });

  it('adds and removes reactions with already_reacted and no_reaction errors', async () => {
    const client = clientFor();
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'routed' });
    await client.reactions.add({ channel: 'C1', timestamp: posted.ts!, name: 'eyes' });
    expect(slack.reactions('C1', posted.ts!)).toEqual([
      { name: 'eyes', users: [slack.team.botUserId], count: 1 },
    ]);
    expect(slack.message('C1', posted.ts!)?.['reactions']).toHaveLength(1);
    expect(
      await platformError(client.reactions.add({ channel: 'C1', timestamp: posted.ts!, name: 'eyes' })),
    ).toBe('already_reacted');
    await client.reactions.remove({ channel: 'C1', timestamp: posted.ts!, name: 'eyes' });
    expect(slack.reactions('C1', posted.ts!)).toEqual([]);
    expect(
      await platformError(client.reactions.remove({ channel: 'C1', timestamp: posted.ts!, name: 'eyes' })),
    ).toBe('no_reaction');
  });

  it('records ephemeral messages and App Home views', async () => {
    const client = clientFor();
    const ephemeral = await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(ephemeral.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(slack.ephemerals('C1')).toMatchObject([{ user: 'U1', text: 'only you' }]);
    expect(slack.messages('C1')).toEqual([]);

    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Accounts at risk*' } }];
    const published = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks } });
    expect(published.view).toMatchObject({ type: 'home', blocks, team_id: slack.team.teamId });
    expect(slack.homeView('U1')?.['blocks']).toEqual(blocks);
  });

  it('takes a files.uploadV2 upload through the v2 URL flow and shares it in the thread', async () => {
    const client = clientFor();
    const parent = await client.chat.postMessage({ channel: 'C1', text: 'long customer text follows' });
    const result = await client.files.uploadV2({
      channel_id: 'C1',
      thread_ts: parent.ts!,
      filename: 'message.txt',
      title: 'Full message',
      content: 'every character the customer wrote',
      initial_comment: 'continued',
    });
    expect(result.ok).toBe(true);
    const fileId = slack.callsTo('files.getUploadURLExternal')[0]?.response as { file_id: string };
    expect(slack.fileContent(fileId.file_id)?.toString('utf8')).toBe('every character the customer wrote');
    const share = slack.thread('C1', parent.ts!)[1];
    expect(share).toMatchObject({ subtype: 'file_share', text: 'continued', thread_ts: parent.ts });
    const info = await client.files.info({ file: fileId.file_id });
    expect(info.file).toMatchObject({ name: 'message.txt', title: 'Full message', size: 34 });
    expect(await platformError(client.files.info({ file: 'F_NONE' }))).toBe('file_not_found');
  });

  it('serves seeded files (a Slack Connect stub resolved through files.info) and forgets everything on reset', async () => {
    slack.setFile('F_STUB', {
      name: 'invoice.pdf',
      url_private: 'https://files.slack.com/files-pri/T-F/invoice.pdf',
    });
    expect((await clientFor().files.info({ file: 'F_STUB' })).file?.name).toBe('invoice.pdf');
    slack.reset();
    expect(slack.calls).toEqual([]);
    expect(await platformError(clientFor().files.info({ file: 'F_STUB' }))).toBe('file_not_found');
  });
});
