import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeadLetterStore } from '../../src/storage/dead-letter-store.ts';
import { customerMessage, envelope, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ mode: 'http' });
});
afterAll(() => h?.close());

/** Finding 7 of issue 13: Slack dead letters refused `retry`. */
describe('retrying a Slack dead letter', () => {
  it('feeds the kept event through the Slack listeners again, so the message is stored and routed', async () => {
    const event = customerMessage({ text: 'Our invoice export has been failing since Monday.' });
    const body = envelope(event);
    const store = createDeadLetterStore(h.verbatim.storage.db);
    const id = await store.keep({
      source: 'slack:event',
      reason: 'storing after acknowledging Slack failed: connection terminated',
      raw: new TextEncoder().encode(JSON.stringify(body)),
      contentType: 'application/json',
      meta: { channel: event.channel },
    });
    const letter = await store.get(id);

    const outcome = await h.verbatim.retryDeadLetter(letter!);
    expect(outcome).toBe(`stored slack:C1ACME:${event.ts}`);
    expect((await h.verbatim.store.getMessage(`slack:C1ACME:${event.ts}`))?.text).toContain('invoice export');
    await h.waitFor('routed post', () =>
      h.slack.api
        .messages('C0BILLING')
        .find((message) => JSON.stringify(message.blocks).includes('invoice export')),
    );
  });

  it('says so when the kept event still cannot be stored', async () => {
    const unreadable = envelope({ type: 'message', channel: 'C1ACME', ts: '1767000000.000999', user: 42 });
    await expect(
      h.verbatim.retryDeadLetter({
        source: 'slack:event',
        raw: new TextEncoder().encode(JSON.stringify(unreadable)),
      }),
    ).rejects.toThrow(/still not stored/);
  });

  it('leaves letters of other sources to their own retry', async () => {
    expect(await h.verbatim.retryDeadLetter({ source: 'email:webhook', raw: new Uint8Array() })).toBeNull();
  });
});
