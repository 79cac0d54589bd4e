import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CustomerMessageSchema } from '../../src/core/customer-message.ts';
import { isExternalSlackAuthor } from '../../src/slack/classify-slack-author.ts';
import {
  findSharedEmail,
  SlackMessageChangedSchema,
  SlackMessageDeletedSchema,
  SlackMessageEventSchema,
} from '../../src/slack/slack-message-event.ts';
import {
  toAttachment,
  toCustomerMessage,
  toEmailCustomerMessage,
} from '../../src/slack/to-customer-message.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as { event: unknown };

const customer = { id: 'U0CUST001', name: 'Casey', external: true };

describe('toCustomerMessage', () => {
  it('maps a hostile Slack Connect message to plain, neutral text with its refs', () => {
    const event = SlackMessageEventSchema.parse(fixture('slack_connect_hostile.json').event);
    const message = CustomerMessageSchema.parse(
      toCustomerMessage(event, {
        author: customer,
        permalink: 'https://x.slack.com/archives/C1ACME/p1',
        attachments: [],
      }),
    );
    expect(message).toMatchObject({
      id: 'slack:C1ACME:1767000000.000100',
      platform: 'slack',
      conversation: 'slack:C1ACME',
      thread: 'slack:C1ACME:1767000000.000100',
      isReply: false,
      accountId: null,
      sentAt: new Date(1767000000000),
    });
    expect(message.text).toBe(
      '@here @channel @everyone ping @U0STAFF01 and @oncall in #support — our export is broken & invoices are wrong <again>. ' +
        'Log in at https://bank.example (https://evil.example/login) or docs.example/faq',
    );
  });

  it('marks a thread reply and points it at its thread', () => {
    const event = SlackMessageEventSchema.parse({
      type: 'message',
      channel: 'C1ACME',
      ts: '1767000100.000200',
      thread_ts: '1767000000.000100',
      text: 'any news?',
      user: 'U0CUST001',
    });
    const message = toCustomerMessage(event, { author: customer, permalink: null, attachments: [] });
    expect(message.isReply).toBe(true);
    expect(message.thread).toBe('slack:C1ACME:1767000000.000100');
  });

  it('accepts recorded payloads: plain, rich text and file share', () => {
    for (const name of ['messageExample.json', 'message_rich_text.json', 'message_file_share.json']) {
      const event = SlackMessageEventSchema.parse(fixture(name).event);
      const attachments = (event.files ?? []).map(toAttachment);
      expect(() =>
        CustomerMessageSchema.parse(
          toCustomerMessage(event, { author: customer, permalink: null, attachments }),
        ),
      ).not.toThrow();
    }
    const share = SlackMessageEventSchema.parse(fixture('message_file_share.json').event);
    expect(share.files?.map(toAttachment)).toEqual([
      { name: 'namenamename.txt', mimeType: 'text/plain', sizeBytes: 12 },
    ]);
  });

  it('reads a Slack Connect file stub, which has no name until files.info', () => {
    const event = SlackMessageEventSchema.parse(fixture('message_file_share_slack_connect.json').event);
    expect(event.files?.[0]?.file_access).toBe('check_file_info');
  });
});

describe('emails sent into Slack', () => {
  it('recognises Slackbot file shares of an email and credits the email sender, not Slackbot', () => {
    const event = SlackMessageEventSchema.parse(fixture('email_message.json').event);
    const email = findSharedEmail(event);
    expect(email?.filetype).toBe('email');
    const message = CustomerMessageSchema.parse(
      toEmailCustomerMessage(event, email!, {
        text: email!.plain_text ?? '',
        external: true,
        permalink: null,
      }),
    );
    expect(message.author).toEqual({
      id: 'addr@example.com',
      name: 'meow',
      email: 'addr@example.com',
      external: true,
    });
    expect(message.text).toBe('meow');
    expect(message.subject).toBe('meow');
    expect(message.sentAt).toEqual(new Date('2022-12-16T18:58:30Z'));
    expect(message.id).toBe('slack:C012346789:1671217113.292829');
  });

  it('uses the unwrapped original sender of a forwarded email', () => {
    const event = SlackMessageEventSchema.parse(fixture('email_message.json').event);
    const message = toEmailCustomerMessage(event, findSharedEmail(event)!, {
      text: 'fwd',
      external: true,
      permalink: null,
      unwrapped: {
        author: { name: 'Olli Original', email: 'olli@acme-logistics.example' },
        text: 'The export fails',
        quotedText: null,
        forwardedBy: { name: 'Sam Staff', email: 'sam@verbatim-demo.example' },
        subject: 'Export',
      },
    });
    expect(message.author).toMatchObject({ id: 'olli@acme-logistics.example', name: 'Olli Original' });
    expect(message.forwardedBy).toEqual({ name: 'Sam Staff', email: 'sam@verbatim-demo.example' });
    expect(message.text).toBe('The export fails');
  });

  it('does not mistake an ordinary file share for an email', () => {
    expect(
      findSharedEmail(SlackMessageEventSchema.parse(fixture('message_file_share.json').event)),
    ).toBeNull();
  });
});

describe('edits and deletions', () => {
  it('parses recorded message_changed and message_deleted events', () => {
    const changed = SlackMessageChangedSchema.parse(fixture('messageChange.json').event);
    expect(changed.message.ts).toBe('1663969333.524439');
    const deleted = SlackMessageDeletedSchema.parse(fixture('message_deleted.json').event);
    expect(deleted.deleted_ts).toBe('1663966382.046509');
  });
});

describe('isExternalSlackAuthor', () => {
  const ours = ['T0VERBATIM', 'E0VERBATIM'];
  const user = (facts: Partial<Parameters<typeof isExternalSlackAuthor>[0]['user'] & object>) => ({
    id: 'U1',
    name: 'x',
    isStranger: false,
    isGuest: false,
    isBot: false,
    ...facts,
  });
  it.each([
    ['another team', { authorTeam: 'T0CUSTOMER' }, true],
    ['our team', { authorTeam: 'T0VERBATIM' }, false],
    ['our enterprise', { authorTeam: 'E0VERBATIM' }, false],
    [
      'a Slack Connect stranger even if the team looks like ours',
      { authorTeam: 'T0VERBATIM', user: user({ isStranger: true }) },
      true,
    ],
    ['a guest of our workspace', { authorTeam: 'T0VERBATIM', user: user({ isGuest: true }) }, true],
    ['no team on the event: users.info decides', { user: user({ teamId: 'T0VERBATIM' }) }, false],
    ['nothing known: the customer, so nothing is dropped', {}, true],
  ])('%s', (_name, input, external) => {
    expect(isExternalSlackAuthor({ ourTeamIds: ours, ...input })).toBe(external);
  });
});
