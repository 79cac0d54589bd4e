import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { Account } from '../core/directory.ts';
import type { DeadLetter } from '../core/ports.ts';
import { parseMailBytes } from './parse-mail-bytes.ts';
import { readStoredMail } from './stored-mail.ts';
import { storedMailMessage } from './stored-mail-message.ts';
import { toCustomerMessage } from './to-customer-message.ts';

export interface RereadOptions {
  accounts: Account[];
  ownDomains: string[];
  /** When the retry happens: the sent time of a mail without a usable date. */
  now: Date;
}

/**
 * An email dead letter read again from its raw bytes, the way its route first read it: a raw
 * message (relay, IMAP, Mailgun's `body-mime`, SendGrid's `email`) or Postmark's JSON. An
 * `inbox:email` letter (an inbox entry whose processing kept failing) holds the stored mail as
 * JSON; its bytes are read the same way. Gives the customer message to ingest, or why it still
 * cannot be read.
 */
export async function rereadDeadLetter(
  letter: Pick<DeadLetter, 'source' | 'raw' | 'contentType' | 'meta'>,
  options: RereadOptions,
): Promise<{ ok: true; message: CustomerMessageInput } | { ok: false; reason: string }> {
  if (letter.source === 'inbox:email') return rereadInboxLetter(letter, options);
  if (!letter.source.startsWith('email:')) {
    return { ok: false, reason: `only email dead letters can be retried; this one is from ${letter.source}` };
  }
  const meta = letter.meta ?? {};
  const parsed = await parseMailBytes(
    { raw: letter.raw, contentType: letter.contentType, route: meta.route, where: meta },
    { ownDomains: options.ownDomains },
  );
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
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

async function rereadInboxLetter(
  letter: Pick<DeadLetter, 'raw'>,
  options: RereadOptions,
): Promise<{ ok: true; message: CustomerMessageInput } | { ok: false; reason: string }> {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(letter.raw).toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `the kept inbox entry is not JSON: ${(error as Error).message}` };
  }
  const stored = readStoredMail(payload);
  if (!stored.ok) return stored;
  const read = await storedMailMessage(stored.mail, options);
  return read.ok ? { ok: true, message: read.message } : read;
}
