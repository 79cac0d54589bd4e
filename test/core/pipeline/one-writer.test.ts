import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../../src/core/customer-message.ts';
import { applyRequestCommand } from '../../../src/core/pipeline/apply-request-command.ts';
import { deliverRequest } from '../../../src/core/pipeline/deliver-request.ts';
import { ingestMessage } from '../../../src/core/pipeline/ingest-message.ts';
import type { DeliveryDeps, PipelineDeps } from '../../../src/core/pipeline/pipeline-deps.ts';
import { triageRequest } from '../../../src/core/pipeline/triage-request.ts';
import type { Storage } from '../../../src/storage/open-storage.ts';
import { createRequestStore } from '../../../src/storage/request-store.ts';
import { createRecordingNotifier } from '../../support/recording-notifier.ts';
import { TEST_DATABASE_URL } from '../../support/scratch-database.ts';
import { createScriptedAnalyzer } from '../../support/scripted-analyzer.ts';
import { testConfig } from '../../support/test-config.ts';
import { openTestStorage } from '../../support/test-storage.ts';

/**
 * Finding 3 of issue 13: ingest, delivery and commands each wrote back a whole request row read
 * earlier, under different locks, so one could undo another (routed_at back to null, a resolve
 * undone, team_id lost). On a real server, run all three at once on many requests and check
 * that every field each of them set survived.
 */
describe.runIf(TEST_DATABASE_URL)('one writer discipline on PostgreSQL', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage('postgres');
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('loses no field when ingest, delivery and commands race on the same requests', async () => {
    const config = testConfig();
    const store = createRequestStore(storage.db, async () => {});
    const base = new Date('2026-11-23T08:00:00Z');
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
    const iterations = 40;

    const races = Array.from({ length: iterations }, async (_, i) => {
      const channel = `C1RACE${i}`;
      const first = customerMessage(channel, 0, base);
      const accepted = await ingestMessage(pipeline, first);
      if (accepted.status !== 'accepted') throw new Error(accepted.status);
      const requestId = accepted.requestId;
      await triageRequest({ ...pipeline, analyzer }, requestId);
      const followUps = Array.from({ length: 6 }, (_, n) =>
        ingestMessage(pipeline, customerMessage(channel, n + 1, new Date(base.getTime() + (n + 1) * 1000))),
      );
      await Promise.all([
        ...followUps,
        deliverRequest(delivery, { requestId, kind: 'post' }),
        applyRequestCommand(pipeline, {
          requestId,
          command: { kind: 'claim' },
          actor: { id: 'U0AGENT', name: 'Agent' },
        }).then(() =>
          applyRequestCommand(pipeline, {
            requestId,
            command: { kind: 'resolve' },
            actor: { id: 'U0AGENT', name: 'Agent' },
          }),
        ),
      ]);
      return requestId;
    });
    const requestIds = await Promise.all(races);

    for (const requestId of requestIds) {
      const request = await store.getRequest(requestId);
      expect(request?.routedAt, `${requestId} routed_at`).not.toBeNull();
      expect(request?.teamId, `${requestId} team`).toBe('billing');
      expect(request?.state, `${requestId} state`).toBe('resolved');
      expect(request?.resolvedAt, `${requestId} resolved_at`).not.toBeNull();
      // A follow-up that lands after the resolve opens a new request (a resolved request takes no
      // new messages), so the last message is the latest of those this request holds.
      const held = await storage.db.query<{ last: Date; count: string }>(
        'SELECT max(sent_at) AS last, count(*) AS count FROM customer_messages WHERE request_id = $1',
        [requestId],
      );
      expect(request?.lastMessageAt.getTime(), `${requestId} last message`).toBe(
        new Date(held.rows[0]!.last).getTime(),
      );
      // Nothing lost: all seven messages of the conversation are in its requests.
      const all = await storage.db.query<{ count: string }>(
        'SELECT count(*) AS count FROM customer_messages WHERE conversation = $1 AND request_id IS NOT NULL',
        [request!.conversation],
      );
      expect(Number(all.rows[0]!.count), `${requestId} messages`).toBe(7);
    }
  }, 120_000);
});

function customerMessage(channel: string, n: number, at: Date): CustomerMessageInput {
  const ts = `${Math.floor(at.getTime() / 1000)}.${String(n).padStart(6, '0')}`;
  return {
    id: `slack:${channel}:${ts}`,
    platform: 'slack',
    conversation: `slack:${channel}`,
    thread: `slack:${channel}:${ts}`,
    isReply: false,
    accountId: 'acme',
    author: { id: 'UCUST', name: 'Ann Customer', external: true },
    text: n === 0 ? 'Our invoice shows a double charge.' : `More detail number ${n} about the invoice.`,
    sentAt: at,
  };
}
