import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomerMessageSchema } from '../../src/core/customer-message.ts';
import { parseEmail } from '../../src/email/parse-email.ts';
import type { ParsedEmail } from '../../src/email/parsed-email.ts';
import { toCustomerMessage } from '../../src/email/to-customer-message.ts';
import { FIXTURE_ACCOUNTS } from './fixture-accounts.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const OWN = ['verbatim-demo.example'];
const accounts = FIXTURE_ACCOUNTS;
const options = { accounts, ownDomains: OWN, conversation: 'email:inbound' };

async function fixture(name: string): Promise<ParsedEmail> {
  const result = await parseEmail(readFileSync(join(FIXTURES, name)), { ownDomains: OWN });
  if (!result.ok) throw new Error(result.reason);
  return result.email;
}

describe('toCustomerMessage', () => {
  it('credits a forwarded mail and its account to the original customer and names the forwarder', async () => {
    const message = CustomerMessageSchema.parse(
      toCustomerMessage(await fixture('gmail-forward-en.eml'), options),
    );
    expect(message).toMatchObject({
      id: 'email:CAF1x9-gm-0001@mail.verbatim-demo.example',
      platform: 'email',
      conversation: 'email:inbound',
      thread: 'email:CAF1x9-gm-0001@mail.verbatim-demo.example',
      isReply: false,
      accountId: 'acme-logistics',
      author: {
        id: 'mark.ellison@acme-logistics.example',
        name: 'Mark Ellison',
        email: 'mark.ellison@acme-logistics.example',
        external: true,
      },
      subject: 'Pallet labels missing again',
      forwardedBy: { name: 'Anna Virtanen', email: 'anna.virtanen@verbatim-demo.example' },
      permalink: null,
      language: 'en',
    });
    expect(message.text).toContain('the pallet labels were missing');
    expect(message.quotedText).toContain('Head of Operations');
  });

  it('joins a reply to the thread of its root message (the first References entry)', async () => {
    const message = toCustomerMessage(await fixture('threaded-reply.eml'), options);
    expect(message.thread).toBe('email:thread-0001@mail.acme-logistics.example');
    expect(message.isReply).toBe(true);
  });

  it('falls back to In-Reply-To for the thread when there are no References', async () => {
    const message = toCustomerMessage(await fixture('thanks-only.eml'), options);
    expect(message.thread).toBe('email:fixed-0001@verbatim-demo.example');
  });

  it('matches subdomains of an account domain', async () => {
    expect(toCustomerMessage(await fixture('subdomain-sender.eml'), options).accountId).toBe('pohjola-foods');
  });

  it('leaves unknown domains unmapped', async () => {
    expect(toCustomerMessage(await fixture('unknown-domain.eml'), options).accountId).toBeNull();
  });

  it('marks our own staff as internal authors', async () => {
    const message = toCustomerMessage(await fixture('staff-mail-not-forward.eml'), options);
    expect(message.author.external).toBe(false);
    expect(message.forwardedBy).toBeNull();
  });

  it('uses the forwarded original’s date when the forward block states its zone', async () => {
    const message = toCustomerMessage(await fixture('thunderbird-forward-en.eml'), options);
    expect(message.sentAt).toEqual(new Date('2025-06-03T06:55:12.000Z'));
  });

  it('uses the time the mail reached us when it has no date', async () => {
    const receivedAt = new Date('2025-06-03T12:00:00.000Z');
    expect(toCustomerMessage(await fixture('missing-date.eml'), { ...options, receivedAt }).sentAt).toEqual(
      receivedAt,
    );
  });

  it('lists attachments by name, type and size', async () => {
    const message = toCustomerMessage(await fixture('attachments-pdf-image-csv.eml'), options);
    expect(message.attachments?.map((attachment) => attachment.name)).toEqual([
      'delivery-notes-may.pdf',
      'damaged-pallet.png',
      'late-arrivals.csv',
    ]);
  });
});
