import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { richTextToPlain } from '../../src/slack/neutralize-rich-text.ts';
import type { SlackMessage } from '../fakes/slack-fake-workspace.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';
import { customerMessage, type SlackHarness, startSlackHarness } from './slack-harness.ts';

const quotes = (message: SlackMessage | undefined) =>
  richTextToPlain(
    ((message?.blocks ?? []) as Array<Record<string, unknown>>).filter(
      (block) => block['type'] === 'rich_text',
    ),
  );

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => h?.close());

describe('Slack delivery through the pipeline', () => {
  it('never posts into a team destination shared with another organisation, and logs why', async () => {
    const yaml = TEST_CONFIG_YAML.replace(
      'destination: { platform: slack, channel: C0SUPPORT }',
      'destination: { platform: slack, channel: C1LEAKY }',
    );
    h = await startSlackHarness({ yaml });
    h.slack.api.setConversation('C1LEAKY', {
      name: 'support-with-customer',
      is_shared: true,
      is_ext_shared: true,
      connected_team_ids: ['T0CUSTOMER'],
    });
    await h.sendEvent(customerMessage({ text: 'Please do not leak our triage' }));
    const refusal = await h.waitFor('error log', () =>
      h?.logs.find(
        (line) =>
          line['level'] === 50 && String(line['msg']).includes('refusing to post into Slack channel C1LEAKY'),
      ),
    );
    expect(String(refusal['msg'])).toContain('Fix: point this destination');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      h.slack.api.callsTo('chat.postMessage').filter((call) => call.args['channel'] === 'C1LEAKY'),
    ).toHaveLength(0);
    expect(h.slack.api.messages('C1LEAKY')).toHaveLength(0);
  });

  it('loses and doubles nothing through a storm of 429s, and mirrors the status on the customer’s message when enabled', async () => {
    h = await startSlackHarness({
      yaml: `${TEST_CONFIG_YAML}\nreactions:\n  mirrorOnCustomerMessage: true\n`,
    });
    const harness = h;
    harness.slack.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, 4);
    harness.slack.api.failNext('chat.update', { status: 429, retryAfter: 1 }, 1);
    const texts = ['Storm one: export broken', 'Storm two: login broken', 'Storm three: reports broken'];
    const sources = ['C1ACME', 'C1POHJOLA', 'C1KAUPPA'];
    const events = texts.map((text, index) => customerMessage({ text, channel: sources[index] }));
    await Promise.all(events.map((event) => harness.sendEvent(event)));
    await harness.waitFor(
      'three posts',
      () =>
        texts.every((text) =>
          harness.slack.api.messages('C0SUPPORT').some((message) => quotes(message) === text),
        ),
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const text of texts) {
      expect(
        harness.slack.api.messages('C0SUPPORT').filter((message) => quotes(message) === text),
      ).toHaveLength(1);
    }
    expect(harness.slack.api.callsTo('chat.postMessage').filter((call) => call.status === 429).length).toBe(
      4,
    );

    // Claim the first: the customer sees 👀 on their own message, and nothing else.
    const post = harness.slack.api.messages('C0SUPPORT').find((message) => quotes(message) === texts[0])!;
    await harness.sendEvent(
      {
        type: 'reaction_added',
        user: 'U0ANN',
        reaction: 'eyes',
        item: { type: 'message', channel: 'C0SUPPORT', ts: post.ts },
        event_ts: '1.0',
      },
      { extShared: false },
    );
    await harness.waitFor('mirrored 👀', () =>
      harness.slack.api.reactions('C1ACME', events[0]!.ts).some((r) => r.name === 'eyes'),
    );
    expect(
      harness.slack.api
        .callsTo('chat.postMessage')
        .filter((call) => String(call.args['channel']).startsWith('C1')),
    ).toHaveLength(0);
  });

  it('answers Slack once the raw event is in the inbox, and keeps an event whose processing keeps failing as an inbox:slack dead letter', async () => {
    h = await startSlackHarness({ inbox: { maxAttempts: 2, retryDelaySeconds: 0.2 } });
    const harness = h;
    const lost = customerMessage({ text: 'Inbox: processing keeps failing' });
    await harness.verbatim.storage.db.query('ALTER TABLE customer_messages RENAME TO customer_messages_away');
    try {
      const ack = await harness.sendEvent(lost, { eventId: 'EvINBOXFAIL' });
      expect(ack.status).toBe(200);
      // Acknowledged only after the raw event was committed to the inbox.
      const stored = await harness.verbatim.storage.db.query<{ platform_id: string }>(
        `SELECT platform_id FROM inbox WHERE platform_id = 'event:EvINBOXFAIL'`,
      );
      expect(stored.rows).toHaveLength(1);
      await harness.waitFor('dead letter', async () => {
        const letters = await harness.verbatim.storage.db.query('SELECT id FROM dead_letters');
        return letters.rows.length > 0;
      });
    } finally {
      await harness.verbatim.storage.db.query(
        'ALTER TABLE customer_messages_away RENAME TO customer_messages',
      );
    }
    const letters = await harness.verbatim.storage.db.query<{ source: string; raw: Uint8Array }>(
      'SELECT source, raw FROM dead_letters',
    );
    expect(letters.rows).toHaveLength(1);
    expect(letters.rows[0]?.source).toBe('inbox:slack');
    expect(Buffer.from(letters.rows[0]!.raw).toString('utf8')).toContain('Inbox: processing keeps failing');
    const entry = await harness.verbatim.storage.db.query<{ attempts: number; dead: boolean }>(
      `SELECT attempts, dead_at IS NOT NULL AS dead FROM inbox WHERE platform_id = 'event:EvINBOXFAIL'`,
    );
    expect(entry.rows[0]).toMatchObject({ attempts: 2, dead: true });
  });
});
