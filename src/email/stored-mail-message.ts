import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { Account } from '../core/directory.ts';
import { parseMailBytes } from './parse-mail-bytes.ts';
import { mailConversation, type StoredMail } from './stored-mail.ts';
import { toCustomerMessage } from './to-customer-message.ts';

/**
 * A mail from the durable inbox as the customer message the pipeline ingests: parsed (forwards
 * credited to the original sender), in its route's or mailbox's conversation, received when it
 * reached us. Used by the inbox processor and by a retried `inbox:email` dead letter alike.
 */
export async function storedMailMessage(
  mail: StoredMail,
  options: { accounts: readonly Account[]; ownDomains: readonly string[]; maxBytes?: number },
): Promise<{ ok: true; message: CustomerMessageInput; warnings: number } | { ok: false; reason: string }> {
  const parsed = await parseMailBytes(
    {
      raw: mail.raw,
      contentType: mail.contentType,
      route: mail.route,
      ...(mail.imap ? { where: mail.imap } : {}),
    },
    {
      ownDomains: options.ownDomains,
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    },
  );
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return {
    ok: true,
    message: toCustomerMessage(parsed.email, {
      accounts: options.accounts,
      ownDomains: options.ownDomains,
      conversation: mailConversation(mail),
      receivedAt: mail.receivedAt,
    }),
    warnings: parsed.warnings.length,
  };
}
