import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Keyv from 'keyv';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../src/core/customer-message.ts';
import type { Account } from '../../src/core/directory.ts';
import type { Inbox, InboxEntry } from '../../src/core/inbox.ts';
import type { DeadLetter, IngestOutcome } from '../../src/core/ports.ts';
import { createImapCursorStore, type ImapCursorStore } from '../../src/email/imap-cursor.ts';
import { createImapMailbox, type ImapMailbox } from '../../src/email/imap-mailbox.ts';
import { createEmailProcessor } from '../../src/email/process-email-entry.ts';
import { readImapUrl } from '../../src/email/read-imap-url.ts';
import { createInboxWorker, type InboxWorker } from '../../src/jobs/inbox-worker.ts';
import { createDeadLetterStore } from '../../src/storage/dead-letter-store.ts';
import { createInboxStore } from '../../src/storage/inbox-store.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { type DovecotServer, RUN_DOVECOT_TESTS, startDovecot } from '../support/dovecot.ts';
import { openTestStorage } from '../support/test-storage.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const accounts: Account[] = [
  {
    id: 'acme',
    name: 'Acme Logistics',
    domains: ['acme-logistics.example'],
    channels: [],
    tier: 'enterprise',
    routing: {},
  },
];

if (!RUN_DOVECOT_TESTS) {
  console.warn(
    'SKIPPED: the IMAP mailbox tests need Dovecot (`apt-get install -y dovecot-imapd`); no dovecot binary found.',
  );
}

/** A plain customer mail with its own Message-ID. */
function customerMail(id: string, text: string): string {
  return [
    'From: Mark Ellison <mark.ellison@acme-logistics.example>',
    'To: support@verbatim-demo.example',
    `Subject: Case ${id}`,
    'Date: Tue, 03 Jun 2025 10:00:00 +0300',
    `Message-ID: <${id}@acme-logistics.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
}

/**
 * Port fakes for what lies past the inbox: an ingest that answers like the pipeline (idempotent by
 * id) and a dead-letter sink. `inboxDown` makes the inbox refuse writes, as a database that is
 * down does.
 */
function createSinks() {
  const ingested: CustomerMessageInput[] = [];
  const outcomes: IngestOutcome[] = [];
  const deadLetters: DeadLetter[] = [];
  const state = { inboxDown: false, ingestCalls: 0 };
  return {
    ingested,
    outcomes,
    deadLetters,
    state,
    ingest: async (message: CustomerMessageInput): Promise<IngestOutcome> => {
      state.ingestCalls += 1;
      const outcome: IngestOutcome = ingested.some((seen) => seen.id === message.id)
        ? { status: 'duplicate', messageId: message.id }
        : { status: 'accepted', messageId: message.id, requestId: `r-${ingested.length + 1}` };
      ingested.push(message);
      outcomes.push(outcome);
      return outcome;
    },
    keep: async (letter: DeadLetter) => {
      deadLetters.push(letter);
      return `dl-${deadLetters.length}`;
    },
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!RUN_DOVECOT_TESTS)('IMAP mailbox against a real Dovecot server', () => {
  let dovecot: DovecotServer;
  let storage: Storage;
  const running: ImapMailbox[] = [];
  const workers: InboxWorker[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    storage = await openTestStorage('pglite');
  });
  afterAll(async () => {
    await dovecot?.close();
    await storage?.close();
  });
  afterEach(async () => {
    for (const mailbox of running.splice(0)) await mailbox.stop();
    for (const worker of workers.splice(0)) await worker.stop();
    await storage.db.query('DELETE FROM inbox');
    if (!dovecot.running()) await dovecot.start();
  });

  /**
   * The real durable inbox (PGlite) processed by the real worker and email processor into the
   * sinks; `observe` runs before each append (to look at the server at that moment).
   */
  function inboxFor(
    sinks: ReturnType<typeof createSinks>,
    observe: (entry: InboxEntry) => Promise<void> = async () => {},
  ): Inbox {
    const store = createInboxStore(storage.db);
    const worker = createInboxWorker({
      store,
      deadLetters: createDeadLetterStore(storage.db),
      logger: pino({ level: 'silent' }),
      pollMs: 20,
      retryDelaySeconds: 0.1,
    });
    worker.process(
      'email',
      createEmailProcessor({
        ingest: sinks.ingest,
        deadLetters: { keep: sinks.keep },
        accounts,
        ownDomains: ['verbatim-demo.example'],
        maxBytes: 64 * 1024,
        logger: pino({ level: 'silent' }),
      }),
    );
    worker.start();
    workers.push(worker);
    return {
      async append(entry) {
        await observe(entry);
        if (sinks.state.inboxDown) throw new Error('database unavailable');
        const outcome = await store.append(entry);
        worker.wake();
        return outcome;
      },
      process: () => {},
      isPending: (source, platformId) => store.isPending(source, platformId),
    };
  }

  function open(
    mailboxName: string,
    sinks: ReturnType<typeof createSinks>,
    cursor: ImapCursorStore,
    timing: { recheckIntervalMs?: number; inbox?: Inbox } = {},
  ) {
    const read = readImapUrl(dovecot.url);
    if (!read.ok) throw new Error(read.reason);
    const mailbox = createImapMailbox({
      endpoint: read.endpoint,
      mailbox: mailboxName,
      inbox: timing.inbox ?? inboxFor(sinks),
      deadLetters: { keep: sinks.keep },
      cursor,
      maxBytes: 64 * 1024,
      logger: pino({ level: 'silent' }),
      reconnectDelayMs: { initial: 100, max: 500 },
      recheckIntervalMs: timing.recheckIntervalMs ?? 2_000,
      idleDelayMs: 200,
    });
    running.push(mailbox);
    mailbox.start();
    return mailbox;
  }

  it('ingests new mail once, crediting the original customer, and flags it \\Seen', async () => {
    const sinks = createSinks();
    const cursor = createImapCursorStore(new Keyv(), 'cursor');
    await dovecot.deliver(fixture('gmail-forward-en.eml'), { mailbox: 'Fresh' });
    // No periodic recheck within the test: only IDLE can bring news of the second mail.
    const mailbox = open('Fresh', sinks, cursor, { recheckIntervalMs: 600_000 });
    await until(() => sinks.ingested.length === 1, 'the first mail');
    expect(sinks.ingested[0]).toMatchObject({
      platform: 'email',
      conversation: 'email:imap:Fresh',
      author: { email: expect.not.stringContaining('verbatim-demo.example'), external: true },
      forwardedBy: { email: expect.stringContaining('@verbatim-demo.example') },
    });
    // Mail that arrives while connected is heard through IDLE, and read once.
    await until(() => mailbox.stats().passes >= 1, 'the first pass');
    const uid = await dovecot.deliver(customerMail('idle-1', 'The export is broken again.'), {
      mailbox: 'Fresh',
    });
    await until(() => sinks.ingested.length === 2, 'the mail delivered while idle', 10_000);
    expect(sinks.ingested[1]).toMatchObject({ id: 'email:idle-1@acme-logistics.example', accountId: 'acme' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sinks.ingested).toHaveLength(2);
    const flags = await dovecot.flags('Fresh');
    expect(flags.get(uid)?.has('\\Seen')).toBe(true);
    expect([...flags.values()].every((set) => set.has('\\Seen'))).toBe(true);
    expect(await cursor.get()).toMatchObject({ lastUid: uid });
  });

  it('leaves seen mail as history on first start, then resumes after a restart without reading anything twice', async () => {
    const sinks = createSinks();
    const cursor = createImapCursorStore(new Keyv(), 'cursor');
    await dovecot.deliver(customerMail('old-1', 'Read long ago.'), { mailbox: 'Restart', flags: ['\\Seen'] });
    await dovecot.deliver(customerMail('new-1', 'First unseen.'), { mailbox: 'Restart' });
    const first = open('Restart', sinks, cursor);
    await until(() => sinks.ingested.length === 1 && first.stats().passes >= 1, 'the unseen mail');
    await first.stop();
    expect(sinks.ingested.map((message) => message.id)).toEqual(['email:new-1@acme-logistics.example']);

    // While Verbatim is down: a colleague opens a new mail in the shared mailbox before Verbatim
    // sees it, another arrives unread, and someone marks an already processed mail unread again.
    const opened = await dovecot.deliver(customerMail('while-down-seen', 'Opened by a colleague.'), {
      mailbox: 'Restart',
      flags: ['\\Seen'],
    });
    await dovecot.deliver(customerMail('while-down', 'Arrived while down.'), { mailbox: 'Restart' });
    const imap = await dovecot.client();
    await imap.mailboxOpen('Restart');
    await imap.messageFlagsRemove('1:2', ['\\Seen'], { uid: true });
    await imap.logout();

    const second = open('Restart', sinks, cursor);
    await until(
      () => sinks.ingested.length === 3 && second.stats().passes >= 1,
      'the mail that came while down',
    );
    await until(() => second.stats().passes >= 2, 'a second pass');
    expect(sinks.ingested.map((message) => message.id)).toEqual([
      'email:new-1@acme-logistics.example',
      'email:while-down-seen@acme-logistics.example',
      'email:while-down@acme-logistics.example',
    ]);
    expect(sinks.outcomes.every((outcome) => outcome.status === 'accepted')).toBe(true);
    expect(await cursor.get()).toMatchObject({ lastUid: opened + 1 });
  });

  it('keeps a malformed mail as a dead letter with its raw bytes and flags it so it is not retried', async () => {
    const sinks = createSinks();
    const cursor = createImapCursorStore(new Keyv(), 'cursor');
    const raw = fixture('missing-from.eml');
    const uid = await dovecot.deliver(raw, { mailbox: 'Broken' });
    const mailbox = open('Broken', sinks, cursor);
    await until(() => sinks.deadLetters.length === 1, 'the dead letter');
    await until(() => mailbox.stats().passes >= 2, 'a later pass');
    expect(sinks.deadLetters).toHaveLength(1);
    expect(sinks.ingested).toHaveLength(0);
    const letter = sinks.deadLetters[0]!;
    expect(letter).toMatchObject({
      source: 'email:imap',
      contentType: 'message/rfc822',
      meta: { mailbox: 'Broken', uid },
    });
    expect(letter.reason).toMatch(/sender|from/i);
    expect(Buffer.from(letter.raw).toString('utf8').replace(/\r\n/g, '\n')).toBe(
      raw.toString('utf8').replace(/\r\n/g, '\n'),
    );
    expect((await dovecot.flags('Broken')).get(uid)?.has('\\Seen')).toBe(true);
  });

  it('keeps only the header of a mail over the size limit and leaves the mail in the mailbox', async () => {
    const sinks = createSinks();
    const big = customerMail('too-big', 'x'.repeat(100 * 1024));
    const uid = await dovecot.deliver(big, { mailbox: 'Big' });
    open('Big', sinks, createImapCursorStore(new Keyv(), 'cursor'));
    await until(() => sinks.deadLetters.length === 1, 'the dead letter');
    const letter = sinks.deadLetters[0]!;
    expect(letter.reason).toMatch(/over the limit of 65536 bytes/);
    expect(letter.contentType).toBe('text/rfc822-headers');
    expect(Buffer.from(letter.raw).toString('utf8')).toContain(
      'Message-ID: <too-big@acme-logistics.example>',
    );
    expect(letter.raw.length).toBeLessThan(1024);
    expect((await dovecot.flags('Big')).has(uid)).toBe(true);
  });

  it('reconnects when the server goes away and comes back, and reads what arrived meanwhile', async () => {
    const sinks = createSinks();
    await dovecot.deliver(customerMail('before-drop', 'Before the drop.'), { mailbox: 'Drop' });
    const mailbox = open('Drop', sinks, createImapCursorStore(new Keyv(), 'cursor'));
    await until(() => sinks.ingested.length === 1, 'the first mail');
    expect(mailbox.stats().connections).toBe(1);

    await dovecot.stop();
    await until(() => !mailbox.stats().connected, 'the disconnect');
    // A few attempts fail while the server is down; none of them is fatal.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await dovecot.start();
    await dovecot.deliver(customerMail('after-drop', 'After the drop.'), { mailbox: 'Drop' });
    await until(() => sinks.ingested.length === 2, 'the mail delivered after the restart');
    expect(mailbox.stats().connections).toBeGreaterThanOrEqual(2);
    expect(sinks.ingested.map((message) => message.id)).toEqual([
      'email:before-drop@acme-logistics.example',
      'email:after-drop@acme-logistics.example',
    ]);
  });

  it('stores each mail in the inbox before flagging it \\Seen, and processes it from there', async () => {
    const sinks = createSinks();
    const seenWhenStored: Array<boolean | undefined> = [];
    const uid = await dovecot.deliver(customerMail('stored-first', 'Stored before it is flagged.'), {
      mailbox: 'Order',
    });
    const inbox = inboxFor(sinks, async () => {
      seenWhenStored.push((await dovecot.flags('Order')).get(uid)?.has('\\Seen'));
    });
    const mailbox = open('Order', sinks, createImapCursorStore(new Keyv(), 'cursor'), { inbox });
    await until(() => sinks.ingested.length === 1, 'the mail');
    expect(seenWhenStored).toEqual([false]);
    expect(mailbox.stats().stored).toBe(1);
    expect((await dovecot.flags('Order')).get(uid)?.has('\\Seen')).toBe(true);
    const rows = await storage.db.query<{ platform_id: string; payload: { route: string; imap: unknown } }>(
      `SELECT platform_id, payload FROM inbox WHERE source = 'email'`,
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({
      platform_id: 'msgid:stored-first@acme-logistics.example from:mark.ellison@acme-logistics.example',
      payload: { route: 'imap', imap: { mailbox: 'Order', uid } },
    });
  });

  it('stores a mail fetched again (a crash before it was flagged) only once', async () => {
    const sinks = createSinks();
    const uid = await dovecot.deliver(customerMail('fetched-twice', 'Read, then read again.'), {
      mailbox: 'Again',
    });
    const first = open('Again', sinks, createImapCursorStore(new Keyv(), 'cursor'));
    await until(() => sinks.ingested.length === 1, 'the mail');
    await first.stop();
    // As if the process died after storing the mail and before flagging it or moving its cursor.
    const imap = await dovecot.client();
    await imap.mailboxOpen('Again');
    await imap.messageFlagsRemove(String(uid), ['\\Seen'], { uid: true });
    await imap.logout();
    const second = open('Again', sinks, createImapCursorStore(new Keyv(), 'cursor'));
    await until(() => second.stats().passes >= 1, 'the second read');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.stats().stored).toBe(0);
    expect(sinks.state.ingestCalls).toBe(1);
    expect((await dovecot.flags('Again')).get(uid)?.has('\\Seen')).toBe(true);
  });

  it('leaves a mail unread and reads it again on a new connection when the inbox cannot be written', async () => {
    const sinks = createSinks();
    sinks.state.inboxDown = true;
    const uid = await dovecot.deliver(customerMail('db-down', 'Arrived while the database was down.'), {
      mailbox: 'Retry',
    });
    const mailbox = open('Retry', sinks, createImapCursorStore(new Keyv(), 'cursor'));
    await until(() => mailbox.stats().connections >= 2, 'a reconnect after the failed pass');
    expect((await dovecot.flags('Retry')).get(uid)?.has('\\Seen')).toBe(false);
    sinks.state.inboxDown = false;
    await until(() => sinks.ingested.length === 1, 'the mail once the database is back');
    expect(sinks.ingested[0]?.id).toBe('email:db-down@acme-logistics.example');
  });
});
