import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextToPlain } from '../../src/slack/neutralize-rich-text.ts';
import type { SlackMessage } from '../fakes/slack-fake-workspace.ts';
import {
  customerMessage,
  replyTs,
  type SlackHarness,
  staffMessage,
  startSlackHarness,
} from './slack-harness.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h?.close());

const quotes = (message: SlackMessage | undefined) =>
  richTextToPlain(
    ((message?.blocks ?? []) as Array<Record<string, unknown>>).filter(
      (block) => block['type'] === 'rich_text',
    ),
  );

/** The routed post in `channel` whose quote contains `text`. */
function routedPost(channel: string, text: string): SlackMessage | undefined {
  return h.slack.api
    .messages(channel)
    .find((message) =>
      message.thread_ts === undefined || message.thread_ts === message.ts
        ? quotes(message).includes(text)
        : false,
    );
}

describe('Slack ingestion through the real Bolt app (Socket Mode)', () => {
  it('routes a customer’s Slack Connect message to the owning team, verbatim, and stores it in the inbox before acknowledging', async () => {
    // Slack's wire format escapes &, < and >.
    const event = customerMessage({ text: 'The export is broken again &amp; nothing works &lt;sigh&gt;' });
    const ack = await h.sendEvent(event);
    expect(ack.status).toBe(200);
    // The ack came only after the raw event was stored; the listeners run from the inbox.
    expect(await h.inboxHolds(event.ts)).toBe(true);
    const stored = await h.storedMessage(event.ts);
    expect(stored).toMatchObject({
      kind: 'customer',
      author: { id: 'U0CUST001', name: 'Casey Customer', external: true },
      accountId: 'acme',
    });
    expect(stored?.text).toBe('The export is broken again & nothing works <sigh>');
    const post = await h.waitFor('routed post', () => routedPost('C0SUPPORT', 'The export is broken again'));
    expect(quotes(post)).toBe('The export is broken again & nothing works <sigh>');
    expect(JSON.stringify(post.blocks)).toContain('Acme Logistics (enterprise)');
    expect(post.metadata).toMatchObject({ event_type: 'verbatim_delivery' });
  });

  it('treats a staff reply in the customer’s thread as the answer and updates the routed post', async () => {
    const event = customerMessage({ text: 'Our dashboard shows an error since this morning' });
    await h.sendEvent(event);
    const post = await h.waitFor('routed post', () => routedPost('C0SUPPORT', 'dashboard shows an error'));
    await h.sendEvent(
      staffMessage({ text: 'Looking into it now!', thread_ts: event.ts, ts: replyTs(event.ts, 60) }),
    );
    const request = await h.waitFor('answered', async () => {
      const found = await h.verbatim.store.findRequestByThread(`slack:C1ACME:${event.ts}`);
      return found?.state === 'answered' ? found : null;
    });
    expect(request.firstResponseAt).toEqual(new Date((Math.floor(Number(event.ts)) + 60) * 1000));
    await h.waitFor('post shows answered', () =>
      JSON.stringify(h.slack.api.message('C0SUPPORT', post.ts)?.blocks).includes('*Answered* by <@U0ANN>'),
    );
  });

  it('puts a customer follow-up in the same thread into the routed post’s thread', async () => {
    const event = customerMessage({ text: 'Reports fail to load for everyone' });
    await h.sendEvent(event);
    const post = await h.waitFor('routed post', () => routedPost('C0SUPPORT', 'Reports fail to load'));
    await h.sendEvent(
      customerMessage({ text: 'Still failing, any news?', thread_ts: event.ts, ts: replyTs(event.ts, 600) }),
    );
    const note = await h.waitFor('follow-up note', () =>
      h.slack.api
        .thread('C0SUPPORT', post.ts)
        .find((message) => quotes(message).includes('Still failing, any news?')),
    );
    expect(note.thread_ts).toBe(post.ts);
  });

  it('stores each message once when Slack delivers the same event twice', async () => {
    const event = customerMessage({ text: 'Duplicate delivery check: invoices missing' });
    await h.sendEvent(event, { eventId: 'EvDUPLICATE1' });
    await h.sendEvent(event, { eventId: 'EvDUPLICATE1', retry: 1 });
    await h.waitFor('routed post', () => routedPost('C0BILLING', 'Duplicate delivery check'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      h.slack.api
        .messages('C0BILLING')
        .filter((message) => quotes(message).includes('Duplicate delivery check')),
    ).toHaveLength(1);
    // Slack's retry carries the same event_id: the inbox keeps one copy.
    const copies = await h.verbatim.storage.db.query(
      `SELECT 1 FROM inbox WHERE source = 'slack' AND platform_id = 'event:EvDUPLICATE1'`,
    );
    expect(copies.rows).toHaveLength(1);
  });

  it('does not acknowledge an event it could not store, so Slack delivers it again', async () => {
    const event = customerMessage({ text: 'Socket blip: reports broken' });
    await h.verbatim.storage.db.query('ALTER TABLE inbox RENAME TO inbox_away');
    const unacked = h.sendEvent(event, { eventId: 'EvSOCKETBLIP', ackTimeoutMs: 1500 });
    await expect(unacked).rejects.toThrow(/not acknowledged/);
    await h.verbatim.storage.db.query('ALTER TABLE inbox_away RENAME TO inbox');
    expect(await h.inboxHolds(event.ts)).toBe(false);
    await h.sendEvent(event, { eventId: 'EvSOCKETBLIP', retry: 1 });
    expect(await h.storedMessage(event.ts)).not.toBeNull();
    await h.waitFor('routed post', () => routedPost('C0SUPPORT', 'Socket blip'));
  });

  it('ignores other bots and our own channels', async () => {
    const before = h.slack.api.calls.length;
    await h.sendEvent({
      ...customerMessage({ text: 'I am a bot' }),
      bot_id: 'B0OTHER',
      subtype: 'bot_message',
    });
    await h.sendEvent(staffMessage({ text: 'internal chatter', channel: 'C0SUPPORT' }), { extShared: false });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(h.slack.api.calls.slice(before).filter((call) => call.method === 'chat.postMessage')).toHaveLength(
      0,
    );
  });

  it('shows a customer’s edit and deletion on the routed post', async () => {
    const event = customerMessage({ text: 'Login page is blank' });
    await h.sendEvent(event);
    const post = await h.waitFor('routed post', () => routedPost('C0SUPPORT', 'Login page is blank'));
    await h.sendEvent({
      type: 'message',
      subtype: 'message_changed',
      hidden: true,
      channel: 'C1ACME',
      ts: replyTs(event.ts, 30),
      message: {
        type: 'message',
        user: 'U0CUST001',
        text: 'Login page is blank on Firefox',
        ts: event.ts,
        edited: { user: 'U0CUST001', ts: replyTs(event.ts, 30) },
      },
      previous_message: { type: 'message', user: 'U0CUST001', text: 'Login page is blank', ts: event.ts },
      event_ts: replyTs(event.ts, 30),
    });
    await h.waitFor('edit shown', () => {
      const current = h.slack.api.message('C0SUPPORT', post.ts);
      return (
        quotes(current) === 'Login page is blank on Firefox' &&
        JSON.stringify(current?.blocks).includes('_edited')
      );
    });
    await h.sendEvent({
      type: 'message',
      subtype: 'message_deleted',
      hidden: true,
      channel: 'C1ACME',
      ts: replyTs(event.ts, 90),
      deleted_ts: event.ts,
      previous_message: {
        type: 'message',
        user: 'U0CUST001',
        text: 'Login page is blank on Firefox',
        ts: event.ts,
      },
      event_ts: replyTs(event.ts, 90),
    });
    await h.waitFor('deletion shown', () =>
      JSON.stringify(h.slack.api.message('C0SUPPORT', post.ts)?.blocks).includes('*deleted by the customer*'),
    );
    expect((await h.verbatim.store.getMessage(`slack:C1ACME:${event.ts}`))?.deletedAt).not.toBeNull();
  });

  it('relays an email sent into Slack as a message from the email’s sender, not Slackbot', async () => {
    const recorded = JSON.parse(
      readFileSync(new URL('./fixtures/email_message.json', import.meta.url), 'utf8'),
    ) as {
      event: Record<string, unknown> & { files: Array<Record<string, unknown>> };
    };
    const ts = '1800000000.000100';
    const file = {
      ...recorded.event.files[0],
      from: [
        {
          address: 'olli@pohjola-foods.example',
          name: 'Olli Pohjola',
          original: 'Olli Pohjola <olli@pohjola-foods.example>',
        },
      ],
      subject: 'Invoice 2291 is wrong',
      plain_text: 'Hello, invoice 2291 charges us twice. Please fix.',
      headers: { date: 'Mon, 02 Mar 2026 08:00:00 +0000', message_id: '<abc@pohjola-foods.example>' },
    };
    await h.sendEvent(
      { ...recorded.event, channel: 'C0FEEDBACK', ts, event_ts: ts, files: [file] },
      { extShared: false },
    );
    const post = await h.waitFor('routed post', () =>
      routedPost('C0BILLING', 'invoice 2291 charges us twice'),
    );
    const rendered = JSON.stringify(post.blocks);
    expect(rendered).toContain('*Olli Pohjola* &lt;olli@pohjola-foods.example&gt;');
    expect(rendered).toContain('*Subject:* Invoice 2291 is wrong');
    expect(rendered).toContain('Pohjola Foods (growth)');
    expect(rendered).not.toContain('USLACKBOT');
  });

  it('looks up Slack Connect file stubs with files.info and lists their names and sizes', async () => {
    h.slack.api.setFile('F0STUB1', {
      name: 'broken-export.csv',
      mimetype: 'text/csv',
      size: 4096,
      filetype: 'csv',
    });
    const event = customerMessage({
      text: 'Attached the export that fails',
      files: [
        {
          id: 'F0STUB1',
          mode: 'file_access',
          file_access: 'check_file_info',
          created: 0,
          timestamp: 0,
          user: '',
        },
      ],
    });
    await h.sendEvent(event);
    const post = await h.waitFor('routed post', () =>
      routedPost('C0SUPPORT', 'Attached the export that fails'),
    );
    expect(JSON.stringify(post.blocks)).toContain(':paperclip: broken-export.csv (4.0 KB)');
    expect(h.slack.api.callsTo('files.info').some((call) => call.args['file'] === 'F0STUB1')).toBe(true);
  });

  it('lets no mention, broadcast, channel or disguised link from customer text ping our workspace', async () => {
    const hostile = JSON.parse(
      readFileSync(new URL('./fixtures/slack_connect_hostile.json', import.meta.url), 'utf8'),
    ) as {
      event: Record<string, unknown>;
    };
    const ts = nextHostileTs();
    await h.sendEvent({ ...hostile.event, ts, event_ts: ts });
    const post = await h.waitFor('routed post', () => routedPost('C0BILLING', 'our export is broken'));
    const rendered = JSON.stringify({ text: post.text, blocks: post.blocks });
    for (const token of [
      '<!here',
      '<!channel',
      '<!everyone',
      '<@U0STAFF01',
      '<!subteam',
      '<#C0SUPPORT',
      '<https://evil',
    ]) {
      expect(rendered).not.toContain(token);
    }
    expect(quotes(post)).toContain('@here @channel @everyone ping @Sam and @oncall in #support');
    expect(quotes(post)).toContain('https://bank.example (https://evil.example/login)');
    const call = h.slack.api
      .callsTo('chat.postMessage')
      .find((candidate) => candidate.response && (candidate.response as { ts?: string }).ts === post.ts);
    expect(call?.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false', link_names: 'false' });
  });

  it('delivers a 40,000-character message complete and in order', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) =>
      i % 97 === 96 ? '\n' : String.fromCharCode(65 + (i % 26)),
    ).join('');
    const event = customerMessage({ text: `LONG:${text}`.slice(0, 40_000) });
    await h.sendEvent(event);
    const post = await h.waitFor('routed post', () => routedPost('C0SUPPORT', 'LONG:'));
    const thread = await h.waitFor('all parts', () => {
      const messages = h.slack.api.thread('C0SUPPORT', post.ts);
      return messages.map(quotes).join('').length >= 40_000 ? messages : null;
    });
    expect(thread.map(quotes).join('')).toBe(`LONG:${text}`.slice(0, 40_000));
    expect(
      h.slack.api.callsTo('chat.postMessage').every((call) => (call.response as { ok?: boolean }).ok),
    ).toBe(true);
  });

  it('records external contacts joining and leaving a shared channel, not our own people', async () => {
    await h.sendEvent({
      type: 'member_joined_channel',
      user: 'U0CUST001',
      channel: 'C1ACME',
      channel_type: 'C',
      team: 'T0CUSTOMER',
    });
    await h.sendEvent({
      type: 'member_left_channel',
      user: 'U0CUST001',
      channel: 'C1ACME',
      channel_type: 'C',
      team: 'T0CUSTOMER',
    });
    await h.sendEvent({
      type: 'member_joined_channel',
      user: 'U0ANN',
      channel: 'C1ACME',
      channel_type: 'C',
      team: 'T0VERBATIM',
    });
    // Acknowledged once stored; the inbox worker processes them after the answer.
    await h.waitFor('the three events processed', async () => {
      const pending = await h.verbatim.storage.db.query(
        `SELECT 1 FROM inbox WHERE processed_at IS NULL AND payload->'event'->>'type' LIKE 'member_%'`,
      );
      return pending.rows.length === 0;
    });
    const rows = await h.verbatim.storage.db.query<{
      kind: string;
      account_id: string;
      actor: { id: string };
    }>('SELECT kind, account_id, actor FROM account_events ORDER BY id');
    expect(rows.rows.map((row) => [row.kind, row.account_id, row.actor.id])).toEqual([
      ['member-joined', 'acme', 'U0CUST001'],
      ['member-left', 'acme', 'U0CUST001'],
    ]);
  });
});

let hostileCounter = 0;
function nextHostileTs(): string {
  hostileCounter += 1;
  return `${1_900_000_000 + hostileCounter * 86_400}.000100`;
}
