import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { Account } from '../core/directory.ts';
import { isOwnDomain, resolveAccount } from '../core/resolve-account.ts';
import type { Mailbox, ParsedEmail } from './parsed-email.ts';

export interface ToCustomerMessageOptions {
  accounts: readonly Account[];
  ownDomains: readonly string[];
  /** The mailbox the mail arrived in, e.g. `email:inbound` or `email:imap:support`. */
  conversation: string;
  /** When the mail reached us: the sent time of a mail without a usable date. */
  receivedAt?: Date;
}

/**
 * A parsed email as a customer message. The author is the original sender (the customer, not the
 * colleague who forwarded it), and so is the account: matched on the original sender's domain,
 * subdomains included; an unknown domain leaves `accountId` null (the unmapped flow).
 *
 * Threading: every mail of a conversation carries the root Message-ID as its thread, taken from
 * `References` (its first entry is the root) or else `In-Reply-To`; a mail that starts a
 * conversation is its own root. So a customer's reply joins the request their first mail opened.
 */
export function toCustomerMessage(
  email: ParsedEmail,
  options: ToCustomerMessageOptions,
): CustomerMessageInput {
  const author = email.originalSender ?? email.from;
  const root = email.references[0] ?? email.inReplyTo ?? email.messageId;
  return {
    id: `email:${email.messageId}`,
    platform: 'email',
    conversation: options.conversation,
    thread: `email:${root}`,
    isReply: email.references.length > 0 || email.inReplyTo !== null,
    accountId: author ? (resolveAccount(options.accounts, { email: author.email })?.id ?? null) : null,
    author: author
      ? {
          id: author.email,
          name: displayName(author),
          email: author.email,
          external: !isOwnDomain(options.ownDomains, author.email),
        }
      : { id: 'unknown', name: 'Unknown sender', external: true },
    text: email.text,
    sentAt: email.originalSentAt ?? email.date ?? options.receivedAt ?? new Date(),
    permalink: null,
    attachments: email.attachments,
    language: email.language,
    subject: email.originalSubject ?? email.subject,
    forwardedBy: email.forwardedBy
      ? { name: displayName(email.forwardedBy), email: email.forwardedBy.email }
      : null,
    quotedText: email.quotedText,
  };
}

function displayName(mailbox: Mailbox): string {
  return mailbox.name.trim() || mailbox.email;
}
