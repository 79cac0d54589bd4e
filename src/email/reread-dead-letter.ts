import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { Account } from '../core/directory.ts';
import type { DeadLetter } from '../core/ports.ts';
import { parseEmail } from './parse-email.ts';
import type { ParseEmailResult } from './parsed-email.ts';
import { mailgunRawMime, postmarkToParsedEmail, sendgridRawMime } from './provider-payloads.ts';
import { readFormFields } from './read-form-fields.ts';
import { toCustomerMessage } from './to-customer-message.ts';

export interface RereadOptions {
  accounts: Account[];
  ownDomains: string[];
  /** When the retry happens: the sent time of a mail without a usable date. */
  now: Date;
}

/**
 * An email dead letter read again from its raw bytes, the way its route first read it: a raw
 * message (relay, IMAP, Mailgun's `body-mime`, SendGrid's `email`) or Postmark's JSON. Gives the
 * customer message to ingest, or why it still cannot be read.
 */
export async function rereadDeadLetter(
  letter: Pick<DeadLetter, 'source' | 'raw' | 'contentType' | 'meta'>,
  options: RereadOptions,
): Promise<{ ok: true; message: CustomerMessageInput } | { ok: false; reason: string }> {
  if (!letter.source.startsWith('email:')) {
    return { ok: false, reason: `only email dead letters can be retried; this one is from ${letter.source}` };
  }
  const parsed = await parseLetter(letter, options.ownDomains);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const meta = letter.meta ?? {};
  const conversation =
    letter.source === 'email:imap' && typeof meta.mailbox === 'string'
      ? `email:imap:${meta.mailbox}`
      : 'email:inbound';
  return {
    ok: true,
    message: toCustomerMessage(parsed.email, {
      accounts: options.accounts,
      ownDomains: options.ownDomains,
      conversation,
      receivedAt: options.now,
    }),
  };
}

async function parseLetter(
  letter: Pick<DeadLetter, 'raw' | 'contentType' | 'meta'>,
  ownDomains: string[],
): Promise<ParseEmailResult> {
  const contentType = (letter.contentType ?? 'message/rfc822').toLowerCase();
  const raw = Buffer.from(letter.raw);
  const route = letter.meta?.route;
  if (contentType.startsWith('text/rfc822-headers')) {
    const where =
      typeof letter.meta?.uid === 'number' ? ` (UID ${letter.meta.uid} in ${letter.meta.mailbox})` : '';
    return { ok: false, reason: `only the header was kept; the whole mail is still in the mailbox${where}` };
  }
  if (contentType.startsWith('application/json')) {
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      return { ok: false, reason: `body is not JSON: ${(error as Error).message}` };
    }
    return postmarkToParsedEmail(payload, { ownDomains });
  }
  if (
    contentType.startsWith('multipart/form-data') ||
    contentType.startsWith('application/x-www-form-urlencoded')
  ) {
    let fields: Awaited<ReturnType<typeof readFormFields>>;
    try {
      fields = await readFormFields(raw, letter.contentType ?? '', {
        maxFieldBytes: raw.length,
        fileFields: ['body-mime', 'email'],
      });
    } catch (error) {
      return { ok: false, reason: `unreadable form body: ${(error as Error).message}` };
    }
    const mime = route === 'sendgrid' ? sendgridRawMime(fields) : mailgunRawMime(fields);
    if (mime === null)
      return { ok: false, reason: `the ${String(route ?? 'form')} payload carries no message` };
    return parseEmail(mime, { ownDomains });
  }
  return parseEmail(raw, { ownDomains });
}
