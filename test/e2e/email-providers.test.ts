import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import { createEmailAdapter } from '../../src/email/create-email-adapter.ts';
import { createRecordingNotifier, type RecordedPost } from '../support/recording-notifier.ts';
import { createScriptedAnalyzer } from '../support/scripted-analyzer.ts';
import { testConfig } from '../support/test-config.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const MAILGUN_KEY = 'e2e-mailgun-signing-key';
const BASIC = 'parse:e2e-password';

async function waitForPost(
  posts: RecordedPost[],
  messageId: string,
  timeoutMs = 20_000,
): Promise<RecordedPost> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = posts.find(
      (post) =>
        post.kind === 'routed-post' && post.view?.messages.some((message) => message.id === messageId),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the routed post of ${messageId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('provider inbound webhooks through the whole pipeline', () => {
  let verbatim: Verbatim;
  let base: string;
  const notifier = createRecordingNotifier();
  const basicAuth = `Basic ${Buffer.from(BASIC).toString('base64')}`;

  beforeAll(async () => {
    verbatim = await startVerbatim({
      config: testConfig({ env: { MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY, EMAIL_BASIC_AUTH: BASIC } }),
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

  it('Mailgun: a signed raw-MIME route post is credited to the forwarded customer', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const token = 'e2e-token-'.repeat(5);
    const form = new FormData();
    form.append('timestamp', timestamp);
    form.append('token', token);
    form.append(
      'signature',
      createHmac('sha256', MAILGUN_KEY)
        .update(timestamp + token)
        .digest('hex'),
    );
    form.append('body-mime', fixture('thunderbird-forward-en.eml').toString('utf8'));
    const response = await fetch(`${base}/email/mailgun/mime`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { status: string; messageId: string };
    expect(answer.status).toBe('accepted');
    const post = await waitForPost(notifier.posts, answer.messageId);
    expect(post.view?.account?.id).toBe('acme');
    expect(post.view?.messages[0]).toMatchObject({
      author: { email: 'priya.shah@acme-logistics.example' },
      forwardedBy: { email: 'anna.virtanen@verbatim-demo.example' },
    });
  });

  it('SendGrid: the raw email field behind basic auth lands in the account of a subdomain sender', async () => {
    const form = new FormData();
    form.append('to', 'support@verbatim-demo.example');
    form.append('email', fixture('subdomain-sender.eml').toString('utf8'));
    const response = await fetch(`${base}/email/sendgrid`, {
      method: 'POST',
      headers: { authorization: basicAuth },
      body: form,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { status: string; messageId: string };
    const post = await waitForPost(notifier.posts, answer.messageId);
    expect(post.view?.account?.id).toBe('pohjola');
    expect(post.view?.messages[0]).toMatchObject({
      author: { email: 'erik.nystrom@eu.pohjola-foods.example' },
      forwardedBy: null,
      language: 'fi',
    });
  });

  it('Postmark: the JSON payload behind basic auth becomes a routed post with the customer’s own words', async () => {
    const response = await fetch(`${base}/email/postmark`, {
      method: 'POST',
      headers: { authorization: basicAuth, 'content-type': 'application/json' },
      body: fixture('providers/postmark-reply.json'),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { status: string; messageId: string };
    const post = await waitForPost(notifier.posts, answer.messageId);
    expect(post.view?.account?.id).toBe('acme');
    const message = post.view!.messages[0]!;
    expect(message.author.email).toBe('mark.ellison@acme-logistics.example');
    expect(message.text).toBe(
      'The tracking API is down again since 08:40. Our drivers cannot confirm deliveries.',
    );
    expect(message.quotedText).toContain('> The fix is deployed.');
  });

  it('refuses each provider’s post without valid credentials', async () => {
    const mailgun = await fetch(`${base}/email/mailgun/mime`, { method: 'POST', body: new FormData() });
    const sendgrid = await fetch(`${base}/email/sendgrid`, { method: 'POST', body: new FormData() });
    const postmark = await fetch(`${base}/email/postmark`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('parse:wrong').toString('base64')}` },
      body: '{}',
    });
    expect([mailgun.status, sendgrid.status, postmark.status]).toEqual([401, 401, 401]);
    // The relay route has no secret here: it is off, and says which setting turns it on.
    const relay = await fetch(`${base}/email/inbound`, { method: 'POST', body: 'x' });
    expect(relay.status).toBe(404);
    expect(await relay.json()).toMatchObject({ reason: expect.stringContaining('EMAIL_WEBHOOK_SECRET') });
  });
});
