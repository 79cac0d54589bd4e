import { parseEmail } from './parse-email.ts';
import type { ParseEmailResult } from './parsed-email.ts';
import { mailgunRawMime, postmarkToParsedEmail, sendgridRawMime } from './provider-payloads.ts';
import { readFormFields } from './read-form-fields.ts';

/** Bytes kept of a mail: what a route stored in the inbox, or what a dead letter holds. */
export interface MailBytes {
  raw: Uint8Array;
  /** `message/rfc822` (the default), `application/json` (Postmark), a form's content type, or `text/rfc822-headers`. */
  contentType?: string | undefined;
  /** The route it came by (`mailgun`, `sendgrid`, …): says which form field holds the message. */
  route?: unknown;
  /** Where an IMAP mail is (`uid`, `mailbox`), named when only its header was kept. */
  where?: { uid?: unknown; mailbox?: unknown };
}

/**
 * Reads kept mail bytes the way their route reads them: a raw message (relay, IMAP, Mailgun's
 * `body-mime`, SendGrid's `email`), Postmark's JSON, or a provider form. Never throws: anything
 * unreadable comes back as `{ ok: false, reason }`.
 */
export async function parseMailBytes(
  bytes: MailBytes,
  options: { ownDomains: readonly string[]; maxBytes?: number },
): Promise<ParseEmailResult> {
  const contentType = (bytes.contentType ?? 'message/rfc822').toLowerCase();
  const raw = Buffer.from(bytes.raw);
  const parseOptions = {
    ownDomains: options.ownDomains,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  };
  if (contentType.startsWith('text/rfc822-headers')) {
    const where =
      typeof bytes.where?.uid === 'number'
        ? ` (UID ${bytes.where.uid} in ${String(bytes.where.mailbox)})`
        : '';
    return { ok: false, reason: `only the header was kept; the whole mail is still in the mailbox${where}` };
  }
  if (contentType.startsWith('application/json')) {
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      return { ok: false, reason: `body is not JSON: ${(error as Error).message}` };
    }
    const parsed = postmarkToParsedEmail(payload, { ownDomains: options.ownDomains });
    if (parsed.ok && options.maxBytes !== undefined && parsed.email.body.length > options.maxBytes) {
      return {
        ok: false,
        reason: `message text of ${parsed.email.body.length} characters is over the limit of ${options.maxBytes} bytes (EMAIL_MAX_BYTES)`,
      };
    }
    return parsed;
  }
  if (
    contentType.startsWith('multipart/form-data') ||
    contentType.startsWith('application/x-www-form-urlencoded')
  ) {
    let fields: Awaited<ReturnType<typeof readFormFields>>;
    try {
      fields = await readFormFields(raw, bytes.contentType ?? '', {
        maxFieldBytes: raw.length,
        fileFields: ['body-mime', 'email'],
      });
    } catch (error) {
      return { ok: false, reason: `unreadable form body: ${(error as Error).message}` };
    }
    const sendgrid = bytes.route === 'sendgrid';
    const mime = sendgrid ? sendgridRawMime(fields) : mailgunRawMime(fields);
    if (mime === null) {
      const [provider, field] = sendgrid ? ['SendGrid', 'email'] : ['Mailgun', 'body-mime'];
      return {
        ok: false,
        reason: `no ${field} field: the ${provider} payload carries no message (see docs/email.md)`,
      };
    }
    return parseEmail(mime, parseOptions);
  }
  return parseEmail(raw, parseOptions);
}
