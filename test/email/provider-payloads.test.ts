import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/email/parse-email.ts';
import {
  buildMime,
  mailgunRawMime,
  mailgunSignatureFields,
  postmarkToParsedEmail,
  sendgridRawMime,
} from '../../src/email/provider-payloads.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const OWN = ['verbatim-demo.example'];
const raw = readFileSync(join(FIXTURES, 'gmail-forward-en.eml'));
const postmark = (name: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, 'providers', name), 'utf8'));
const field = (value: string) => Buffer.from(value, 'utf8');

describe('mailgunRawMime', () => {
  it('takes the raw message from body-mime, byte for byte', () => {
    expect(mailgunRawMime({ 'body-mime': raw })).toEqual(raw);
  });

  it('rebuilds a best-effort message from a parsed (non-mime) post, headers included', async () => {
    const mime = mailgunRawMime({
      'message-headers': field(
        JSON.stringify([
          ['From', 'Mark Ellison <mark.ellison@acme-logistics.example>'],
          ['Subject', 'Broken scanner'],
          ['Message-Id', '<mg-0001@mail.acme-logistics.example>'],
          ['Content-Type', 'multipart/mixed; boundary="gone"'],
        ]),
      ),
      'body-plain': field('The scanner is broken.\n'),
      'body-html': field('<p>The scanner is broken.</p>'),
    });
    expect(mime).not.toBeNull();
    const parsed = await parseEmail(mime!, { ownDomains: OWN });
    expect(parsed.ok && parsed.email).toMatchObject({
      messageId: 'mg-0001@mail.acme-logistics.example',
      originalSender: { email: 'mark.ellison@acme-logistics.example' },
      text: 'The scanner is broken.',
      bodySource: 'text',
    });
  });

  it('finds nothing in a post without a message', () => {
    expect(mailgunRawMime({ timestamp: field('1') })).toBeNull();
  });

  it('reads the signature fields', () => {
    expect(
      mailgunSignatureFields({ timestamp: field('17'), token: field('t'), signature: field('s') }),
    ).toEqual({
      timestamp: '17',
      token: 't',
      signature: 's',
    });
  });
});

describe('sendgridRawMime', () => {
  it('takes the raw message from the email field', () => {
    expect(sendgridRawMime({ email: raw, to: field('inbox@verbatim-demo.example') })).toEqual(raw);
    expect(sendgridRawMime({ text: field('parsed mode, not raw') })).toBeNull();
  });
});

describe('buildMime', () => {
  it('cannot be made to add headers through a value with line breaks', async () => {
    const mime = buildMime(
      [
        ['From', 'a@b.example'],
        ['Subject', 'Hi\r\nBcc: victim@c.example'],
      ],
      'Hello',
      null,
    );
    const parsed = await parseEmail(mime, { ownDomains: OWN });
    expect(parsed.ok && parsed.email.subject).toBe('Hi Bcc: victim@c.example');
  });
});

describe('postmarkToParsedEmail', () => {
  it('maps a reply: sender, Message-ID from the headers, threading, quotes split, attachments listed', () => {
    const result = postmarkToParsedEmail(postmark('postmark-reply.json'), { ownDomains: OWN });
    if (!result.ok) throw new Error(result.reason);
    expect(result.email).toMatchObject({
      messageId: 'CAGpm-0001@mail.acme-logistics.example',
      inReplyTo: 'fix-deployed-0001@verbatim-demo.example',
      references: ['outage-0001@mail.acme-logistics.example', 'fix-deployed-0001@verbatim-demo.example'],
      subject: 'Re: Outage on the tracking API',
      originalSender: { name: 'Mark Ellison', email: 'mark.ellison@acme-logistics.example' },
      forwardedBy: null,
      text: 'The tracking API is down again since 08:40. Our drivers cannot confirm deliveries.',
      attachments: [{ name: 'api-errors.csv', mimeType: 'text/csv', sizeBytes: 24 }],
      bodySource: 'text',
    });
    expect(result.email.date?.toISOString()).toBe('2025-06-03T08:12:00.000Z');
    expect(result.email.quotedText).toContain('> The fix is deployed.');
  });

  it('credits a forward by our staff to the customer, as for raw MIME', () => {
    const result = postmarkToParsedEmail(postmark('postmark-forward.json'), { ownDomains: OWN });
    if (!result.ok) throw new Error(result.reason);
    expect(result.email.originalSender?.email).toBe('liisa.korhonen@pohjola-foods.example');
    expect(result.email.forwardedBy?.email).toBe('anna.virtanen@verbatim-demo.example');
    expect(result.email.text).toBe('Kesäkuun lasku on laskutettu kahteen kertaan.');
    // No Message-ID header: Postmark's own id stands in, so a redelivery is still a duplicate.
    expect(result.email.messageId).toBe('a8c1e2f0-0000-4000-8000-000000000002@postmark.invalid');
  });

  it('converts HTML-only mail safely', () => {
    const result = postmarkToParsedEmail(postmark('postmark-html-only.json'), { ownDomains: OWN });
    if (!result.ok) throw new Error(result.reason);
    expect(result.email.text).toBe('Pay at https://pay.verbatim-demo.example (http://phish.example)');
    expect(result.email.bodySource).toBe('html');
  });

  it.each([
    ['not an object', 'hello'],
    ['a payload without a sender', { Subject: 'x', TextBody: 'y' }],
    ['attachments of the wrong shape', { FromFull: { Email: 'a@b.example' }, Attachments: [{ Size: 1 }] }],
  ])('refuses %s with a reason', (_case, payload) => {
    const result = postmarkToParsedEmail(payload, { ownDomains: OWN });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\S/);
  });
});
