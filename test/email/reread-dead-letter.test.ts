import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/directory.ts';
import { rereadDeadLetter } from '../../src/email/reread-dead-letter.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const NOW = new Date('2025-06-03T10:00:00.000Z');
const accounts: Account[] = [
  {
    id: 'pohjola',
    name: 'Pohjola Foods',
    domains: ['pohjola-foods.example'],
    channels: [],
    tier: 'growth',
    routing: {},
  },
];
const options = { accounts, ownDomains: ['verbatim-demo.example'], now: NOW };

/** A form body exactly as fetch would post it, with its content type. */
async function formBody(form: FormData | URLSearchParams): Promise<{ raw: Uint8Array; contentType: string }> {
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return {
    raw: new Uint8Array(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

describe('rereadDeadLetter', () => {
  it('reads a raw mail kept by the relay route again, in the inbound conversation', async () => {
    const read = await rereadDeadLetter(
      {
        source: 'email:webhook',
        raw: fixture('outlook-forward-fi.eml'),
        contentType: 'message/rfc822',
        meta: { route: 'inbound' },
      },
      options,
    );
    expect(read).toMatchObject({
      ok: true,
      message: {
        conversation: 'email:inbound',
        accountId: 'pohjola',
        author: { email: 'liisa.korhonen@pohjola-foods.example' },
      },
    });
  });

  it('reads a mail kept by the IMAP poller back into its mailbox conversation', async () => {
    const read = await rereadDeadLetter(
      {
        source: 'email:imap',
        raw: fixture('threaded-reply.eml'),
        contentType: 'message/rfc822',
        meta: { mailbox: 'Support', uid: 7 },
      },
      options,
    );
    expect(read.ok && read.message.conversation).toBe('email:imap:Support');
  });

  it('finds the raw mail inside a Mailgun or SendGrid form body, and reads Postmark JSON', async () => {
    const mailgun = await formBody(
      new URLSearchParams({
        timestamp: '1',
        token: 't',
        signature: 's',
        'body-mime': fixture('outlook-forward-fi.eml').toString('utf8'),
      }),
    );
    const sendgridForm = new FormData();
    sendgridForm.append('email', new Blob([new Uint8Array(fixture('outlook-forward-fi.eml'))]), 'email.eml');
    const sendgrid = await formBody(sendgridForm);
    const letters = [
      { source: 'email:webhook', ...mailgun, meta: { route: 'mailgun' } },
      { source: 'email:webhook', ...sendgrid, meta: { route: 'sendgrid' } },
      {
        source: 'email:webhook',
        raw: fixture('providers/postmark-forward.json'),
        contentType: 'application/json',
        meta: { route: 'postmark' },
      },
    ];
    for (const letter of letters) {
      const read = await rereadDeadLetter(letter, options);
      expect(read.ok, String(letter.meta.route)).toBe(true);
      if (read.ok) expect(read.message.author.external).toBe(true);
    }
  });

  it('says why a letter still cannot be read, or cannot be retried at all', async () => {
    const cases = [
      [
        { source: 'email:webhook', raw: fixture('missing-from.eml'), contentType: 'message/rfc822' },
        /no sender/,
      ],
      [{ source: 'email:webhook', raw: Buffer.from('{oops'), contentType: 'application/json' }, /not JSON/],
      [
        {
          source: 'email:imap',
          raw: Buffer.from('Subject: big\r\n\r\n'),
          contentType: 'text/rfc822-headers',
          meta: { uid: 9, mailbox: 'INBOX' },
        },
        /only the header was kept; the whole mail is still in the mailbox \(UID 9 in INBOX\)/,
      ],
      [
        { source: 'slack:event', raw: Buffer.from('{}'), contentType: 'application/json' },
        /only email dead letters/,
      ],
      [
        { source: 'inbox:email', raw: Buffer.from('{oops'), contentType: 'application/json' },
        /the kept inbox entry is not JSON/,
      ],
      [
        { source: 'inbox:email', raw: Buffer.from('{"route":"inbound"}'), contentType: 'application/json' },
        /not a stored mail/,
      ],
    ] as const;
    for (const [letter, reason] of cases) {
      const read = await rereadDeadLetter(letter, options);
      expect(read).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    }
  });
});
