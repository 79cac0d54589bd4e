import type { Logger } from 'pino';
import type { Account } from '../core/directory.ts';
import type { InboxHandler } from '../core/inbox.ts';
import type { DeadLetterSink, IngestMessage } from '../core/ports.ts';
import { readStoredMail } from './stored-mail.ts';
import { storedMailMessage } from './stored-mail-message.ts';

export interface EmailProcessorDeps {
  ingest: IngestMessage;
  deadLetters: DeadLetterSink;
  accounts: readonly Account[];
  ownDomains: readonly string[];
  /** Largest mail read (bytes, EMAIL_MAX_BYTES). */
  maxBytes: number;
  logger: Logger;
}

/**
 * The processor of `email` inbox entries (registered with `inbox.process('email', …)`): reads the
 * stored bytes and ingests the customer message. A mail that cannot be read is kept as an
 * `email:webhook` / `email:imap` dead letter, raw bytes included, and the entry is done: reading it
 * again would give the same answer, and `verbatim dead-letters retry` reads the letter again once
 * the parser can. A failure to ingest or to keep the letter (the database) throws, so the inbox
 * retries the entry and finally keeps it as an `inbox:email` dead letter.
 * A crash after keeping the letter and before the entry is marked done keeps a second copy of the
 * letter on the retry: a mail is kept twice at worst, never lost.
 */
export function createEmailProcessor(deps: EmailProcessorDeps): InboxHandler {
  return async (entry) => {
    const stored = readStoredMail(entry.payload);
    if (!stored.ok) throw new Error(stored.reason);
    const { mail } = stored;
    const log = deps.logger.child({ route: `email:${mail.route}`, inboxId: entry.id });
    const parsed = await storedMailMessage(mail, deps);
    if (!parsed.ok) {
      const deadLetterId = await deps.deadLetters.keep({
        source: mail.imap ? 'email:imap' : 'email:webhook',
        reason: parsed.reason,
        raw: new Uint8Array(mail.raw),
        contentType: mail.contentType,
        meta: mail.imap ? { ...mail.imap, inboxId: entry.id } : { route: mail.route, inboxId: entry.id },
      });
      log.warn({ deadLetterId, reason: parsed.reason }, 'email kept as a dead letter');
      return;
    }
    const { message } = parsed;
    const outcome = await deps.ingest(message);
    log.info({ messageId: message.id, status: outcome.status, warnings: parsed.warnings }, 'email ingested');
  };
}
