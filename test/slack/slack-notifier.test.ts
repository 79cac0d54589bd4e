import Keyv from 'keyv';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackWebClient } from '../../src/slack/create-slack-web-client.ts';
import { deliveryMetadata } from '../../src/slack/delivery-metadata.ts';
import { richTextToPlain } from '../../src/slack/neutralize-rich-text.ts';
import { createSlackPacer } from '../../src/slack/pace-slack-calls.ts';
import { createSharedChannelGuard, SharedChannelError } from '../../src/slack/shared-channel-guard.ts';
import { createSlackNotifier } from '../../src/slack/slack-notifier.ts';
import { createSlackPoster } from '../../src/slack/slack-poster.ts';
import { renderRoutedPost } from '../../src/slack/views/routed-post-message.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-web-api.ts';
import { sampleMessage, sampleView } from './views/sample-routed-post-view.ts';

const logger = pino({ level: 'silent' });
const support = { platform: 'slack' as const, channel: 'C0SUPPORT' };
const quotes = (blocks: unknown) =>
  ((blocks as Array<Record<string, unknown>> | undefined) ?? []).filter(
    (block) => block['type'] === 'rich_text',
  );

let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.reset();
  slack.setConversation('C0SUPPORT', { name: 'support' });
  slack.setConversation('C1ACME', {
    name: 'acme-shared',
    is_ext_shared: true,
    is_shared: true,
    connected_team_ids: ['T0CUSTOMER'],
  });
});

function createNotifier(options: { mirror?: boolean; keyv?: Keyv } = {}) {
  const client = createSlackWebClient({
    token: slack.botToken,
    apiUrl: slack.url,
    purpose: 'delivery',
    logger,
  });
  const postClient = createSlackWebClient({
    token: slack.botToken,
    apiUrl: slack.url,
    purpose: 'post',
    logger,
  });
  const pacer = createSlackPacer({ logger, minIntervalMs: 10 });
  const poster = createSlackPoster({ client, postClient, pacer });
  const keyv = options.keyv ?? new Keyv();
  const notifier = createSlackNotifier({
    poster,
    client,
    pacer,
    guard: createSharedChannelGuard({ client, pacer }),
    keyv,
    logger,
    accounts: () => [{ id: 'acme', name: 'Acme Logistics' }],
    mirror: options.mirror ? { claimed: 'eyes', resolved: 'white_check_mark' } : null,
  });
  return { notifier, poster, keyv };
}

describe('Slack notifier', () => {
  it('posts the routed post with its delivery key in metadata, unfurling and name linking off', async () => {
    const { notifier } = createNotifier();
    const ref = await notifier.postRoutedPost(support, sampleView(), 'post:req_1:slack:C0SUPPORT');
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({
      channel: 'C0SUPPORT',
      unfurl_links: 'false',
      unfurl_media: 'false',
      link_names: 'false',
      parse: 'none',
      metadata: { event_type: 'verbatim_delivery', event_payload: { key: 'post:req_1:slack:C0SUPPORT' } },
    });
    expect(slack.message('C0SUPPORT', ref.id)?.metadata).toEqual(
      deliveryMetadata('post:req_1:slack:C0SUPPORT'),
    );
  });

  it('refuses to post into a channel shared with another organisation, saying what to fix', async () => {
    const { notifier } = createNotifier();
    const attempt = notifier.postRoutedPost(
      { platform: 'slack', channel: 'C1ACME' },
      sampleView(),
      'post:req_1:x',
    );
    await expect(attempt).rejects.toBeInstanceOf(SharedChannelError);
    await expect(attempt).rejects.toThrow(
      /Slack Connect channel shared with another organisation.*Fix: point this destination/,
    );
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    await expect(
      notifier.postNote(
        { platform: 'slack', channel: 'C1ACME' },
        { kind: 'notice', text: 'x', mentions: [] },
        'k',
      ),
    ).rejects.toBeInstanceOf(SharedChannelError);
  });

  it('delivers a 40,000-character message complete and in order within the fake’s Block Kit limits', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const { notifier } = createNotifier();
    const ref = await notifier.postRoutedPost(
      support,
      sampleView({ messages: [sampleMessage({ text })] }),
      'post:long',
    );
    const thread = slack.thread('C0SUPPORT', ref.id);
    expect(thread.length).toBeGreaterThan(2);
    expect(slack.calls.every((call) => call.status === 200 && (call.response as { ok?: boolean }).ok)).toBe(
      true,
    );
    expect(thread.map((message) => richTextToPlain(quotes(message.blocks))).join('')).toBe(text);
  });

  it('finds an earlier post by its key after a crash and finishes its continuation instead of posting again', async () => {
    const text = 'y'.repeat(30_000);
    const view = sampleView({ messages: [sampleMessage({ text })] });
    const { notifier, poster, keyv } = createNotifier();
    // What a crashed attempt leaves: the anchor posted with its key, the rest still pending.
    const rendering = renderRoutedPost(view);
    const since = new Date();
    await keyv.set('slack:pending-parts:post:crashed', {
      channel: 'C0SUPPORT',
      threadTs: null,
      parts: rendering.continuation,
    });
    const anchor = await poster.post({
      channel: 'C0SUPPORT',
      body: rendering,
      metadata: deliveryMetadata('post:crashed'),
    });

    const found = await notifier.findDelivery(support, 'post:crashed', since);
    expect(found).toEqual({ destination: support, id: anchor });
    expect(
      slack
        .thread('C0SUPPORT', anchor)
        .map((m) => richTextToPlain(quotes(m.blocks)))
        .join(''),
    ).toBe(text);
    expect(await notifier.findDelivery(support, 'post:never-made', since)).toBeNull();
    // Finding it again changes nothing.
    const posts = slack.callsTo('chat.postMessage').length;
    await notifier.findDelivery(support, 'post:crashed', since);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });

  it('waits out a storm of 429s: the post arrives once', async () => {
    const { notifier } = createNotifier();
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, 2);
    const started = Date.now();
    const ref = await notifier.postRoutedPost(support, sampleView(), 'post:storm');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(slack.messages('C0SUPPORT').filter((message) => message.ts === ref.id)).toHaveLength(1);
    expect(slack.messages('C0SUPPORT')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 429, 200]);
  });

  it('updates the post in place, shrinking its continuation when an edit shortens the text', async () => {
    const { notifier } = createNotifier();
    const long = sampleView({ messages: [sampleMessage({ text: 'z'.repeat(30_000) })] });
    const ref = await notifier.postRoutedPost(support, long, 'post:edit');
    const before = slack.thread('C0SUPPORT', ref.id).length;
    expect(before).toBeGreaterThan(2);
    await notifier.updateRoutedPost(
      ref,
      sampleView({
        state: 'claimed',
        claimedBy: { id: 'U0ANN' },
        lastChange: { kind: 'claim', actor: { id: 'U0ANN' }, at: new Date() },
        messages: [sampleMessage({ text: 'short now', editedAt: new Date() })],
      }),
    );
    const thread = slack.thread('C0SUPPORT', ref.id);
    expect(thread).toHaveLength(1);
    expect(JSON.stringify(thread[0]?.blocks)).toContain(':eyes: *Claimed* by <@U0ANN>');
    expect(richTextToPlain(quotes(thread[0]?.blocks))).toBe('short now');
  });

  it('updates a post without continuation without reading its thread', async () => {
    const { notifier } = createNotifier();
    const ref = await notifier.postRoutedPost(support, sampleView(), 'post:short');
    await notifier.updateRoutedPost(ref, sampleView({ state: 'resolved' }));
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    expect(slack.callsTo('conversations.replies')).toHaveLength(0);
  });

  it('mirrors claimed and resolved onto the customer’s message when enabled', async () => {
    const { notifier } = createNotifier({ mirror: true });
    const ref = await notifier.postRoutedPost(support, sampleView(), 'post:mirror');
    await notifier.updateRoutedPost(ref, sampleView({ state: 'claimed', claimedBy: { id: 'U0ANN' } }));
    expect(slack.reactions('C1ACME', '1767000000.000100').map((r) => r.name)).toEqual(['eyes']);
    await notifier.updateRoutedPost(ref, sampleView({ state: 'resolved' }));
    expect(slack.reactions('C1ACME', '1767000000.000100').map((r) => r.name)).toEqual(['white_check_mark']);
  });

  it('leaves the customer’s message alone by default', async () => {
    const { notifier } = createNotifier();
    const ref = await notifier.postRoutedPost(support, sampleView(), 'post:nomirror');
    await notifier.updateRoutedPost(ref, sampleView({ state: 'claimed', claimedBy: { id: 'U0ANN' } }));
    expect(slack.callsTo('reactions.add')).toHaveLength(0);
  });

  it('posts a customer follow-up into the routed post’s thread and links escalations to the post', async () => {
    const { notifier } = createNotifier();
    const ref = await notifier.postRoutedPost(support, sampleView(), 'post:notes');
    const note = await notifier.postNote(
      ref,
      {
        kind: 'follow-up',
        text: 'still broken',
        mentions: [],
        message: sampleMessage({ text: 'still broken' }),
      },
      'follow-up:1',
    );
    expect(slack.message('C0SUPPORT', note.id)?.thread_ts).toBe(ref.id);
    const alert = await notifier.postNote(
      support,
      { kind: 'escalation', text: 'P1 from Acme', mentions: ['U0MANAGER'], link: ref },
      'alert:1',
    );
    expect(JSON.stringify(slack.message('C0SUPPORT', alert.id)?.blocks)).toContain('|Open the routed post>');
  });
});
