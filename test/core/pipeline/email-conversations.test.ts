import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../../src/core/customer-message.ts';
import { decideGrouping } from '../../../src/core/grouping.ts';
import { ingestMessage } from '../../../src/core/pipeline/ingest-message.ts';
import type { PipelineDeps } from '../../../src/core/pipeline/pipeline-deps.ts';
import type { Storage } from '../../../src/storage/open-storage.ts';
import { createRequestStore } from '../../../src/storage/request-store.ts';
import { testConfig } from '../../support/test-config.ts';
import { openTestStorage } from '../../support/test-storage.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Finding 6 of issue 13: webhook mails share one conversation, so unrelated mails merged. */
describe('email conversations are threads, per account', () => {
  let storage: Storage;
  let pipeline: PipelineDeps;
  beforeAll(async () => {
    storage = await openTestStorage('pglite');
    pipeline = {
      store: createRequestStore(storage.db, async () => {}),
      directory: testConfig().directory,
      clock: { now: () => T0 },
      settings: { groupingWindowMinutes: 5, triageDelaySeconds: 0, noisePatterns: [], renewalWindowDays: 90 },
    };
  });
  afterAll(async () => {
    await storage.close();
  });

  let seq = 0;
  function mail(input: {
    from: string;
    accountId: string | null;
    root?: string;
    minute: number;
  }): CustomerMessageInput {
    seq += 1;
    const id = `m${seq}-${process.pid}@mail.example`;
    return {
      id: `email:${id}`,
      platform: 'email',
      conversation: 'email:inbound',
      thread: `email:${input.root ?? id}`,
      isReply: input.root !== undefined,
      accountId: input.accountId,
      author: { id: input.from, name: input.from, email: input.from, external: true },
      text: `Message ${seq}: the report export fails for us.`,
      sentAt: at(input.minute),
      subject: 'Export problem',
    };
  }

  async function requestOf(input: CustomerMessageInput): Promise<string> {
    const outcome = await ingestMessage(pipeline, input);
    if (outcome.status !== 'accepted' && outcome.status !== 'follow-up') throw new Error(outcome.status);
    return outcome.requestId;
  }

  it('keeps mails from different unknown senders apart, even a minute apart', async () => {
    const a = await requestOf(mail({ from: 'ann@unknown-one.example', accountId: null, minute: 0 }));
    const b = await requestOf(mail({ from: 'bob@unknown-two.example', accountId: null, minute: 1 }));
    expect(a).not.toBe(b);
  });

  it('keeps two new mails of two people at one account apart, and joins each reply to its thread', async () => {
    const first = mail({ from: 'ann@acme-logistics.example', accountId: 'acme', minute: 10 });
    const second = mail({ from: 'carl@acme-logistics.example', accountId: 'acme', minute: 11 });
    const a = await requestOf(first);
    const b = await requestOf(second);
    expect(a).not.toBe(b);
    const root = first.id.slice('email:'.length);
    const reply = await requestOf(
      mail({ from: 'ann@acme-logistics.example', accountId: 'acme', root, minute: 12 }),
    );
    expect(reply).toBe(a);
    // A slow reply still joins its thread: a thread is a thread however slow the customer is.
    const late = await requestOf(
      mail({ from: 'carl@acme-logistics.example', accountId: 'acme', root, minute: 600 }),
    );
    expect(late).toBe(a);
  });

  it('does not join a thread from another account', () => {
    const decision = decideGrouping({
      message: {
        conversation: 'email:inbound',
        thread: 'email:root@x',
        accountId: null,
        sentAt: at(1),
        threadOnly: true,
      },
      candidate: {
        requestId: 'req_1',
        conversation: 'email:inbound',
        thread: 'email:root@x',
        accountId: 'acme',
        lastMessageAt: at(0),
        routed: false,
        state: 'open',
      },
      windowMinutes: 5,
    });
    expect(decision).toEqual({ kind: 'new' });
  });
});
