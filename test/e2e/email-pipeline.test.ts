import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import { createEmailAdapter } from '../../src/email/create-email-adapter.ts';
import { signInbound } from '../../src/email/verify-signature.ts';
import { createDeadLetterStore } from '../../src/storage/dead-letter-store.ts';
import { createRecordingNotifier, type RecordedPost } from '../support/recording-notifier.ts';
import { createScriptedAnalyzer } from '../support/scripted-analyzer.ts';
import { testConfig } from '../support/test-config.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const SECRET = 'e2e-relay-secret';

/** Waits until the notifier holds a post matching `match`, and returns it. */
async function waitForPost(
  posts: RecordedPost[],
  match: (post: RecordedPost) => boolean,
  timeoutMs = 20_000,
): Promise<RecordedPost> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = posts.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting for a post');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const routedPostOf = (messageId: string) => (post: RecordedPost) =>
  post.kind === 'routed-post' && (post.view?.messages.some((message) => message.id === messageId) ?? false);

describe('email through the whole pipeline: signed relay POST to a routed post', () => {
  let verbatim: Verbatim;
  let base: string;
  const notifier = createRecordingNotifier();

  beforeAll(async () => {
    verbatim = await startVerbatim({
      config: testConfig({ env: { EMAIL_WEBHOOK_SECRET: SECRET } }),
      analyzer: createScriptedAnalyzer(),
      fallbackNotifiers: [notifier],
      adapters: [createEmailAdapter],
      pollingIntervalSeconds: 0.5,
    });
    base = `http://127.0.0.1:${verbatim.port}`;
  });
  afterAll(async () => {
    await verbatim?.stop();
  });

  async function relay(
    body: Buffer | string,
    // A relay's retry is signed afresh; a byte-identical request (same second) is refused as a replay.
    signedSecondsLater = 0,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const timestamp = Math.floor(Date.now() / 1000) + signedSecondsLater;
    const response = await fetch(`${base}/email/inbound`, {
      method: 'POST',
      headers: {
        'content-type': 'message/rfc822',
        'x-verbatim-timestamp': String(timestamp),
        'x-verbatim-signature': signInbound(SECRET, bytes, timestamp),
      },
      body: bytes,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('credits a forwarded mail to the original customer, with the forwarder, in the account of the customer’s domain', async () => {
    const answer = await relay(fixture('apple-mail-forward-en.eml'));
    expect(answer).toMatchObject({ status: 202, json: { status: 'accepted' } });
    const post = await waitForPost(notifier.posts, routedPostOf(String(answer.json.messageId)));
    const view = post.view!;
    expect(view.account).toMatchObject({ id: 'acme', name: 'Acme Logistics' });
    expect(view.unmapped).toBe(false);
    expect(post.target).toEqual({ platform: 'slack', channel: 'C0SUPPORT' });
    const message = view.messages[0]!;
    expect(message.author).toMatchObject({
      email: 'mark.ellison@acme-logistics.example',
      external: true,
    });
    expect(message.forwardedBy).toEqual({
      name: 'Anna Virtanen',
      email: 'anna.virtanen@verbatim-demo.example',
    });
    expect(message.text).toContain('the cold-chain temperature log has gaps of up to 40 minutes');
    expect(message.subject).toBe('Temperature log gaps');
    expect(message.platform).toBe('email');
  });

  it('answers a redelivery of the same mail as a duplicate and posts nothing more', async () => {
    const before = notifier.posts.filter((post) => post.kind === 'routed-post').length;
    const again = await relay(fixture('apple-mail-forward-en.eml'), 1);
    expect(again).toMatchObject({ status: 200, json: { status: 'duplicate' } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(notifier.posts.filter((post) => post.kind === 'routed-post')).toHaveLength(before);
  });

  it('sends a mail from an unknown domain to the unmapped destination', async () => {
    const answer = await relay(fixture('unknown-domain.eml'));
    expect(answer.status).toBe(202);
    const post = await waitForPost(notifier.posts, routedPostOf(String(answer.json.messageId)));
    expect(post.target).toEqual({ platform: 'slack', channel: 'C0TRIAGE' });
    expect(post.view).toMatchObject({ unmapped: true, account: null });
    expect(post.view?.messages[0]?.author.email).toBe('hanna@unknown-startup.example');
  });

  it('joins a reply with In-Reply-To to the request its first mail opened, as a follow-up in the thread', async () => {
    const first = [
      'From: Olli Mäki <olli@nimbus.example>',
      'To: support@verbatim-demo.example',
      'Subject: Invoice 2025-114 charged twice',
      'Date: Wed, 04 Jun 2025 09:00:00 +0300',
      'Message-ID: <e2e-thread-1@nimbus.example>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'We were charged twice for invoice 2025-114. Please refund one of them.',
      '',
    ].join('\r\n');
    const opened = await relay(first);
    expect(opened.json.status).toBe('accepted');
    const post = await waitForPost(notifier.posts, routedPostOf('email:e2e-thread-1@nimbus.example'));
    expect(post.target).toEqual({ platform: 'slack', channel: 'C0BILLING' });

    const reply = [
      'From: Olli Mäki <olli@nimbus.example>',
      'To: support@verbatim-demo.example',
      'Subject: Re: Invoice 2025-114 charged twice',
      'Date: Thu, 05 Jun 2025 14:30:00 +0300',
      'Message-ID: <e2e-thread-2@nimbus.example>',
      'In-Reply-To: <e2e-thread-1@nimbus.example>',
      'References: <e2e-thread-1@nimbus.example>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Any news? The second charge is still on our card.',
      '',
      'On Wed, 4 Jun 2025 at 09:00, Olli Mäki <olli@nimbus.example> wrote:',
      '> We were charged twice for invoice 2025-114. Please refund one of them.',
      '',
    ].join('\r\n');
    const followed = await relay(reply);
    // Stored, then processed from the inbox: the answer cannot know yet that it is a follow-up.
    expect(followed).toMatchObject({
      status: 202,
      json: { status: 'accepted', messageId: 'email:e2e-thread-2@nimbus.example' },
    });
    const note = await waitForPost(
      notifier.posts,
      (candidate) =>
        candidate.kind === 'note' && candidate.note?.message?.id === 'email:e2e-thread-2@nimbus.example',
    );
    expect(note.note?.kind).toBe('follow-up');
    expect(note.target).toMatchObject({ id: post.ref.id });
    expect(note.note?.message?.text).toBe('Any news? The second charge is still on our card.');
    expect(note.note?.message?.quotedText).toContain('> We were charged twice');
  });

  it('stores a malformed mail (202) and keeps it as a dead letter with its raw bytes', async () => {
    const raw = fixture('missing-from.eml');
    const answer = await relay(raw);
    expect(answer).toMatchObject({ status: 202, json: { status: 'accepted' } });
    const store = createDeadLetterStore(verbatim.storage.db);
    const deadline = Date.now() + 10_000;
    let letter = (await store.list()).find((row) => row.source === 'email:webhook');
    while (!letter && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      letter = (await store.list()).find((row) => row.source === 'email:webhook');
    }
    expect(letter).toMatchObject({
      source: 'email:webhook',
      reason: expect.stringMatching(/no sender/),
      contentType: 'message/rfc822',
      meta: { route: 'inbound' },
    });
    expect(Buffer.from(letter!.raw).equals(raw)).toBe(true);
  });

  it('refuses an unsigned POST with 401', async () => {
    const response = await fetch(`${base}/email/inbound`, {
      method: 'POST',
      body: fixture('unknown-domain.eml'),
    });
    expect(response.status).toBe(401);
  });
});

describe('the email adapter without email settings', () => {
  it('mounts no email route and starts no poller', async () => {
    const verbatim = await startVerbatim({
      config: testConfig(),
      analyzer: createScriptedAnalyzer(),
      adapters: [createEmailAdapter],
      workers: false,
    });
    try {
      const response = await fetch(`http://127.0.0.1:${verbatim.port}/email/inbound`, {
        method: 'POST',
        body: 'x',
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found' });
    } finally {
      await verbatim.stop();
    }
  });
});
