import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { Inbox } from '../core/inbox.ts';
import type { DeadLetterSink } from '../core/ports.ts';
import type { ImapCursorStore } from './imap-cursor.ts';
import type { ImapEndpoint } from './read-imap-url.ts';
import { storedMailEntry } from './stored-mail.ts';

export interface ImapMailboxOptions {
  endpoint: ImapEndpoint;
  /** Mailbox to read (IMAP_MAILBOX), e.g. `INBOX`. */
  mailbox: string;
  /** Where each mail is stored, raw, before it is flagged on the server; processed from there. */
  inbox: Pick<Inbox, 'append'>;
  /** Keeps the header of a mail too large to read. */
  deadLetters: DeadLetterSink;
  /** Last stored UID and UIDVALIDITY, so a restart resumes where it stopped. */
  cursor: ImapCursorStore;
  /** Largest mail read (bytes, EMAIL_MAX_BYTES); a larger one is left in the mailbox and reported. */
  maxBytes: number;
  logger: Logger;
  now?: () => Date;
  /** Delay before reconnecting (ms): `initial`, doubling per failed attempt up to `max`. */
  reconnectDelayMs?: { initial: number; max: number };
  /** The mailbox is searched again this often (ms) even when IDLE brought no news. */
  recheckIntervalMs?: number;
  /** Inactivity (ms) after which the connection enters IDLE to hear about new mail at once. */
  idleDelayMs?: number;
}

/** What the poller has done since it started (for tests, logs and `doctor`). */
export interface ImapMailboxStats {
  connections: number;
  passes: number;
  /** Mails written to the inbox (a mail already there is not counted). */
  stored: number;
  deadLettered: number;
  connected: boolean;
  lastError: string | null;
}

export interface ImapMailbox {
  /** Starts reading in the background; a server that is down is retried, never fatal. */
  start(): void;
  /** Finishes the message in hand, logs out and stops reconnecting. */
  stop(): Promise<void>;
  stats(): ImapMailboxStats;
}

const FLAG_PROCESSED = '\\Seen';

/**
 * Reads a shared mailbox over IMAP: each new mail is written raw to the durable inbox, and only
 * after that commit flagged `\Seen` and passed by the cursor; parsing and ingest run from the
 * inbox (process-email-entry.ts), so a crash anywhere after the fetch loses nothing, and a mail
 * fetched again (a crash before the flag or the cursor moved) is recognised by the inbox's key
 * (mail-platform-id.ts) and not stored twice. New mail is heard at once through IDLE (imapflow
 * enters it when the connection is quiet; servers without IDLE are polled with NOOP), and the
 * mailbox is searched again every `recheckIntervalMs` in any case.
 *
 * Which mail is new: the cursor (last UID processed, per UIDVALIDITY) is the authority, so a mail a
 * colleague opened in the shared mailbox before Verbatim saw it is still read, and a restart reads
 * only what came after the cursor. Without a usable cursor (first start, or the server renumbered
 * the mailbox) the unseen mail is read and older, seen mail is left as history.
 */
export function createImapMailbox(options: ImapMailboxOptions): ImapMailbox {
  const { endpoint, mailbox } = options;
  const log = options.logger.child({ imap: endpoint.describe, mailbox });
  const now = options.now ?? (() => new Date());
  const backoff = options.reconnectDelayMs ?? { initial: 1000, max: 60_000 };
  const recheckMs = options.recheckIntervalMs ?? 60_000;
  const stats: ImapMailboxStats = {
    connections: 0,
    passes: 0,
    stored: 0,
    deadLettered: 0,
    connected: false,
    lastError: null,
  };
  let stopped = false;
  let client: ImapFlow | null = null;
  let passing: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  async function runLoop(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      const opened = await runSession().catch((error: unknown) => {
        stats.lastError = describe(error);
        log.warn({ err: error }, 'imap session failed');
        return false;
      });
      stats.connected = false;
      if (stopped) break;
      failures = opened ? 1 : failures + 1;
      const delay = Math.min(backoff.max, backoff.initial * 2 ** (failures - 1));
      // Jitter (50–100 %) keeps several replicas from reconnecting in step.
      const wait = Math.round(delay * (0.5 + Math.random() / 2));
      log.info({ reconnectInMs: wait, attempt: failures }, 'imap disconnected; reconnecting');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  /** One connection: open the mailbox, read what is new, then follow news until the connection ends. */
  async function runSession(): Promise<boolean> {
    const imap = new ImapFlow({
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.secure,
      auth: { user: endpoint.user, pass: endpoint.password },
      logger: false,
      autoIdleDelay: options.idleDelayMs ?? 1000,
      clientInfo: { name: 'verbatim' },
    });
    // imapflow emits socket errors; without a listener they would crash the process.
    imap.on('error', (error: unknown) => {
      stats.lastError = describe(error);
      log.warn({ err: error }, 'imap connection error');
    });
    const closed = new Promise<void>((resolve) => imap.once('close', () => resolve()));
    client = imap;
    let recheck: NodeJS.Timeout | null = null;
    try {
      await imap.connect();
      stats.connections += 1;
      await imap.mailboxOpen(mailbox);
      stats.connected = true;
      log.info({ idle: imap.capabilities.has('IDLE') }, 'imap mailbox open');
      imap.on('exists', () => requestPass(imap));
      recheck = setInterval(() => requestPass(imap), recheckMs);
      requestPass(imap);
      if (stopped) imap.close();
      await closed;
      return true;
    } catch (error) {
      imap.close();
      throw error;
    } finally {
      if (recheck) clearInterval(recheck);
      await passing;
      client = null;
    }
  }

  /** Reads the mailbox; a request during a pass runs one more pass after it. */
  let again = false;
  function requestPass(imap: ImapFlow): void {
    if (stopped) return;
    if (passing) {
      again = true;
      return;
    }
    passing = (async () => {
      do {
        again = false;
        await readNewMail(imap);
        stats.passes += 1;
      } while (again && !stopped && imap.usable);
    })()
      .catch((error: unknown) => {
        // A failed pass (the database is down, the connection broke) starts over on a new
        // connection after the backoff: nothing was flagged or moved past.
        if (stopped) return;
        stats.lastError = describe(error);
        log.error({ err: error }, 'imap pass failed; reconnecting');
        imap.close();
      })
      .finally(() => {
        passing = null;
      });
  }

  async function readNewMail(imap: ImapFlow): Promise<void> {
    const state = imap.mailbox;
    if (!state) throw new Error('no mailbox is open');
    const uidValidity = String(state.uidValidity);
    const cursor = await options.cursor.get();
    if (cursor && cursor.uidValidity === uidValidity) {
      const found = (await imap.search({ uid: `${cursor.lastUid + 1}:*` }, { uid: true })) || [];
      // `N:*` always names the highest UID, even one below N.
      for (const uid of found.filter((candidate) => candidate > cursor.lastUid).sort((a, b) => a - b)) {
        if (stopped) return;
        await readOne(imap, uid, uidValidity);
        await options.cursor.set({ uidValidity, lastUid: uid });
      }
      return;
    }
    if (cursor) {
      log.warn(
        { storedUidValidity: cursor.uidValidity, uidValidity },
        'the server renumbered the mailbox (UIDVALIDITY changed): reading its unseen mail again',
      );
    }
    // Everything below uidNext existed before the search: what of it is seen is history.
    const history = (state.uidNext ?? 1) - 1;
    const unseen = ((await imap.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b);
    let last = history;
    for (const uid of unseen) {
      if (stopped) return;
      await readOne(imap, uid, uidValidity);
      last = Math.max(last, uid);
    }
    // Set once the unseen mail is done: a cursor set halfway would skip seen mail below it as new.
    await options.cursor.set({ uidValidity, lastUid: last });
  }

  /** Stores one mail in the inbox (or keeps the header of one too large), then flags it as read. */
  async function readOne(imap: ImapFlow, uid: number, uidValidity: string): Promise<void> {
    const range = String(uid);
    const head = await imap.fetchOne(range, { uid: true, size: true, internalDate: true }, { uid: true });
    if (!head) return; // expunged since the search
    const where = { mailbox, uid, uidValidity };
    const size = head.size ?? 0;
    if (size > options.maxBytes) {
      const headers = await imap.fetchOne(range, { headers: true }, { uid: true });
      const deadLetterId = await options.deadLetters.keep({
        source: 'email:imap',
        reason: `message of ${size} bytes is over the limit of ${options.maxBytes} bytes (EMAIL_MAX_BYTES); its header is kept here and the whole mail stays in the mailbox`,
        raw: new Uint8Array((headers ? headers.headers : undefined) ?? Buffer.alloc(0)),
        contentType: 'text/rfc822-headers',
        meta: { ...where, sizeBytes: size },
      });
      stats.deadLettered += 1;
      log.warn({ uid, deadLetterId, sizeBytes: size }, 'imap mail over the size limit kept as a dead letter');
    } else {
      const full = await imap.fetchOne(range, { source: true }, { uid: true });
      if (!full) return;
      const entry = storedMailEntry({
        route: 'imap',
        contentType: 'message/rfc822',
        raw: full.source ?? Buffer.alloc(0),
        receivedAt: head.internalDate instanceof Date ? head.internalDate : now(),
        imap: where,
      });
      // Committed before the flag: a failure here leaves the mail unread for the next pass.
      const { stored } = await options.inbox.append(entry);
      if (stored) stats.stored += 1;
      log.info({ uid, messageId: entry.messageId, stored }, 'imap mail stored in the inbox');
    }
    await imap.messageFlagsAdd(range, [FLAG_PROCESSED], { uid: true });
  }

  return {
    start() {
      if (loop || stopped) return;
      loop = runLoop();
    },
    async stop() {
      stopped = true;
      wake?.();
      await passing;
      const open = client;
      if (open) await open.logout().catch(() => open.close());
      await loop;
    },
    stats: () => ({ ...stats }),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
