import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../src/core/customer-message.ts';
import type { Account } from '../../src/core/directory.ts';
import type { Inbox } from '../../src/core/inbox.ts';
import type { DeadLetter, IngestOutcome } from '../../src/core/ports.ts';
import { createEmailRouter } from '../../src/email/inbound-router.ts';
import { createEmailProcessor } from '../../src/email/process-email-entry.ts';
import { readStoredMail } from '../../src/email/stored-mail.ts';
import { signInbound } from '../../src/email/verify-signature.ts';
import { createInboxWorker, type InboxWorker } from '../../src/jobs/inbox-worker.ts';
import { createDeadLetterStore } from '../../src/storage/dead-letter-store.ts';
import { createInboxStore, type InboxStore } from '../../src/storage/inbox-store.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createWebhookNonceStore } from '../../src/storage/webhook-nonce-store.ts';
import { openTestStorage } from '../support/test-storage.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const NOW = new Date('2025-06-03T10:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const SECRET = 'relay-secret';
const MAILGUN_KEY = 'key-mailgun-signing';
const BASIC = 'parse:s3cret';
const MAX_BYTES = 256 * 1024;
const accounts: Account[] = [
  {
    id: 'acme-logistics',
    name: 'Acme Logistics',
    domains: ['acme-logistics.example'],
    channels: [],
    tier: 'enterprise',
    routing: {},
  },
];

/**
 * Port fakes for what lies past the inbox: an ingest that records and answers like the pipeline
 * (failing the next `ingestFailures` calls), a dead-letter sink that records. The inbox itself is
 * the real one (PGlite), processed by the real worker and the email processor.
 */
const ingested: CustomerMessageInput[] = [];
const deadLetters: DeadLetter[] = [];
let ingestCalls = 0;
let ingestFailures = 0;
const logLines: string[] = [];

let server: Server;
let base: string;
let storage: Storage;
let inboxStore: InboxStore;
let worker: InboxWorker;

const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);

/** The inbox port as compose-verbatim.ts builds it: append commits, then wakes the worker. */
function inboxOver(store: InboxStore, wake: () => void = () => {}): Inbox {
  return {
    async append(entry) {
      const outcome = await store.append(entry);
      wake();
      return outcome;
    },
    process: () => {},
    isPending: (source, platformId) => store.isPending(source, platformId),
  };
}

function routerOver(inbox: Pick<Inbox, 'append'>, db: Storage['db']) {
  return createEmailRouter({
    inbox,
    replayGuard: createWebhookNonceStore(db),
    secrets: { inbound: SECRET, mailgunKey: MAILGUN_KEY, basicAuth: BASIC },
    maxBytes: MAX_BYTES,
    logger,
    now: () => NOW,
  });
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const listening = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
  return { server: listening, url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the inbox has nothing left to process. */
const settled = () => until(async () => (await inboxStore.countPending()) === 0, 'the inbox to settle');

beforeAll(async () => {
  storage = await openTestStorage('pglite');
  inboxStore = createInboxStore(storage.db);
  worker = createInboxWorker({
    store: inboxStore,
    deadLetters: createDeadLetterStore(storage.db),
    logger: pino({ level: 'silent' }),
    pollMs: 20,
    retryDelaySeconds: 0.1,
    maxAttempts: 3,
  });
  worker.process(
    'email',
    createEmailProcessor({
      ingest: async (message): Promise<IngestOutcome> => {
        ingestCalls += 1;
        if (ingestFailures > 0) {
          ingestFailures -= 1;
          throw new Error('database unavailable');
        }
        const duplicate = ingested.some((seen) => seen.id === message.id);
        ingested.push(message);
        return duplicate
          ? { status: 'duplicate', messageId: message.id }
          : { status: 'accepted', messageId: message.id, requestId: `r-${ingested.length}` };
      },
      deadLetters: {
        keep: async (letter) => {
          deadLetters.push(letter);
          return `dl-${deadLetters.length}`;
        },
      },
      accounts,
      ownDomains: ['verbatim-demo.example'],
      maxBytes: MAX_BYTES,
      logger,
    }),
  );
  worker.start();
  const app = express();
  app.use(
    routerOver(
      inboxOver(inboxStore, () => worker.wake()),
      storage.db,
    ),
  );
  ({ server, url: base } = await listen(app));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await worker.stop();
  await storage.close();
});

beforeEach(async () => {
  await settled();
  // Each test signs with the same fixed clock and posts the same fixtures: start every test with
  // no nonce remembered and an empty inbox.
  await storage.db.query('DELETE FROM webhook_nonces');
  await storage.db.query('DELETE FROM inbox');
  ingested.length = 0;
  deadLetters.length = 0;
  logLines.length = 0;
  ingestCalls = 0;
  ingestFailures = 0;
});

/** The email rows of the inbox, their stored bytes decoded. */
async function inboxRows() {
  const result = await storage.db.query<{ platform_id: string; payload: unknown }>(
    `SELECT platform_id, payload FROM inbox WHERE source = 'email' ORDER BY id`,
  );
  return result.rows.map((row) => {
    const read = readStoredMail(row.payload);
    if (!read.ok) throw new Error(read.reason);
    return { platformId: row.platform_id, ...read.mail };
  });
}

function postRelay(body: Buffer, headers: Record<string, string> = signedHeaders(body)): Promise<Response> {
  return fetch(`${base}/email/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', ...headers },
    body: new Uint8Array(body),
  });
}

/** The JSON every email route answers with. */
async function json(
  response: Response,
): Promise<{ status?: string; reason?: string; deadLetterId?: string; messageId?: string }> {
  return (await response.json()) as {
    status?: string;
    reason?: string;
    deadLetterId?: string;
    messageId?: string;
  };
}

function signedHeaders(body: Buffer, timestamp = NOW_SECONDS): Record<string, string> {
  return {
    'x-verbatim-timestamp': String(timestamp),
    'x-verbatim-signature': signInbound(SECRET, body, timestamp),
  };
}

describe('POST /email/inbound', () => {
  it('stores a signed mail in the inbox before answering 202, credits the original sender, and routes a redelivery once', async () => {
    const raw = fixture('gmail-forward-en.eml');
    const first = await postRelay(raw);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({
      status: 'accepted',
      messageId: 'email:CAF1x9-gm-0001@mail.verbatim-demo.example',
    });
    // Committed by the time the sender has its answer: the raw bytes, unparsed, keyed by
    // Message-ID and sender.
    const rows = await inboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      platformId: 'msgid:CAF1x9-gm-0001@mail.verbatim-demo.example from:anna.virtanen@verbatim-demo.example',
      route: 'inbound',
      contentType: 'message/rfc822',
      receivedAt: NOW,
    });
    expect(rows[0]!.raw.equals(raw)).toBe(true);
    await until(() => ingested.length === 1, 'the mail to be processed');
    expect(ingested[0]).toMatchObject({
      author: { email: 'mark.ellison@acme-logistics.example', external: true },
      accountId: 'acme-logistics',
      forwardedBy: { email: 'anna.virtanen@verbatim-demo.example' },
      conversation: 'email:inbound',
    });
    // A relay's retry signs again (a new timestamp): the mail itself is a duplicate, not stored again.
    const second = await postRelay(raw, signedHeaders(raw, NOW_SECONDS - 1));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({
      status: 'duplicate',
      messageId: 'email:CAF1x9-gm-0001@mail.verbatim-demo.example',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settled();
    expect(await inboxRows()).toHaveLength(1);
    expect(ingestCalls).toBe(1);
  });

  it('stores two different mails with the same Message-ID from different senders, each once', async () => {
    const mail = (from: string, text: string) =>
      Buffer.from(
        [
          `From: ${from}`,
          'To: support@verbatim-demo.example',
          'Subject: Hello',
          'Message-ID: <fixed-id@mailer.example>',
          '',
          text,
          '',
        ].join('\r\n'),
      );
    const one = mail('Mark <mark.ellison@acme-logistics.example>', 'First sender.');
    const other = mail('hanna@unknown-startup.example', 'Another sender, same id.');
    expect((await postRelay(one)).status).toBe(202);
    expect((await postRelay(other)).status).toBe(202);
    expect((await postRelay(one, signedHeaders(one, NOW_SECONDS - 1))).status).toBe(200);
    expect((await inboxRows()).map((row) => row.platformId)).toEqual([
      'msgid:fixed-id@mailer.example from:mark.ellison@acme-logistics.example',
      'msgid:fixed-id@mailer.example from:hanna@unknown-startup.example',
    ]);
    await settled();
    expect(ingestCalls).toBe(2);
  });

  it('keys a mail without a Message-ID by the SHA-256 of its bytes', async () => {
    const raw = Buffer.from('From: hanna@unknown-startup.example\r\nSubject: No id\r\n\r\nHello.\r\n');
    const response = await postRelay(raw);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'accepted' });
    expect((await inboxRows())[0]?.platformId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await postRelay(raw, signedHeaders(raw, NOW_SECONDS - 1))).status).toBe(200);
    await settled();
    expect(ingested).toHaveLength(1);
  });

  it('retries processing that fails, and routes the mail once it succeeds', async () => {
    ingestFailures = 1;
    expect((await postRelay(fixture('gmail-forward-en.eml'))).status).toBe(202);
    await until(() => ingested.length === 1, 'the retried mail');
    expect(ingestCalls).toBe(2);
    expect(ingested[0]?.id).toBe('email:CAF1x9-gm-0001@mail.verbatim-demo.example');
    expect(deadLetters).toHaveLength(0);
  });

  it('refuses a replay of a captured signed request with 401 and a reason, inside the window', async () => {
    const raw = fixture('gmail-forward-en.eml');
    const headers = signedHeaders(raw);
    expect((await postRelay(raw, headers)).status).toBe(202);
    const replay = await postRelay(raw, headers);
    expect(replay.status).toBe(401);
    expect((await json(replay)).reason).toMatch(/^replayed: /);
    await settled();
    expect(ingested).toHaveLength(1);
  });

  it('answers 500 when the inbox cannot be written, and lets the sender retry the same signed request', async () => {
    // An inbox on storage that has gone away; the nonces are remembered in the shared database.
    const broken = await openTestStorage('pglite');
    await broken.close();
    const app = express();
    app.use(routerOver(inboxOver(createInboxStore(broken.db)), storage.db));
    const down = await listen(app);
    try {
      const raw = fixture('gmail-forward-en.eml');
      const headers = signedHeaders(raw);
      const failed = await fetch(`${down.url}/email/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822', ...headers },
        body: new Uint8Array(raw),
      });
      expect(failed.status).toBe(500);
      expect(logLines.join('')).toContain('email webhook failed');
      // The failed request did not use up its nonce: the retry is let in, and stored.
      expect((await postRelay(raw, headers)).status).toBe(202);
      await until(() => ingested.length === 1, 'the retried mail');
    } finally {
      await new Promise<void>((resolve) => down.server.close(() => resolve()));
    }
  });

  it.each([
    ['missing headers', {}, /missing x-verbatim-timestamp or x-verbatim-signature/],
    [
      'a wrong signature',
      { 'x-verbatim-timestamp': String(NOW_SECONDS), 'x-verbatim-signature': `v1=${'0'.repeat(64)}` },
      /does not match/,
    ],
    ['a stale timestamp', null, /stale/],
    ['a timestamp from the future', 'future', /in the future/],
  ])('refuses %s with 401 and a reason, storing nothing', async (_case, headers, reason) => {
    const raw = fixture('gmail-forward-en.eml');
    const chosen =
      headers === null
        ? signedHeaders(raw, NOW_SECONDS - 600)
        : headers === 'future'
          ? signedHeaders(raw, NOW_SECONDS + 600)
          : (headers as Record<string, string>);
    const response = await postRelay(raw, chosen);
    expect(response.status).toBe(401);
    expect((await json(response)).reason).toMatch(reason);
    expect(await inboxRows()).toEqual([]);
  });

  it('refuses a mail over the size limit with 413 and a reason', async () => {
    const raw = Buffer.concat([fixture('gmail-forward-en.eml'), Buffer.alloc(MAX_BYTES, 'a')]);
    const response = await postRelay(raw);
    expect(response.status).toBe(413);
    expect((await json(response)).reason).toMatch(/over the limit of 262144 bytes/);
    expect(await inboxRows()).toEqual([]);
  });

  it('stores a mail it cannot read, and keeps it as a dead letter with its raw bytes', async () => {
    const raw = fixture('missing-from.eml');
    const response = await postRelay(raw);
    expect(response.status).toBe(202);
    await until(() => deadLetters.length === 1, 'the dead letter');
    expect(deadLetters[0]!.reason).toBe('no sender: the message has no From address and no forwarded sender');
    expect(Buffer.from(deadLetters[0]!.raw).equals(raw)).toBe(true);
    expect(deadLetters[0]).toMatchObject({
      source: 'email:webhook',
      contentType: 'message/rfc822',
      meta: { route: 'inbound', inboxId: expect.any(String) },
    });
    await settled();
    expect(ingested).toHaveLength(0);
  });

  it('keeps customer words and addresses out of info logs', async () => {
    await postRelay(fixture('gmail-forward-en.eml'));
    await until(() => ingested.length === 1, 'the mail to be processed');
    const info = logLines.filter((line) => JSON.parse(line).level <= 30).join('');
    expect(info).toContain('email stored in the inbox');
    expect(info).toContain('email ingested');
    expect(info).not.toContain('mark.ellison@acme-logistics.example');
    expect(info).not.toContain('anna.virtanen@verbatim-demo.example');
    expect(info).not.toContain('pallet labels');
  });
});

describe('POST /email/mailgun', () => {
  const token = 't'.repeat(50);
  const signature = (timestamp: string) =>
    createHmac('sha256', MAILGUN_KEY)
      .update(timestamp + token)
      .digest('hex');

  function mailgunForm(fields: Record<string, string>): FormData {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  }

  it('authenticates before parsing or storing: an unsigned or unreadable post is refused, nothing kept', async () => {
    const unsigned = await fetch(`${base}/email/mailgun/mime`, {
      method: 'POST',
      body: mailgunForm({ 'body-mime': 'not even a mail' }),
    });
    expect(unsigned.status).toBe(401);
    const garbage = await fetch(`${base}/email/mailgun`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=nope' },
      body: 'this is not a form at all',
    });
    expect(garbage.status).toBe(401);
    expect((await json(garbage)).reason).toMatch(/signature/i);
    expect(deadLetters).toHaveLength(0);
    expect(await inboxRows()).toEqual([]);
  });

  it('refuses a replayed Mailgun token with 401 and a reason', async () => {
    const timestamp = String(NOW_SECONDS);
    const form = () =>
      mailgunForm({
        timestamp,
        token,
        signature: signature(timestamp),
        'body-mime': fixture('outlook-forward-fi.eml').toString('utf8'),
      });
    expect((await fetch(`${base}/email/mailgun/mime`, { method: 'POST', body: form() })).status).toBe(200);
    const replay = await fetch(`${base}/email/mailgun/mime`, { method: 'POST', body: form() });
    expect(replay.status).toBe(401);
    expect((await json(replay)).reason).toMatch(/^replayed: /);
    await settled();
    expect(ingested).toHaveLength(1);
  });

  it('accepts raw MIME posted to the URL ending in mime, answering 200 as Mailgun expects', async () => {
    const timestamp = String(NOW_SECONDS);
    const response = await fetch(`${base}/email/mailgun/mime`, {
      method: 'POST',
      body: mailgunForm({
        timestamp,
        token,
        signature: signature(timestamp),
        'body-mime': fixture('outlook-forward-fi.eml').toString('utf8'),
      }),
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'accepted' });
    // Only the message is stored, not the form around it.
    const rows = await inboxRows();
    expect(rows[0]).toMatchObject({ route: 'mailgun', contentType: 'message/rfc822' });
    // (a form field's line breaks arrive as CRLF)
    const lines = (text: string) => text.replace(/\r\n/g, '\n');
    expect(lines(rows[0]!.raw.toString('utf8'))).toBe(
      lines(fixture('outlook-forward-fi.eml').toString('utf8')),
    );
    await until(() => ingested.length === 1, 'the mail to be processed');
    expect(ingested[0]?.author.email).toBe('liisa.korhonen@pohjola-foods.example');
  });

  it('accepts an urlencoded post too (Mailgun sends one when the mail has no attachments)', async () => {
    const timestamp = String(NOW_SECONDS);
    const response = await fetch(`${base}/email/mailgun/mime`, {
      method: 'POST',
      body: new URLSearchParams({
        timestamp,
        token,
        signature: signature(timestamp),
        'body-mime': fixture('reply-gmail-en.eml').toString('utf8'),
      }),
    });
    expect(response.status).toBe(200);
    await until(() => ingested.length === 1, 'the mail to be processed');
    expect(ingested[0]?.author.email).toBe('mark.ellison@acme-logistics.example');
  });

  it('refuses a wrong or stale signature with 401', async () => {
    const stale = String(NOW_SECONDS - 3600);
    const attempts: Array<Record<string, string>> = [
      { timestamp: String(NOW_SECONDS), token, signature: 'f'.repeat(64) },
      { timestamp: stale, token, signature: signature(stale) },
      { 'body-mime': 'x' },
    ];
    for (const fields of attempts) {
      const response = await fetch(`${base}/email/mailgun`, { method: 'POST', body: mailgunForm(fields) });
      expect(response.status).toBe(401);
    }
    expect(await inboxRows()).toEqual([]);
  });

  it('refuses a message over the size limit with 406, which stops Mailgun retrying it', async () => {
    const timestamp = String(NOW_SECONDS);
    const big = `${fixture('reply-gmail-en.eml').toString('utf8')}${'a'.repeat(MAX_BYTES)}`;
    const response = await fetch(`${base}/email/mailgun/mime`, {
      method: 'POST',
      body: mailgunForm({ timestamp, token, signature: signature(timestamp), 'body-mime': big }),
    });
    expect(response.status).toBe(406);
    expect((await json(response)).reason).toMatch(/over the limit/);
  });

  it('stores a post without a message as posted (200, so Mailgun stops retrying); it becomes a dead letter', async () => {
    const timestamp = String(NOW_SECONDS);
    const response = await fetch(`${base}/email/mailgun`, {
      method: 'POST',
      body: mailgunForm({
        timestamp,
        token,
        signature: signature(timestamp),
        recipient: 'inbox@verbatim-demo.example',
      }),
    });
    expect(response.status).toBe(200);
    await until(() => deadLetters.length === 1, 'the dead letter');
    expect(deadLetters[0]?.contentType).toMatch(/^multipart\/form-data/);
    expect(deadLetters[0]?.reason).toMatch(/no body-mime field/);
    expect(Buffer.from(deadLetters[0]!.raw).toString('utf8')).toContain('inbox@verbatim-demo.example');
  });
});

describe('POST /email/sendgrid', () => {
  const auth = `Basic ${Buffer.from(BASIC).toString('base64')}`;

  it('accepts the raw MIME of the email field behind basic auth, answering 200', async () => {
    const form = new FormData();
    form.append('to', 'inbox@verbatim-demo.example');
    form.append('email', new Blob([new Uint8Array(fixture('apple-mail-forward-fi.eml'))]), 'email.eml');
    const response = await fetch(`${base}/email/sendgrid`, {
      method: 'POST',
      headers: { authorization: auth },
      body: form,
    });
    expect(response.status).toBe(200);
    await until(() => ingested.length === 1, 'the mail to be processed');
    expect(ingested[0]?.author.email).toBe('liisa.korhonen@pohjola-foods.example');
  });

  it('refuses missing or wrong credentials with 401 before reading the body', async () => {
    const wrong = `Basic ${Buffer.from('parse:nope').toString('base64')}`;
    for (const headers of [{}, { authorization: wrong }]) {
      const response = await fetch(`${base}/email/sendgrid`, {
        method: 'POST',
        headers,
        body: new FormData(),
      });
      expect(response.status).toBe(401);
    }
  });

  it('keeps a parsed-mode post (raw MIME not switched on) as a dead letter', async () => {
    const form = new FormData();
    form.append('text', 'Hello');
    const response = await fetch(`${base}/email/sendgrid`, {
      method: 'POST',
      headers: { authorization: auth },
      body: form,
    });
    expect(response.status).toBe(200);
    await until(() => deadLetters.length === 1, 'the dead letter');
    expect(deadLetters[0]?.reason).toMatch(/no email field/);
    expect(deadLetters[0]?.meta).toMatchObject({ route: 'sendgrid' });
  });
});

describe('POST /email/postmark', () => {
  const auth = `Basic ${Buffer.from(BASIC).toString('base64')}`;
  const payload = readFileSync(join(FIXTURES, 'providers/postmark-reply.json'));

  it('accepts Postmark JSON behind basic auth with 200, the only success code Postmark knows', async () => {
    const response = await fetch(`${base}/email/postmark`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: new Uint8Array(payload),
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'accepted',
      messageId: 'email:CAGpm-0001@mail.acme-logistics.example',
    });
    expect((await inboxRows())[0]).toMatchObject({ route: 'postmark', contentType: 'application/json' });
    await until(() => ingested.length === 1, 'the mail to be processed');
    expect(ingested[0]).toMatchObject({
      id: 'email:CAGpm-0001@mail.acme-logistics.example',
      thread: 'email:outage-0001@mail.acme-logistics.example',
      isReply: true,
      accountId: 'acme-logistics',
    });
  });

  it('refuses a message text over the size limit with 403, storing nothing', async () => {
    const big = { ...JSON.parse(payload.toString('utf8')), TextBody: 'a'.repeat(MAX_BYTES + 1) };
    const response = await fetch(`${base}/email/postmark`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(big),
    });
    expect(response.status).toBe(403);
    expect((await json(response)).reason).toMatch(/over the limit/);
    expect(await inboxRows()).toEqual([]);
  });

  it('keeps JSON it cannot read as a dead letter, raw bytes included', async () => {
    const response = await fetch(`${base}/email/postmark`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: '{"FromFull": ',
    });
    expect(response.status).toBe(200);
    await until(() => deadLetters.length === 1, 'the dead letter');
    expect(deadLetters[0]?.contentType).toBe('application/json');
    expect(Buffer.from(deadLetters[0]!.raw).toString()).toBe('{"FromFull": ');
  });
});

describe('routes without a configured secret', () => {
  it('answer 404 and name the setting to configure', async () => {
    const app = express();
    app.use(
      createEmailRouter({
        inbox: {
          append: async () => {
            throw new Error('not reached');
          },
        },
        replayGuard: createWebhookNonceStore(storage.db),
        secrets: {},
        maxBytes: MAX_BYTES,
        logger: pino({ level: 'silent' }),
      }),
    );
    const bare = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => bare.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
    try {
      const expectations = [
        ['/email/inbound', 'EMAIL_WEBHOOK_SECRET'],
        ['/email/mailgun', 'MAILGUN_WEBHOOK_SIGNING_KEY'],
        ['/email/sendgrid', 'EMAIL_BASIC_AUTH'],
        ['/email/postmark', 'EMAIL_BASIC_AUTH'],
      ];
      for (const [path, setting] of expectations) {
        const response = await fetch(`${url}${path}`, { method: 'POST', body: 'x' });
        expect(response.status).toBe(404);
        expect((await json(response)).reason).toContain(setting);
      }
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  });
});
