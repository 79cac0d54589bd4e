import type { Attachment } from '../core/customer-message.ts';

/** A mailbox as it appeared in a header or a forward block. `email` is lower-cased; `name` may be ''. */
export interface Mailbox {
  name: string;
  email: string;
}

/** One forward found in the body: the separator and header block, and who the forwarded mail was from. */
export interface ForwardHop {
  /** Sender named in the forward block (the author of the mail that was forwarded). */
  from: Mailbox;
  /** The date as the forwarding client wrote it (localised, e.g. `ti 3.6.2025 klo 10.15`). */
  date: string | null;
  subject: string | null;
}

/**
 * An email reduced to what Verbatim relays: who wrote it (after unwrapping forwards), their new
 * words, and everything else kept aside. Nothing of the decoded body is dropped: `text` and
 * `quotedText` together hold all of `body` except one level of `>` quote markers per forward.
 */
export interface ParsedEmail {
  /** Message-ID without angle brackets: the idempotency key. */
  messageId: string;
  /** True when the mail had no usable Message-ID and `messageId` is a hash of its content. */
  messageIdSynthesised: boolean;
  inReplyTo: string | null;
  /** References, oldest first (the first one is the thread's root). */
  references: string[];
  /** Subject of the mail as received (the forwarder's subject for a forward). */
  subject: string | null;
  /** The Date header as received, null when missing or unparseable. */
  date: Date | null;
  /** The envelope sender (`From`), the forwarder for a forward. */
  from: Mailbox | null;
  /** Who wrote `text`: the innermost customer of a forward chain, else `from`. */
  originalSender: Mailbox | null;
  /** Subject of the original message (differs from `subject` for forwards). */
  originalSubject: string | null;
  /** The original message's date as written in the forward block, verbatim. */
  originalDate: string | null;
  /** The original message's date when the forward block states it unambiguously (with a zone). */
  originalSentAt: Date | null;
  /** Our own staff member who forwarded the mail in, when `from` is in our own domains. */
  forwardedBy: Mailbox | null;
  /** Forwards unwrapped, outermost first. Empty for a mail that is not a forward. */
  forwards: ForwardHop[];
  /** The author's new words, verbatim (blank lines at the ends removed). */
  text: string;
  /** Everything else of the body, in order: forward notes and headers, quoted chains, signatures. */
  quotedText: string | null;
  /** Attachments listed, never relayed. */
  attachments: Attachment[];
  /** ISO 639-1 language hint, or null when the text is too short to tell. */
  language: string | null;
  /** The decoded plain-text body the split was made from (HTML converted when there was no text part). */
  body: string;
  bodySource: 'text' | 'html' | 'none';
}

export type ParseEmailResult =
  | { ok: true; email: ParsedEmail; warnings: string[] }
  | { ok: false; reason: string; partial?: Partial<ParsedEmail> };
