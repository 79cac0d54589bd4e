import { z } from 'zod';
import type { InboxEntry } from '../core/inbox.ts';
import { mailPlatformId } from './mail-platform-id.ts';

/** Where a stored mail came in: one of the webhook routes, or the IMAP mailbox. */
export type MailRoute = 'inbound' | 'mailgun' | 'sendgrid' | 'postmark' | 'imap';

/**
 * A mail as it sits in the durable inbox (`source: 'email'`): the bytes exactly as they reached us
 * (raw MIME; Postmark's JSON; a provider form we could not find a message in), base64 because a
 * mail is bytes and jsonb holds only text. Nothing in it has been parsed; the processor
 * (process-email-entry.ts) reads it the way a dead letter's bytes are read (read-stored-mail.ts).
 */
export interface StoredMail {
  route: MailRoute;
  /** `message/rfc822`, `application/json`, or the form's own content type. */
  contentType: string;
  raw: Buffer;
  /** When the mail reached us (IMAP: the server's INTERNALDATE); the sent time of a mail without a date. */
  receivedAt: Date;
  /** Where an IMAP mail is on the server. */
  imap?: { mailbox: string; uid: number; uidValidity: string };
}

const StoredMailPayloadSchema = z.object({
  route: z.enum(['inbound', 'mailgun', 'sendgrid', 'postmark', 'imap']),
  contentType: z.string(),
  rawBase64: z.string(),
  receivedAt: z.iso.datetime(),
  imap: z
    .object({ mailbox: z.string(), uid: z.number().int().nonnegative(), uidValidity: z.string() })
    .optional(),
});

/** The inbox entry of a mail, with its platform id (see mail-platform-id.ts). */
export function storedMailEntry(mail: StoredMail): InboxEntry & { messageId: string | null } {
  const { platformId, messageId } = mailPlatformId(mail.raw, mail.contentType);
  return {
    source: 'email',
    platformId,
    messageId,
    payload: {
      route: mail.route,
      contentType: mail.contentType,
      rawBase64: mail.raw.toString('base64'),
      receivedAt: mail.receivedAt.toISOString(),
      ...(mail.imap ? { imap: mail.imap } : {}),
    },
  };
}

/** The mail of an email inbox entry's payload (or of an `inbox:email` dead letter's JSON). */
export function readStoredMail(
  payload: unknown,
): { ok: true; mail: StoredMail } | { ok: false; reason: string } {
  const parsed = StoredMailPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      reason:
        `not a stored mail: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'invalid'}`.trim(),
    };
  }
  const { rawBase64, receivedAt, imap, ...rest } = parsed.data;
  return {
    ok: true,
    mail: {
      ...rest,
      raw: Buffer.from(rawBase64, 'base64'),
      receivedAt: new Date(receivedAt),
      ...(imap ? { imap } : {}),
    },
  };
}

/** The conversation ref of a stored mail: its IMAP mailbox, or the webhooks' one. */
export function mailConversation(mail: Pick<StoredMail, 'imap'>): string {
  return mail.imap ? `email:imap:${mail.imap.mailbox}` : 'email:inbound';
}
