import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerMessage } from '../../src/core/customer-message.ts';
import type { JobRequest, RequestStore } from '../../src/core/pipeline/request-store.ts';
import type { Request } from '../../src/core/request.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createRequestStore } from '../../src/storage/request-store.ts';
import { backends } from '../support/scratch-database.ts';
import { openTestStorage } from '../support/test-storage.ts';

function message(overrides: Partial<CustomerMessage> = {}): CustomerMessage {
  return {
    id: 'slack:C1:100.000100',
    platform: 'slack',
    conversation: 'slack:C1',
    thread: 'slack:C1:100.000100',
    isReply: false,
    accountId: 'acme',
    author: { id: 'U1', name: 'Ann Customer', external: true },
    text: 'The export is broken & <b>nothing</b> works 🚨',
    sentAt: new Date('2026-11-02T08:00:00Z'),
    permalink: 'https://example.slack.com/archives/C1/p100000100',
    attachments: [{ name: 'log.txt', mimeType: 'text/plain', sizeBytes: 120 }],
    language: 'en',
    subject: null,
    forwardedBy: null,
    quotedText: null,
    ...overrides,
  };
}

function request(overrides: Partial<Request> = {}): Request {
  return {
    id: 'req_1',
    accountId: 'acme',
    conversation: 'slack:C1',
    thread: 'slack:C1:100.000100',
    state: 'open',
    claimedBy: null,
    snoozedUntil: null,
    teamId: null,
    priority: null,
    analysis: null,
    floor: [],
    openedAt: new Date('2026-11-02T08:00:00Z'),
    lastMessageAt: new Date('2026-11-02T08:00:00Z'),
    routedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    version: 0,
    ...overrides,
  };
}

describe.each(backends)('request store on %s', (backend) => {
  let storage: Storage;
  let store: RequestStore;
  const enqueued: JobRequest[] = [];

  beforeAll(async () => {
    storage = await openTestStorage(backend);
    store = createRequestStore(storage.db, async (_tx, job) => {
      enqueued.push(job);
    });
  });
  afterAll(async () => {
    await storage.close();
  });

  it('stores a message verbatim and refuses a second copy of the same id', async () => {
    expect(await store.insertMessage(message(), 'customer')).toBe(true);
    expect(await store.insertMessage(message({ text: 'changed' }), 'customer')).toBe(false);
    const stored = await store.getMessage('slack:C1:100.000100');
    expect(stored?.text).toBe('The export is broken & <b>nothing</b> works 🚨');
    expect(stored?.attachments).toEqual([{ name: 'log.txt', mimeType: 'text/plain', sizeBytes: 120 }]);
    expect(stored?.sentAt.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(stored?.kind).toBe('customer');
  });

  it('finds a request by the thread of its first message and by conversation and account', async () => {
    await store.createRequest(request());
    await store.attachMessage('slack:C1:100.000100', 'req_1');
    expect((await store.findRequestByThread('slack:C1:100.000100'))?.id).toBe('req_1');
    expect(await store.findRequestByThread('slack:C1:999.000000')).toBeNull();
    expect((await store.findLatestRequest('slack:C1', 'acme'))?.id).toBe('req_1');
    expect(await store.findLatestRequest('slack:C1', 'other')).toBeNull();
    expect((await store.requestMessages('req_1')).map((m) => m.id)).toEqual(['slack:C1:100.000100']);
  });

  it('keeps edits and deletions of a message on record', async () => {
    const edited = await store.editMessage(
      'slack:C1:100.000100',
      'The export is broken',
      new Date('2026-11-02T08:05:00Z'),
    );
    expect(edited?.text).toBe('The export is broken');
    expect(edited?.editedAt?.toISOString()).toBe('2026-11-02T08:05:00.000Z');
    const deleted = await store.markMessageDeleted('slack:C1:100.000100', new Date('2026-11-02T08:06:00Z'));
    expect(deleted?.deletedAt?.toISOString()).toBe('2026-11-02T08:06:00.000Z');
    expect(await store.editMessage('missing', 'x', new Date())).toBeNull();
  });

  it('reads a request with its messages in one go, as getRequest and requestMessages do', async () => {
    await store.insertMessage(
      message({
        id: 'slack:C1:100.000200',
        text: 'Still broken — "quotes", \\ backslash, ünïcode',
        sentAt: new Date('2026-11-02T07:59:59.123Z'),
        author: { id: 'U2', name: 'Bo', external: true },
        attachments: [],
        permalink: null,
        language: null,
        forwardedBy: { name: 'Cy', email: 'cy@example.com' },
      }),
      'customer',
    );
    await store.attachMessage('slack:C1:100.000200', 'req_1');
    const loaded = await store.loadRequest('req_1');
    expect(loaded?.request).toEqual(await store.getRequest('req_1'));
    expect(loaded?.messages).toEqual(await store.requestMessages('req_1'));
    expect(loaded?.messages.map((m) => m.id)).toEqual(['slack:C1:100.000200', 'slack:C1:100.000100']);
    expect(loaded?.messages[1]?.deletedAt?.toISOString()).toBe('2026-11-02T08:06:00.000Z');
    expect(await store.loadRequest('missing')).toBeNull();
    await store.createRequest(request({ id: 'req_empty', conversation: 'slack:C9', thread: null }));
    expect((await store.loadRequest('req_empty'))?.messages).toEqual([]);
  });

  it('saves triage, state and the audit trail of a request', async () => {
    await store.saveTriage('req_1', {
      analysis: {
        summary: 'Export broken.',
        priority: 'P2',
        priorityReason: 'blocker',
        topics: ['bug'],
        sentiment: -0.5,
        churnSignals: [],
        language: 'en',
        confidence: 0.7,
        engine: 'heuristic',
        usage: null,
      },
      floor: [{ rule: 'outage', priority: 'P1', reason: 'mentions an outage', phrase: 'nothing works' }],
      priority: 'P1',
      teamId: 'support',
      triagedAt: new Date('2026-11-02T08:01:00Z'),
    });
    const triaged = await store.getRequest('req_1');
    expect(triaged?.priority).toBe('P1');
    expect(triaged?.floor[0]?.rule).toBe('outage');
    expect(triaged?.analysis?.topics).toEqual(['bug']);
    await store.saveRequest({ ...triaged!, state: 'claimed', claimedBy: { id: 'U9', name: 'Sam' } });
    await store.recordTransition({
      requestId: 'req_1',
      kind: 'claim',
      from: 'open',
      to: 'claimed',
      actor: { id: 'U9', name: 'Sam' },
      at: new Date('2026-11-02T08:02:00Z'),
      detail: {},
    });
    expect((await store.getRequest('req_1'))?.claimedBy).toEqual({ id: 'U9', name: 'Sam' });
    expect((await store.latestTransition('req_1'))?.kind).toBe('claim');
  });

  it('grants a delivery to one attempt at a time and lets a later attempt take over an expired lease', async () => {
    const destination = { platform: 'slack' as const, channel: 'C0SUPPORT' };
    const t0 = new Date('2026-11-02T09:00:00Z');
    const first = await store.claimDelivery('post:req_1', destination, t0, new Date(t0.getTime() + 60_000));
    expect(first).toEqual({ claimed: true, earlierAttemptAt: null });
    const concurrent = await store.claimDelivery(
      'post:req_1',
      destination,
      t0,
      new Date(t0.getTime() + 60_000),
    );
    expect(concurrent.claimed).toBe(false);
    const later = new Date(t0.getTime() + 120_000);
    const takeover = await store.claimDelivery(
      'post:req_1',
      destination,
      later,
      new Date(later.getTime() + 60_000),
    );
    expect(takeover).toEqual({ claimed: true, earlierAttemptAt: t0 });
    await store.finishDelivery('post:req_1', { destination, id: '123.456' }, later);
    const afterPosted = await store.claimDelivery(
      'post:req_1',
      destination,
      new Date(later.getTime() + 600_000),
      later,
    );
    expect(afterPosted).toMatchObject({ claimed: false, delivery: { status: 'posted', postId: '123.456' } });
  });

  it('keeps a renewed delivery lease from being taken over, and lets it go once renewal stops', async () => {
    const destination = { platform: 'slack' as const, channel: 'C0SUPPORT' };
    const t0 = new Date('2026-11-03T09:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    await store.claimDelivery('post:req_renew', destination, t0, at(20));
    await store.renewDelivery('post:req_renew', at(45));
    expect((await store.claimDelivery('post:req_renew', destination, at(30), at(50))).claimed).toBe(false);
    const takeover = await store.claimDelivery('post:req_renew', destination, at(46), at(66));
    expect(takeover).toEqual({ claimed: true, earlierAttemptAt: t0 });
  });

  it('links a routed post so reactions on it find the request', async () => {
    const ref = { destination: { platform: 'slack' as const, channel: 'C0SUPPORT' }, id: '123.456' };
    await store.linkRoutedPost('req_1', ref);
    expect(await store.findRoutedPost('req_1')).toEqual(ref);
    expect((await store.findRequestByPost(ref))?.id).toBe('req_1');
    expect(await store.findRequestByPost({ ...ref, id: '999.999' })).toBeNull();
  });

  it('serialises work on the same lock key and rolls back a failed transaction', async () => {
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        store.atomically('conversation:slack:C1', async (tx) => {
          order.push(`${name}:start`);
          await tx.getRequest('req_1');
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`${name}:end`);
        }),
      ),
    );
    for (let index = 0; index < order.length; index += 2) {
      expect(order[index]?.split(':')[0]).toBe(order[index + 1]?.split(':')[0]);
    }
    await expect(
      store.atomically('x', async (tx) => {
        await tx.insertMessage(message({ id: 'slack:C1:200.000000' }), 'customer');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.getMessage('slack:C1:200.000000')).toBeNull();
  });

  it('enqueues jobs through the open transaction', async () => {
    enqueued.length = 0;
    await store.atomically('k', async (tx) => {
      await tx.enqueue({ queue: 'triage', data: { requestId: 'req_1' }, key: 'req_1' });
    });
    expect(enqueued).toEqual([{ queue: 'triage', data: { requestId: 'req_1' }, key: 'req_1' }]);
  });
});
