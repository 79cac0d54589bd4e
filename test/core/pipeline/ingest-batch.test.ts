import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../../src/core/customer-message.ts';
import { applyRequestCommand } from '../../../src/core/pipeline/apply-request-command.ts';
import { deliverRequest } from '../../../src/core/pipeline/deliver-request.ts';
import { ingestMessage } from '../../../src/core/pipeline/ingest-message.ts';
import { ingestMessages } from '../../../src/core/pipeline/ingest-messages.ts';
import type { DeliveryDeps, PipelineDeps } from '../../../src/core/pipeline/pipeline-deps.ts';
import type { JobRequest } from '../../../src/core/pipeline/request-store.ts';
import { triageRequest } from '../../../src/core/pipeline/triage-request.ts';
import type { IngestOutcome } from '../../../src/core/ports.ts';
import type { Storage } from '../../../src/storage/open-storage.ts';
import { createRequestStore } from '../../../src/storage/request-store.ts';
import { createRecordingNotifier } from '../../support/recording-notifier.ts';
import { backends, TEST_DATABASE_URL } from '../../support/scratch-database.ts';
import { createScriptedAnalyzer } from '../../support/scripted-analyzer.ts';
import { testConfig } from '../../support/test-config.ts';
import { openTestStorage } from '../../support/test-storage.ts';

const config = testConfig();
const base = new Date('2026-11-23T08:00:00Z');
let channelNumber = 0;

function message(
  channel: string,
  second: number,
  overrides: Partial<CustomerMessageInput> = {},
): CustomerMessageInput {
  const ts = `${1_790_000_000 + second}.000100`;
  return {
    id: `slack:${channel}:${ts}`,
    platform: 'slack',
    conversation: `slack:${channel}`,
    thread: `slack:${channel}:${ts}`,
    isReply: false,
    accountId: 'acme',
    author: { id: 'UCUST', name: 'Ann Customer', external: true },
    text: `The CSV export fails (${second}).`,
    sentAt: new Date(base.getTime() + second * 1000),
    ...overrides,
  };
}

/** Ingests as one batch; fails the test when the batch fell back to one message at a time. */
async function batchOf(deps: PipelineDeps, inputs: CustomerMessageInput[]) {
  return ingestMessages(deps, inputs, {
    onBatchFailed: (error) => {
      throw new Error(`the batch fell back to single ingest: ${(error as Error).message}`);
    },
  });
}

function fulfilled(results: Array<PromiseSettledResult<IngestOutcome>>): IngestOutcome[] {
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

/** The batch path (group-committed ingest) takes the decisions the single-message path takes. */
describe.each(backends)('batch ingest on %s', (backend) => {
  let storage: Storage;
  let jobs: JobRequest[];
  let deps: PipelineDeps;

  beforeAll(async () => {
    storage = await openTestStorage(backend);
  });
  afterAll(async () => {
    await storage.close();
  });
  beforeEach(() => {
    jobs = [];
    const store = createRequestStore(
      storage.db,
      async (_tx, job) => {
        jobs.push(job);
      },
      async (_tx, batch) => {
        jobs.push(...batch);
      },
    );
    deps = {
      store,
      directory: config.directory,
      clock: { now: () => base },
      settings: {
        groupingWindowMinutes: 5,
        triageDelaySeconds: 30,
        noisePatterns: [],
        renewalWindowDays: 90,
      },
    };
  });
  const nextChannel = () => `C1BATCH${channelNumber++}`;
  const countMessages = async (conversation: string) =>
    Number(
      (
        await storage.db.query<{ n: string }>(
          'SELECT count(*) AS n FROM customer_messages WHERE conversation = $1',
          [conversation],
        )
      ).rows[0]?.n,
    );

  it('stores a message delivered twice in one batch once, and a message stored before as a duplicate', async () => {
    const channel = nextChannel();
    const stored = message(channel, 0);
    await ingestMessage(deps, stored);
    jobs = [];
    const fresh = message(channel, 600);
    const outcomes = fulfilled(await batchOf(deps, [fresh, stored, fresh, message(channel, 1200)]));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'accepted',
      'duplicate',
      'duplicate',
      'accepted',
    ]);
    expect(await countMessages(`slack:${channel}`)).toBe(3);
    // Two new requests (ten minutes apart), each scheduled for triage once with the triage delay.
    expect(jobs).toEqual([
      { queue: 'triage', data: { requestId: `req_${fresh.id}` }, key: `req_${fresh.id}`, delaySeconds: 30 },
      {
        queue: 'triage',
        data: { requestId: `req_${message(channel, 1200).id}` },
        key: `req_${message(channel, 1200).id}`,
        delaySeconds: 30,
      },
    ]);
  });

  it('groups messages of one thread in one batch into one request, in the order they were sent', async () => {
    const channel = nextChannel();
    const root = message(channel, 0);
    const reply = message(channel, 3600, { thread: root.thread, isReply: true, text: 'Still failing.' });
    const nearby = message(channel, 30, { text: 'Also the PDF export.' });
    // Given newest first: the batch still opens the request with the first message sent.
    const outcomes = fulfilled(await batchOf(deps, [reply, nearby, root]));
    expect(outcomes).toEqual([
      { status: 'accepted', messageId: reply.id, requestId: `req_${root.id}` },
      { status: 'accepted', messageId: nearby.id, requestId: `req_${root.id}` },
      { status: 'accepted', messageId: root.id, requestId: `req_${root.id}` },
    ]);
    const request = await deps.store.getRequest(`req_${root.id}`);
    expect(request?.lastMessageAt).toEqual(reply.sentAt);
    expect((await deps.store.requestMessages(`req_${root.id}`)).map((m) => m.id)).toEqual([
      root.id,
      nearby.id,
      reply.id,
    ]);
    expect(jobs.filter((job) => job.queue === 'triage')).toHaveLength(1);
  });

  it('joins, follows up and re-triages exactly as one message at a time does', async () => {
    const gathering = nextChannel();
    const routed = nextChannel();
    const resolved = nextChannel();
    const opened = fulfilled(
      await batchOf(deps, [message(gathering, 0), message(routed, 0), message(resolved, 0)]),
    );
    const [gatheringId, routedId, resolvedId] = opened.map(
      (outcome) => (outcome as { requestId: string }).requestId,
    );
    // The first request has been triaged (not yet posted), the second routed, the third resolved.
    await triageRequest({ ...deps, analyzer: createScriptedAnalyzer() }, gatheringId as string);
    const routedRequest = await deps.store.getRequest(routedId as string);
    await deps.store.saveRequest({ ...routedRequest!, routedAt: base });
    const resolvedRequest = await deps.store.getRequest(resolvedId as string);
    await deps.store.saveRequest({ ...resolvedRequest!, state: 'resolved', resolvedAt: base });
    jobs = [];

    const batch = [message(gathering, 60), message(routed, 60), message(resolved, 60), message(routed, 61)];
    const outcomes = fulfilled(await batchOf(deps, batch));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'accepted',
      'follow-up',
      'accepted',
      'follow-up',
    ]);
    expect(outcomes.map((outcome) => (outcome as { requestId: string }).requestId)).toEqual([
      gatheringId,
      routedId,
      `req_${batch[2]!.id}`,
      routedId,
    ]);
    expect(jobs).toEqual([
      // Joined a triaged request: triaged again so the analysis covers the new words.
      { queue: 'triage', data: { requestId: gatheringId }, key: gatheringId },
      {
        queue: 'deliver',
        data: { requestId: routedId, messageId: batch[1]!.id, kind: 'follow-up' },
        key: routedId,
      },
      { queue: 'triage', data: { requestId: routedId }, key: routedId },
      {
        queue: 'triage',
        data: { requestId: `req_${batch[2]!.id}` },
        key: `req_${batch[2]!.id}`,
        delaySeconds: 30,
      },
      {
        queue: 'deliver',
        data: { requestId: routedId, messageId: batch[3]!.id, kind: 'follow-up' },
        key: routedId,
      },
      { queue: 'triage', data: { requestId: routedId }, key: routedId },
    ]);
    const afterRouted = await deps.store.getRequest(routedId as string);
    expect(afterRouted?.lastMessageAt).toEqual(batch[3]!.sentAt);
    // Two saves in the batch: the version moved on as two single saves would have moved it.
    expect(afterRouted?.version).toBe(routedRequest!.version + 3);
    expect(afterRouted?.routedAt).toEqual(base);
  });

  it('keeps one bad message from failing the others in its batch', async () => {
    const channel = nextChannel();
    const good = [message(channel, 0), message(nextChannel(), 0)];
    // Postgres refuses a NUL character in text: this message fails wherever it is stored.
    const bad = message(nextChannel(), 0, { text: 'broken \u0000 text' });
    const failures: unknown[] = [];
    const results = await ingestMessages(deps, [good[0]!, bad, good[1]!], {
      onBatchFailed: (error) => failures.push(error),
    });
    expect(failures).toHaveLength(1);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    for (const result of [results[0], results[2]]) {
      expect(result?.status === 'fulfilled' && result.value.status).toBe('accepted');
    }
    expect(await countMessages(good[0]!.conversation)).toBe(1);
    expect(await countMessages(good[1]!.conversation)).toBe(1);
    expect(await countMessages(bad.conversation)).toBe(0);
  });

  it('rejects an invalid message alone and ingests staff replies on their own path', async () => {
    const channel = nextChannel();
    const root = message(channel, 0);
    await ingestMessage(deps, root);
    const staff = message(channel, 10, {
      thread: root.thread,
      isReply: true,
      author: { id: 'USTAFF', name: 'Sam Support', external: false },
      text: 'Looking into it.',
    });
    const invalid = { ...message(channel, 20), platform: 'fax' } as unknown as CustomerMessageInput;
    const results = await ingestMessages(deps, [staff, invalid, message(channel, 30)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]?.status === 'fulfilled' && results[0].value.status).toBe('staff-reply');
    const request = await deps.store.getRequest(`req_${root.id}`);
    expect(request?.firstResponseAt).toEqual(staff.sentAt);
  });
});

/**
 * Batches race delivery and commands on a real server: the batch's compare-and-set sees a request
 * that delivery or a command moved on, and the batch runs again on fresh reads; batches that share
 * conversations take their locks in one order and do not deadlock.
 */
describe.runIf(TEST_DATABASE_URL)('batch ingest racing delivery and commands on PostgreSQL', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage('postgres');
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('loses no field and no message', async () => {
    const store = createRequestStore(storage.db, async () => {});
    const pipeline: PipelineDeps = {
      store,
      directory: config.directory,
      clock: { now: () => base },
      settings: {
        groupingWindowMinutes: 60,
        triageDelaySeconds: 0,
        noisePatterns: [],
        renewalWindowDays: 90,
      },
    };
    const delivery: DeliveryDeps = { ...pipeline, notifiers: [createRecordingNotifier()] };
    const analyzer = createScriptedAnalyzer({ priority: 'P3', topics: ['billing'] });
    const channels = Array.from({ length: 30 }, (_, i) => `C1BRACE${i}`);
    const requestIds = fulfilled(
      await batchOf(
        pipeline,
        channels.map((channel) => message(channel, 0)),
      ),
    ).map((outcome) => (outcome as { requestId: string }).requestId);
    for (const requestId of requestIds) await triageRequest({ ...pipeline, analyzer }, requestId);

    // Six follow-ups per conversation, in batches that mix conversations (and overlap in
    // reverse order), while each request is delivered, claimed and resolved.
    const followUps = channels.flatMap((channel) =>
      Array.from({ length: 6 }, (_, n) => message(channel, n + 1)),
    );
    const batches = Array.from({ length: 12 }, (_, b) =>
      followUps.filter((_, index) => index % 12 === b).sort(() => (b % 2 === 0 ? 1 : -1)),
    );
    const agent = { id: 'U0AGENT', name: 'Agent' };
    const results = await Promise.all([
      ...batches.map((batch) => batchOf(pipeline, batch)),
      ...requestIds.map((requestId) =>
        Promise.all([
          deliverRequest(delivery, { requestId, kind: 'post' }),
          applyRequestCommand(pipeline, { requestId, command: { kind: 'claim' }, actor: agent }).then(() =>
            applyRequestCommand(pipeline, { requestId, command: { kind: 'resolve' }, actor: agent }),
          ),
        ]),
      ),
    ]);
    for (const batch of results.slice(0, batches.length)) {
      fulfilled(batch as Array<PromiseSettledResult<IngestOutcome>>);
    }

    for (const [index, requestId] of requestIds.entries()) {
      const request = await store.getRequest(requestId);
      expect(request?.routedAt, `${requestId} routed_at`).not.toBeNull();
      expect(request?.teamId, `${requestId} team`).toBe('billing');
      expect(request?.state, `${requestId} state`).toBe('resolved');
      const held = await storage.db.query<{ last: Date }>(
        'SELECT max(sent_at) AS last FROM customer_messages WHERE request_id = $1',
        [requestId],
      );
      expect(request?.lastMessageAt.getTime(), `${requestId} last message`).toBe(
        new Date(held.rows[0]!.last).getTime(),
      );
      const all = await storage.db.query<{ count: string }>(
        'SELECT count(*) AS count FROM customer_messages WHERE conversation = $1 AND request_id IS NOT NULL',
        [`slack:${channels[index]}`],
      );
      expect(Number(all.rows[0]!.count), `${requestId} messages`).toBe(7);
    }
  }, 120_000);
});
