import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, requestBlockId } from '../../src/slack/views/action-ids.ts';
import { signSlackRequest } from '../fakes/sign-slack-request.ts';
import {
  blockAction,
  customerMessage,
  envelope,
  SIGNING_SECRET,
  type SlackHarness,
  startSlackHarness,
} from './slack-harness.ts';

let h: SlackHarness;
let url: string;
beforeAll(async () => {
  h = await startSlackHarness({ mode: 'http' });
  url = `http://127.0.0.1:${h.verbatim.port}/slack/events`;
});
afterAll(() => h?.close());

async function post(body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

describe('HTTP mode: POST /slack/events on the shared server, signatures verified', () => {
  it('accepts a validly signed event and answers only after the raw event is in the inbox', async () => {
    const event = customerMessage({ text: 'Signed and sealed: export broken' });
    const response = await h.sendEvent(event);
    expect(response.status).toBe(200);
    expect(await h.inboxHolds(event.ts)).toBe(true);
    expect(await h.storedMessage(event.ts)).not.toBeNull();
    await h.waitFor('routed post', () => h.slack.api.messages('C0SUPPORT').length > 0);
  });

  it('rejects a forged signature and stores nothing', async () => {
    const event = customerMessage({ text: 'forged' });
    const body = JSON.stringify(envelope(event));
    const response = await post(
      body,
      signSlackRequest({ body, signingSecret: SIGNING_SECRET, forged: true }),
    );
    expect(response.status).toBe(401);
    expect(await h.inboxHolds(event.ts)).toBe(false);
    expect(await h.verbatim.store.getMessage(`slack:C1ACME:${event.ts}`)).toBeNull();
  });

  it('rejects a stale (replayed) request and stores nothing', async () => {
    const event = customerMessage({ text: 'stale' });
    const body = JSON.stringify(envelope(event));
    const response = await post(body, signSlackRequest({ body, signingSecret: SIGNING_SECRET, stale: true }));
    expect(response.status).toBe(401);
    expect(await h.verbatim.store.getMessage(`slack:C1ACME:${event.ts}`)).toBeNull();
  });

  it('rejects an unsigned request', async () => {
    const response = await post(JSON.stringify(envelope(customerMessage({ text: 'unsigned' }))), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(401);
  });

  it('answers Slack’s retries of an event with 200 and stores the message once', async () => {
    const event = customerMessage({ text: 'Retried delivery: invoices late' });
    const first = await h.sendEvent(event, { eventId: 'EvHTTPRETRY' });
    const retry = await h.sendEvent(event, { eventId: 'EvHTTPRETRY', retry: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.waitFor('routed post', () =>
      h.slack.api.messages('C0BILLING').some((m) => JSON.stringify(m.blocks).includes('Retried delivery')),
    );
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(
      h.slack.api.messages('C0BILLING').filter((m) => JSON.stringify(m.blocks).includes('Retried delivery')),
    ).toHaveLength(1);
  });

  it('answers 500 when the event cannot be stored, so Slack delivers it again; the retry stores it once', async () => {
    const event = customerMessage({ text: 'Database blip: export broken' });
    await h.verbatim.storage.db.query('ALTER TABLE inbox RENAME TO inbox_away');
    const failed = await h
      .sendEvent(event, { eventId: 'EvBLIP' })
      .finally(() => h.verbatim.storage.db.query('ALTER TABLE inbox_away RENAME TO inbox'));
    expect(failed.status).toBe(500);
    expect(await h.inboxHolds(event.ts)).toBe(false);
    const retried = await h.sendEvent(event, { eventId: 'EvBLIP', retry: 1 });
    expect(retried.status).toBe(200);
    expect(await h.inboxHolds(event.ts)).toBe(true);
    expect(await h.storedMessage(event.ts)).not.toBeNull();
  });

  it('answers the URL verification challenge', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'abc123', type: 'url_verification' });
    const response = await post(body, signSlackRequest({ body, signingSecret: SIGNING_SECRET }));
    expect(JSON.parse(response.text)).toEqual({ challenge: 'abc123' });
  });

  it('handles signed interactivity (a Claim button) and the /churn command', async () => {
    await h.waitFor('a routed post', () => h.slack.api.messages('C0SUPPORT')[0]);
    const post = h.slack.api.messages('C0SUPPORT')[0]!;
    const request = (await h.verbatim.store.findRequestByPost({
      destination: { platform: 'slack', channel: 'C0SUPPORT' },
      id: post.ts,
    }))!;
    const click = await h.sendInteraction(
      blockAction({
        user: 'U0ANN',
        channel: 'C0SUPPORT',
        messageTs: post.ts,
        action: {
          type: 'button',
          action_id: ACTION_IDS.claim,
          value: request.id,
          block_id: requestBlockId(request.id),
        },
      }),
    );
    expect(click.status).toBe(200);
    await h.waitFor(
      'claimed',
      async () => (await h.verbatim.store.getRequest(request.id))?.state === 'claimed',
    );
    const churn = await h.sendCommand({
      command: '/churn',
      text: '',
      user_id: 'U0ANN',
      channel_id: 'C0SUPPORT',
      team_id: 'T0VERBATIM',
      response_url: 'https://hooks.slack.invalid/1',
      trigger_id: '1',
    });
    // Acknowledged at once with an empty body; the answer goes to response_url (churn-command.test.ts).
    expect(churn.status).toBe(200);
  });

  it('leaves the rest of the HTTP server alone', async () => {
    const response = await fetch(`http://127.0.0.1:${h.verbatim.port}/healthz`);
    expect(response.status).toBe(200);
  });
});
