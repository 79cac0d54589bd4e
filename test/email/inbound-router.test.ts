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
import type { DeadLetter, IngestOutcome } from '../../src/core/ports.ts';
import { createEmailRouter } from '../../src/email/inbound-router.ts';
import { signInbound } from '../../src/email/verify-signature.ts';
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

/** Port fakes: an ingest that records and answers like the pipeline, a dead-letter sink that records. */
const ingested: CustomerMessageInput[] = [];
const deadLetters: DeadLetter[] = [];
let ingestFails = false;
const logLines: string[] = [];

let server: Server;
let base: string;
let storage: Storage;

beforeAll(async () => {
  storage = await openTestStorage('pglite');
  const app = express();
  app.use(
    createEmailRouter({
      ingest: async (message): Promise<IngestOutcome> => {
        if (ingestFails) throw new Error('database unavailable');
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
      replayGuard: createWebhookNonceStore(storage.db),
      secrets: { inbound: SECRET, mailgunKey: MAILGUN_KEY, basicAuth: BASIC },
      maxBytes: MAX_BYTES,
      ownDomains: ['verbatim-demo.example'],
      accounts,
      logger: pino(
        { level: 'info' },
        new Writable({
          write(chunk, _encoding, done) {
            logLines.push(String(chunk));
            done();
          },
        }),
      ),
      now: () => NOW,
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await storage.close();
});

beforeEach(async () => {
  // Each test signs with the same fixed clock: start every test with no nonce remembered.
  await storage.db.query('DELETE FROM webhook_nonces');
  ingested.length = 0;
  deadLetters.length = 0;
  logLines.length = 0;
  ingestFails = false;
});

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
  it('accepts a signed mail (202), credits the original sender, and answers a redelivery as a duplicate (200)', async () => {
    const raw = fixture('gmail-forward-en.eml');
    const first = await postRelay(raw);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({
      status: 'accepted',
      messageId: 'email:CAF1x9-gm-0001@mail.verbatim-demo.example',
    });
    expect(ingested[0]).toMatchObject({
      author: { email: 'mark.ellison@acme-logistics.example', external: true },
      accountId: 'acme-logistics',
      forwardedBy: { email: 'anna.virtanen@verbatim-demo.example' },
      conversation: 'email:inbound',
    });
    // A relay's retry signs again (a new timestamp): the mail itself is a duplicate.
    const second = await postRelay(raw, signedHeaders(raw, NOW_SECONDS - 1));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({
      status: 'duplicate',
      messageId: 'email:CAF1x9-gm-0001@mail.verbatim-demo.example',
    });
  });

  it('refuses a replay of a captured signed request with 401 and a reason, inside the window', async () => {
    const raw = fixture('gmail-forward-en.eml');
    const headers = signedHeaders(raw);
    expect((await postRelay(raw, headers)).status).toBe(202);
    const replay = await postRelay(raw, headers);
    expect(replay.status).toBe(401);
    expect((await json(replay)).reason).toMatch(/^replayed: /);
    expect(ingested).toHaveLength(1);
  });

  it('lets the sender retry the same signed request after a failure', async () => {
    const raw = fixture('gmail-forward-en.eml');
    const headers = signedHeaders(raw);
    ingestFails = true;
    expect((await postRelay(raw, headers)).status).toBe(500);
    ingestFails = false;
    expect((await postRelay(raw, headers)).status).toBe(202);
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
  ])('refuses %s with 401 and a reason, ingesting nothing', async (_case, headers, reason) => {
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
    expect(ingested).toEqual([]);
  });

  it('refuses a mail over the size limit with 413 and a reason', async () => {
    const raw = Buffer.concat([fixture('gmail-forward-en.eml'), Buffer.alloc(MAX_BYTES, 'a')]);
    const response = await postRelay(raw);
    expect(response.status).toBe(413);
    expect((await json(response)).reason).toMatch(/over the limit of 262144 bytes/);
  });

  it('keeps a mail it cannot read as a dead letter, raw bytes included, and answers 422 with its id', async () => {
    const raw = fixture('missing-from.eml');
    const response = await postRelay(raw);
    expect(response.status).toBe(422);
    expect(await json(response)).toEqual({
      status: 'dead-lettered',
      reason: 'no sender: the message has no From address and no forwarded sender',
      deadLetterId: 'dl-1',
    });
    expect(deadLetters).toHaveLength(1);
    expect(Buffer.from(deadLetters[0]!.raw).equals(raw)).toBe(true);
    expect(deadLetters[0]).toMatchObject({
      source: 'email:webhook',
      contentType: 'message/rfc822',
      meta: { route: 'inbound' },
    });
  });

  it('answers 500 when the pipeline cannot store the mail, so the sender retries', async () => {
    ingestFails = true;
    const response = await postRelay(fixture('gmail-forward-en.eml'));
    expect(response.status).toBe(500);
    expect(logLines.join('')).toContain('database unavailable');
  });

  it('keeps customer words and addresses out of info logs', async () => {
    await postRelay(fixture('gmail-forward-en.eml'));
    const info = logLines.filter((line) => JSON.parse(line).level <= 30).join('');
    expect(info).toContain('email ingested');
    expect(info).not.toContain('mark.ellison@acme-logistics.example');
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
    expect(ingested).toHaveLength(0);
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
    expect(ingested).toEqual([]);
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

  it('keeps a post without a message as a dead letter and answers 406 so Mailgun stops retrying', async () => {
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
    expect(response.status).toBe(406);
    expect((await json(response)).deadLetterId).toBe('dl-1');
    expect(deadLetters[0]?.contentType).toMatch(/^multipart\/form-data/);
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

  it('keeps a parsed-mode post (raw MIME not switched on) as a dead letter with 422', async () => {
    const form = new FormData();
    form.append('text', 'Hello');
    const response = await fetch(`${base}/email/sendgrid`, {
      method: 'POST',
      headers: { authorization: auth },
      body: form,
    });
    expect(response.status).toBe(422);
    expect((await json(response)).reason).toMatch(/no email field/);
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
    expect(ingested[0]).toMatchObject({
      id: 'email:CAGpm-0001@mail.acme-logistics.example',
      thread: 'email:outage-0001@mail.acme-logistics.example',
      isReply: true,
      accountId: 'acme-logistics',
    });
  });

  it('keeps JSON it cannot read as a dead letter and answers 403 so Postmark stops retrying', async () => {
    const response = await fetch(`${base}/email/postmark`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: '{"FromFull": ',
    });
    expect(response.status).toBe(403);
    expect(deadLetters[0]?.contentType).toBe('application/json');
    expect(Buffer.from(deadLetters[0]!.raw).toString()).toBe('{"FromFull": ');
  });
});

describe('routes without a configured secret', () => {
  it('answer 404 and name the setting to configure', async () => {
    const app = express();
    app.use(
      createEmailRouter({
        ingest: async () => {
          throw new Error('not reached');
        },
        deadLetters: { keep: async () => 'never' },
        replayGuard: createWebhookNonceStore(storage.db),
        secrets: {},
        maxBytes: MAX_BYTES,
        ownDomains: [],
        accounts: [],
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
