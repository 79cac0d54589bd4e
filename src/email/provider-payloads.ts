import { createHash } from 'node:crypto';
import { parseAddressHeader } from 'mailparser';
import { z } from 'zod';
import { assembleParsedEmail, type MailFields } from './assemble-parsed-email.ts';
import { attributeForwardChain } from './attribute-forward-chain.ts';
import { htmlToPlainText } from './html-to-plain-text.ts';
import type { Mailbox, ParseEmailResult } from './parsed-email.ts';
import type { FormFields } from './read-form-fields.ts';

/**
 * Mailgun route `forward()` to a URL ending in `mime` posts the raw message in `body-mime`. A route
 * pointed at a URL without it posts parsed fields instead; from those a best-effort message is
 * rebuilt (headers, text and HTML; attachments are then lost). Null when neither is there.
 */
export function mailgunRawMime(fields: FormFields): Buffer | null {
  const raw = fields['body-mime'];
  if (raw && raw.length > 0) return raw;
  const plain = fields['body-plain']?.toString('utf8');
  const html = fields['body-html']?.toString('utf8');
  if (plain === undefined && html === undefined) return null;
  let headers: Array<[string, string]> = [];
  try {
    const parsed = JSON.parse(fields['message-headers']?.toString('utf8') ?? '[]') as unknown;
    headers = z.array(z.tuple([z.string(), z.string()])).parse(parsed);
  } catch {
    for (const name of ['From', 'To', 'Subject', 'Date', 'Message-Id', 'In-Reply-To', 'References']) {
      const value = fields[name]?.toString('utf8') ?? fields[name.toLowerCase()]?.toString('utf8');
      if (value !== undefined) headers.push([name, value]);
    }
  }
  return buildMime(headers, plain ?? '', html ?? null);
}

/** Mailgun's signature fields, as strings. */
export function mailgunSignatureFields(fields: FormFields): {
  timestamp: string | undefined;
  token: string | undefined;
  signature: string | undefined;
} {
  return {
    timestamp: fields['timestamp']?.toString('utf8'),
    token: fields['token']?.toString('utf8'),
    signature: fields['signature']?.toString('utf8'),
  };
}

/** SendGrid Inbound Parse with "POST the raw, full MIME message" on: the message is the `email` field. */
export function sendgridRawMime(fields: FormFields): Buffer | null {
  const raw = fields['email'];
  return raw && raw.length > 0 ? raw : null;
}

const PostmarkPayloadSchema = z.looseObject({
  From: z.string().optional(),
  FromName: z.string().optional(),
  FromFull: z.looseObject({ Email: z.string(), Name: z.string().optional() }).optional(),
  To: z.string().optional(),
  Subject: z.string().optional(),
  Date: z.string().optional(),
  MessageID: z.string().optional(),
  TextBody: z.string().optional(),
  HtmlBody: z.string().optional(),
  StrippedTextReply: z.string().optional(),
  Headers: z.array(z.looseObject({ Name: z.string(), Value: z.string() })).optional(),
  Attachments: z
    .array(
      z.looseObject({
        Name: z.string(),
        ContentType: z.string().optional(),
        ContentLength: z.number().int().nonnegative().optional(),
      }),
    )
    .optional(),
});

/**
 * Postmark inbound JSON has no raw MIME; its fields map onto the same ParsedEmail. Postmark's own
 * `StrippedTextReply` is not used: quotes and signatures are split the same way for every source.
 * Postmark's `MessageID` is its own id, not the mail's; it stands in only when the mail had no
 * Message-ID header.
 */
export function postmarkToParsedEmail(
  payload: unknown,
  options: { ownDomains: readonly string[] },
): ParseEmailResult {
  const parsed = PostmarkPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      reason: `not a Postmark inbound payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    };
  }
  const mail = parsed.data;
  const header = (name: string) =>
    mail.Headers?.find((entry) => entry.Name.toLowerCase() === name.toLowerCase())?.Value ?? null;
  const from = postmarkSender(mail.FromFull, mail.From, mail.FromName);
  const text = mail.TextBody ?? '';
  const html = mail.HtmlBody ?? '';
  const body =
    text.trim() !== ''
      ? { body: text.replace(/\r\n?/g, '\n'), bodySource: 'text' as const }
      : html.trim() !== ''
        ? { body: htmlToPlainText(html).replace(/\r\n?/g, '\n'), bodySource: 'html' as const }
        : { body: '', bodySource: 'none' as const };
  const date = mail.Date ? new Date(mail.Date) : null;
  const fields: MailFields = {
    from,
    subject: mail.Subject ?? null,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    messageId: header('Message-ID') ?? (mail.MessageID ? `<${mail.MessageID}@postmark.invalid>` : null),
    inReplyTo: header('In-Reply-To'),
    references: header('References'),
    to: mail.To ?? null,
    dateHeader: mail.Date ?? null,
    contentLanguage: header('Content-Language'),
    ...body,
    attachments: (mail.Attachments ?? []).map((attachment) => ({
      name: attachment.Name,
      ...(attachment.ContentType ? { mimeType: attachment.ContentType } : {}),
      ...(attachment.ContentLength !== undefined ? { sizeBytes: attachment.ContentLength } : {}),
    })),
  };
  const attribution = attributeForwardChain({
    envelopeFrom: from,
    body: fields.body,
    subject: fields.subject,
    ownDomains: options.ownDomains,
  });
  return assembleParsedEmail(fields, attribution, []);
}

function postmarkSender(
  full: { Email: string; Name?: string | undefined } | undefined,
  from: string | undefined,
  fromName: string | undefined,
): Mailbox | null {
  if (full?.Email.includes('@')) return { name: full.Name ?? '', email: full.Email.trim().toLowerCase() };
  const address = from
    ? parseAddressHeader(from, { flatten: true }).value.find((entry) => entry.address)
    : undefined;
  return address?.address
    ? { name: address.name || fromName || '', email: address.address.toLowerCase() }
    : null;
}

/**
 * A message rebuilt from parsed header pairs and bodies: UTF-8, 8bit, one line per header (line
 * breaks inside values are removed so a value cannot add headers of its own).
 */
export function buildMime(headers: Array<[string, string]>, text: string, html: string | null): Buffer {
  const skip = new Set(['content-type', 'content-transfer-encoding', 'mime-version']);
  const lines = headers
    .filter(([name]) => /^[!-9;-~]+$/.test(name) && !skip.has(name.toLowerCase()))
    .map(([name, value]) => `${name}: ${value.replace(/[\r\n]+/g, ' ')}`);
  lines.push('MIME-Version: 1.0');
  if (html === null) {
    lines.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text);
    return Buffer.from(lines.join('\r\n'), 'utf8');
  }
  const boundary = `verbatim-${createHash('sha256').update(text).update(html).digest('hex').slice(0, 24)}`;
  lines.push(
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    `--${boundary}--`,
    '',
  );
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
