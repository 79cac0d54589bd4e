import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlockLimits } from './slack-block-limits.ts';
import { createSlackTestLogger } from './slack-test-logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from './slack-web-api.ts';

let slack: FakeSlackApi;
let client: WebClient;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  client = new WebClient(slack.botToken, {
    slackApiUrl: slack.url,
    retryConfig: { retries: 0 },
    logger: createSlackTestLogger(),
  });
});
afterAll(async () => {
  await slack.close();
});

const chars = (n: number) => 'x'.repeat(n);
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (text: string, value = 'v') => ({ type: 'button', text: { type: 'plain_text', text }, value });
const header = (text: string, type = 'plain_text') => ({ type: 'header', text: { type, text } });
const context = (n: number) => ({
  type: 'context',
  elements: Array.from({ length: n }, () => ({ type: 'mrkdwn', text: 'c' })),
});
const actions = (elements: unknown[]) => ({ type: 'actions', elements });
const fields = (n: number, length = 10) => ({
  type: 'section',
  fields: Array.from({ length: n }, () => ({ type: 'mrkdwn', text: chars(length) })),
});

async function post(blocks: unknown[], text = 'fallback'): Promise<{ error?: string; errors?: string[] }> {
  try {
    await client.chat.postMessage({ channel: 'C1', text, blocks: blocks as never });
    return {};
  } catch (error) {
    if (!(error instanceof WebAPIPlatformError)) throw error;
    return { error: error.data.error, errors: (error.data as { errors?: string[] }).errors };
  }
}

// Each row: the largest payload Slack accepts, then the smallest it rejects.
const limitCases: Array<{ limit: string; atLimit: unknown[]; overLimit: unknown[] }> = [
  {
    limit: '50 blocks per message',
    atLimit: Array.from({ length: 50 }, () => section('a')),
    overLimit: Array.from({ length: 51 }, () => section('a')),
  },
  { limit: 'section text 3000', atLimit: [section(chars(3000))], overLimit: [section(chars(3001))] },
  { limit: 'section fields count 10', atLimit: [fields(10)], overLimit: [fields(11)] },
  { limit: 'section field text 2000', atLimit: [fields(1, 2000)], overLimit: [fields(1, 2001)] },
  { limit: 'header text 150', atLimit: [header(chars(150))], overLimit: [header(chars(151))] },
  { limit: 'header must be plain_text', atLimit: [header('ok')], overLimit: [header('*bold*', 'mrkdwn')] },
  {
    limit: 'actions 25 elements',
    atLimit: [actions(Array.from({ length: 25 }, () => button('b')))],
    overLimit: [actions(Array.from({ length: 26 }, () => button('b')))],
  },
  { limit: 'context 10 elements', atLimit: [context(10)], overLimit: [context(11)] },
  {
    limit: 'block_id 255',
    atLimit: [{ ...section('a'), block_id: chars(255) }],
    overLimit: [{ ...section('a'), block_id: chars(256) }],
  },
  {
    limit: 'button text 75',
    atLimit: [actions([button(chars(75))])],
    overLimit: [actions([button(chars(76))])],
  },
  {
    limit: 'button value 2000',
    atLimit: [actions([button('b', chars(2000))])],
    overLimit: [actions([button('b', chars(2001))])],
  },
  {
    limit: 'button in a section accessory',
    atLimit: [{ ...section('a'), accessory: button(chars(75)) }],
    overLimit: [{ ...section('a'), accessory: button(chars(76)) }],
  },
];

describe('fake Slack Web API Block Kit limits, through the real WebClient', () => {
  it.each(limitCases)(
    'accepts a message at the $limit limit and rejects one over it',
    async ({ atLimit, overLimit }) => {
      expect(await post(atLimit)).toEqual({});
      const rejected = await post(overLimit);
      expect(rejected.error).toBe('invalid_blocks');
      expect(rejected.errors?.[0]).toMatch(/\[json-pointer:\/blocks/);
    },
  );

  it('rejects top-level text over 40,000 characters with msg_too_long', async () => {
    expect(await post([], chars(slackBlockLimits.messageText))).toEqual({});
    expect((await post([], chars(40_001))).error).toBe('msg_too_long');
    await expect(
      client.chat.update({ channel: 'C1', ts: '1.000100', text: chars(40_001) }),
    ).rejects.toMatchObject({
      data: { error: 'msg_too_long' },
    });
  });

  it('rejects blocks that are each valid but together exceed the ~13.2k aggregate with msg_blocks_too_long', async () => {
    expect(await post(Array.from({ length: 4 }, () => section(chars(3000))))).toEqual({});
    expect((await post(Array.from({ length: 5 }, () => section(chars(2700))))).error).toBe(
      'msg_blocks_too_long',
    );
  });

  it('checks the same limits on chat.update and chat.postEphemeral', async () => {
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'ok' });
    await expect(
      client.chat.update({
        channel: 'C1',
        ts: posted.ts!,
        text: 'x',
        blocks: [section(chars(3001))] as never,
      }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(
      client.chat.postEphemeral({
        channel: 'C1',
        user: 'U1',
        text: 'x',
        blocks: [header(chars(151))] as never,
      }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    expect(slack.message('C1', posted.ts!)?.text).toBe('ok');
  });

  it('allows 100 blocks in an App Home view and answers invalid_arguments beyond', async () => {
    const view = (n: number) => ({
      type: 'home' as const,
      blocks: Array.from({ length: n }, () => section('a')),
    });
    expect((await client.views.publish({ user_id: 'U1', view: view(100) as never })).ok).toBe(true);
    await expect(client.views.publish({ user_id: 'U1', view: view(101) as never })).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'],
        },
      },
    });
  });

  it('stores nothing from a rejected post', async () => {
    slack.reset();
    await post([section(chars(3001))]);
    expect(slack.messages('C1')).toEqual([]);
    expect(slack.callsTo('chat.postMessage')[0]?.response).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
    });
  });
});
