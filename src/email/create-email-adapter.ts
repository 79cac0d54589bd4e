import type { AdapterContext, PlatformAdapter } from '../adapter-contract.ts';
import { createImapCursorStore } from './imap-cursor.ts';
import { createImapMailbox, type ImapMailbox, type ImapMailboxOptions } from './imap-mailbox.ts';
import { createEmailRouter } from './inbound-router.ts';
import { createEmailProcessor } from './process-email-entry.ts';
import { readImapUrl } from './read-imap-url.ts';

/** Timing overrides of the IMAP poller (tests shorten the reconnect backoff). */
export type EmailAdapterOptions = Pick<
  ImapMailboxOptions,
  'reconnectDelayMs' | 'recheckIntervalMs' | 'idleDelayMs'
>;

/**
 * Email as a source (it has no notifier): the inbound webhook routes when any of their secrets is
 * set (EMAIL_WEBHOOK_SECRET, MAILGUN_WEBHOOK_SIGNING_KEY, EMAIL_BASIC_AUTH), and the shared
 * mailbox poller when IMAP_URL is set. Null when neither is configured. Both only store each mail
 * raw in the durable inbox; the `email` processor registered here parses and ingests it.
 */
export async function createEmailAdapter(
  context: AdapterContext,
  options: EmailAdapterOptions = {},
): Promise<PlatformAdapter | null> {
  const { env } = context.config;
  const webhooks = Boolean(
    env.EMAIL_WEBHOOK_SECRET || env.MAILGUN_WEBHOOK_SIGNING_KEY || env.EMAIL_BASIC_AUTH,
  );
  if (!webhooks && !env.IMAP_URL) return null;
  const { deadLetters } = context;
  const logger = context.logger.child({ adapter: 'email' });
  const { accounts, ownDomains } = context.directory;
  context.inbox.process(
    'email',
    createEmailProcessor({
      ingest: context.ingest,
      deadLetters,
      accounts,
      ownDomains,
      maxBytes: env.EMAIL_MAX_BYTES,
      logger,
    }),
  );

  if (webhooks) {
    context.http.use(
      createEmailRouter({
        inbox: context.inbox,
        replayGuard: context.webhookNonces,
        secrets: {
          inbound: env.EMAIL_WEBHOOK_SECRET,
          mailgunKey: env.MAILGUN_WEBHOOK_SIGNING_KEY,
          basicAuth: env.EMAIL_BASIC_AUTH,
        },
        maxBytes: env.EMAIL_MAX_BYTES,
        logger,
        now: () => context.clock.now(),
      }),
    );
  }

  let mailbox: ImapMailbox | null = null;
  if (env.IMAP_URL) {
    const read = readImapUrl(env.IMAP_URL);
    // The env schema only checks that IMAP_URL is a URL; a wrong one stops the start with the reason.
    if (!read.ok) throw new Error(read.reason);
    const { endpoint } = read;
    mailbox = createImapMailbox({
      endpoint,
      mailbox: env.IMAP_MAILBOX,
      inbox: context.inbox,
      deadLetters,
      cursor: createImapCursorStore(
        context.cache,
        `email:imap:cursor:${endpoint.describe}/${env.IMAP_MAILBOX}`,
      ),
      maxBytes: env.EMAIL_MAX_BYTES,
      logger,
      now: () => context.clock.now(),
      ...options,
    });
  }

  return {
    name: 'email',
    async start() {
      mailbox?.start();
    },
    async stop() {
      await mailbox?.stop();
    },
  };
}
