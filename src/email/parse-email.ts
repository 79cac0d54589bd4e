import { type Attachment as MimeAttachment, type ParsedMail, simpleParser } from 'mailparser';
import type { Attachment } from '../core/customer-message.ts';
import { isOwnDomain } from '../core/resolve-account.ts';
import { assembleParsedEmail, type MailFields } from './assemble-parsed-email.ts';
import { type Attribution, attributeForwardChain } from './attribute-forward-chain.ts';
import { htmlToPlainText } from './html-to-plain-text.ts';
import type { Mailbox, ParsedEmail, ParseEmailResult } from './parsed-email.ts';

export type { ParsedEmail, ParseEmailResult } from './parsed-email.ts';

export interface ParseEmailOptions {
  /** Our own domains: their senders are staff, whose forwards are unwrapped. */
  ownDomains: readonly string[];
  /** Larger input is refused before parsing (bytes). */
  maxBytes?: number;
}

/** An attached mail (Outlook's "forward as attachment") is unwrapped at most this deep. */
const MAX_ATTACHED_DEPTH = 3;

/**
 * Raw RFC 5322 bytes → the customer's words and who wrote them. Never throws: anything that cannot
 * be read comes back as `{ ok: false, reason }`, for the caller to keep as a dead letter. Broken
 * encodings are decoded as far as possible (undecodable bytes become U+FFFD, with a warning).
 */
export async function parseEmail(
  raw: Uint8Array | string,
  options: ParseEmailOptions,
): Promise<ParseEmailResult> {
  try {
    return await parseAt(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : toBuffer(raw), options, 0);
  } catch (error) {
    return { ok: false, reason: `could not parse the message: ${describe(error)}` };
  }
}

async function parseAt(bytes: Buffer, options: ParseEmailOptions, depth: number): Promise<ParseEmailResult> {
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
    return {
      ok: false,
      reason: `message is ${bytes.length} bytes, over the limit of ${options.maxBytes} bytes`,
    };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty input: no message' };
  let mail: ParsedMail;
  try {
    mail = await simpleParser(bytes, {
      skipHtmlToText: true,
      skipImageLinks: true,
      skipTextToHtml: true,
      keepCidLinks: true,
      checksumAlgo: false,
    });
  } catch (error) {
    return { ok: false, reason: `malformed MIME: ${describe(error)}` };
  }
  if (mail.headerLines.every((line) => line.key === '')) {
    return { ok: false, reason: 'no header fields: this is not an RFC 5322 message' };
  }
  const warnings: string[] = [];
  const from = firstMailbox(mail);
  const subject = mail.subject ?? null;
  const { body, bodySource } = readBody(mail);
  const listed = listAttachments(mail.attachments);
  const fields: MailFields = {
    from,
    subject,
    date: readDate(mail, warnings),
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: mail.references ?? null,
    to: headerValue(mail, 'to'),
    dateHeader: headerValue(mail, 'date'),
    contentLanguage: headerValue(mail, 'content-language'),
    body,
    bodySource,
    attachments: listed.attachments,
  };
  let attribution = attributeForwardChain({
    envelopeFrom: from,
    body,
    subject,
    ownDomains: options.ownDomains,
  });
  if (
    attribution.hops.length === 0 &&
    depth < MAX_ATTACHED_DEPTH &&
    from !== null &&
    isOwnDomain(options.ownDomains, from.email)
  ) {
    const attached = await unwrapAttachedMail(listed.attachedMail, attribution, from, options, depth);
    if (attached !== null) {
      attribution = attached.attribution;
      fields.body = `${fields.body}\n\n${attached.body}`;
      fields.attachments = [...fields.attachments, ...attached.attachments];
      warnings.push(...attached.warnings);
    }
  }
  return assembleParsedEmail(fields, attribution, warnings);
}

/**
 * Outlook's "forward as attachment": a staff member's mail whose only attached mail is the
 * customer's. The attached mail is parsed and credited; the staff member's note is kept as quoted,
 * and the attached mail's body is appended to `body` so that `body` still holds every word.
 */
async function unwrapAttachedMail(
  attachedMail: MimeAttachment[],
  outer: Attribution,
  from: Mailbox,
  options: ParseEmailOptions,
  depth: number,
): Promise<{ attribution: Attribution; attachments: Attachment[]; warnings: string[]; body: string } | null> {
  if (attachedMail.length !== 1) return null;
  const inner = await parseAt(attachedMail[0]!.content, { ownDomains: options.ownDomains }, depth + 1);
  if (!inner.ok) return null;
  const author = inner.email.originalSender;
  if (author === null || isOwnDomain(options.ownDomains, author.email)) return null;
  const hop = {
    from: inner.email.from ?? author,
    date: inner.email.date?.toISOString() ?? null,
    subject: inner.email.subject,
  };
  const quoted = [outer.text, outer.quotedText, inner.email.quotedText].filter(
    (piece): piece is string => piece !== null && piece !== '',
  );
  return {
    attribution: {
      author,
      forwardedBy: from,
      hop: inner.email.forwards.at(-1) ?? hop,
      hops: [hop, ...inner.email.forwards],
      text: inner.email.text,
      quotedText: quoted.length > 0 ? quoted.join('\n\n') : null,
    },
    attachments: inner.email.attachments,
    warnings: inner.warnings,
    body: inner.email.body,
  };
}

/** text/plain when the mail has words in it, else its HTML made safe; line ends normalised to `\n`. */
function readBody(mail: ParsedMail): { body: string; bodySource: ParsedEmail['bodySource'] } {
  const text = mail.text ?? '';
  if (text.trim() !== '') return { body: normalizeLineEnds(text), bodySource: 'text' };
  if (typeof mail.html === 'string' && mail.html.trim() !== '') {
    return { body: normalizeLineEnds(htmlToPlainText(mail.html)), bodySource: 'html' };
  }
  return { body: normalizeLineEnds(text), bodySource: text === '' ? 'none' : 'text' };
}

function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function firstMailbox(mail: ParsedMail): Mailbox | null {
  const queue = [...(mail.from?.value ?? [])];
  while (queue.length > 0) {
    const entry = queue.shift()!;
    if (entry.address && /^[^\s@]+@[^\s@]+$/.test(entry.address)) {
      return { name: entry.name ?? '', email: entry.address.toLowerCase() };
    }
    queue.push(...(entry.group ?? []));
  }
  return null;
}

/** mailparser turns an unreadable Date header into "now"; an unknown date is null instead. */
function readDate(mail: ParsedMail, warnings: string[]): Date | null {
  const value = headerValue(mail, 'date');
  if (value === null) return null;
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) {
    warnings.push(`unreadable Date header: ${value.slice(0, 80)}`);
    return null;
  }
  return date;
}

/** The raw (unfolded) value of the first header with this name, or null. */
function headerValue(mail: ParsedMail, name: string): string | null {
  const line = mail.headerLines.find((header) => header.key === name)?.line;
  if (line === undefined) return null;
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]/g, ' ')
    .trim();
}

/**
 * Attachments as names, types and sizes. Images embedded in the HTML body (signature logos,
 * `cid:` pictures) are part of the body's look, not files the customer attached, so they are left
 * out. Attached mails are returned separately so a forward-as-attachment can be unwrapped.
 */
function listAttachments(parts: MimeAttachment[]): {
  attachments: Attachment[];
  attachedMail: MimeAttachment[];
} {
  const attachments: Attachment[] = [];
  const attachedMail: MimeAttachment[] = [];
  for (const part of parts) {
    if (part.related && part.contentType.startsWith('image/')) continue;
    if (part.contentType === 'message/rfc822') attachedMail.push(part);
    attachments.push({
      name: cleanFileName(part.filename) ?? `unnamed (${part.contentType})`,
      mimeType: part.contentType,
      sizeBytes: part.size,
    });
  }
  return { attachments, attachedMail };
}

function cleanFileName(name: string | undefined): string | null {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned === '' ? null : cleaned.slice(0, 255);
}

function toBuffer(raw: Uint8Array): Buffer {
  return Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
