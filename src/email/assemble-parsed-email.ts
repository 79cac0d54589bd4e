import type { Attachment } from '../core/customer-message.ts';
import type { Attribution } from './attribute-forward-chain.ts';
import { detectLanguage } from './detect-language.ts';
import { listMessageIds, normalizeMessageId, synthesizeMessageId } from './normalize-message-id.ts';
import type { Mailbox, ParsedEmail, ParseEmailResult } from './parsed-email.ts';

/** What any source (raw MIME, a provider's JSON) tells about a mail, before attribution. */
export interface MailFields {
  from: Mailbox | null;
  subject: string | null;
  date: Date | null;
  /** Raw header values; ids are normalised here. */
  messageId: string | null;
  inReplyTo: string | string[] | null;
  references: string | string[] | null;
  /** Raw `To` and `Date` header values, only used to synthesise an id for mail without one. */
  to: string | null;
  dateHeader: string | null;
  contentLanguage: string | null;
  body: string;
  bodySource: ParsedEmail['bodySource'];
  attachments: Attachment[];
}

/** Builds the ParsedEmail of a mail whose authorship has been decided, or says why it cannot. */
export function assembleParsedEmail(
  fields: MailFields,
  attribution: Attribution,
  warnings: string[],
): ParseEmailResult {
  const partial: Partial<ParsedEmail> = {
    subject: fields.subject,
    date: fields.date,
    from: fields.from,
    body: fields.body,
    bodySource: fields.bodySource,
  };
  if (attribution.author === null) {
    return {
      ok: false,
      reason: 'no sender: the message has no From address and no forwarded sender',
      partial,
    };
  }
  const messageId = normalizeMessageId(fields.messageId);
  const hop = attribution.hop;
  const email: ParsedEmail = {
    messageId:
      messageId ??
      synthesizeMessageId([fields.from?.email, fields.to, fields.dateHeader, fields.subject, fields.body]),
    messageIdSynthesised: messageId === null,
    inReplyTo: listMessageIds(fields.inReplyTo)[0] ?? null,
    references: listMessageIds(fields.references),
    subject: fields.subject,
    date: fields.date,
    from: fields.from,
    originalSender: attribution.author,
    originalSubject: hop ? (hop.subject ?? fields.subject) : fields.subject,
    originalDate: hop?.date ?? null,
    originalSentAt: hop ? parseZonedDate(hop.date) : fields.date,
    forwardedBy: attribution.forwardedBy,
    forwards: attribution.hops,
    text: attribution.text,
    quotedText: attribution.quotedText,
    attachments: fields.attachments,
    language: detectLanguage(attribution.text, fields.contentLanguage),
    body: fields.body,
    bodySource: fields.bodySource,
  };
  const notes = [...warnings];
  if (fields.bodySource === 'none' || fields.body.trim() === '') notes.push('the message has no text');
  if (fields.body.includes('\uFFFD')) {
    notes.push('undecodable bytes were replaced with U+FFFD (broken or unknown charset)');
  }
  if (email.messageIdSynthesised) notes.push('no Message-ID: a content hash is used as the id');
  return { ok: true, email, warnings: notes };
}

/** A forward block's date, only when it names its zone: a local time without one is ambiguous. */
function parseZonedDate(value: string | null): Date | null {
  if (value === null || !/(?:[+-]\d{2}:?\d{2}\b|\bGMT\b|\bUTC\b|\dZ$)/.test(value)) return null;
  const date = new Date(value.replace(/\s+at\s+/i, ' '));
  return Number.isNaN(date.getTime()) ? null : date;
}
