import type { Analysis } from '../../src/core/analysis.ts';
import type { CustomerMessageInput } from '../../src/core/customer-message.ts';
import { applyRequestCommand } from '../../src/core/pipeline/apply-request-command.ts';
import { deliverRequest } from '../../src/core/pipeline/deliver-request.ts';
import { ingestMessage } from '../../src/core/pipeline/ingest-message.ts';
import type { PipelineDeps } from '../../src/core/pipeline/pipeline-deps.ts';
import { triageRequest } from '../../src/core/pipeline/triage-request.ts';
import type { Notifier } from '../../src/core/ports.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createRequestStore } from '../../src/storage/request-store.ts';
import { createScriptedAnalyzer } from './scripted-analyzer.ts';
import { testConfig } from './test-config.ts';

/**
 * Runs one request through the real pipeline functions against real storage: two customer
 * messages (so it is triaged, then re-triaged), routed, then claimed by a team member. Jobs are
 * not run; the steps are called in order.
 */
export async function seedRequestHistory(
  storage: Storage,
  options: {
    notifier: Notifier;
    channel?: string;
    author?: CustomerMessageInput['author'];
    texts?: [string, string];
    analysis?: Partial<Analysis>;
    at?: Date;
    /** Another organisation (e.g. Teams destinations); the test config by default. */
    config?: ReturnType<typeof testConfig>;
  },
): Promise<{ requestId: string; messageIds: string[]; deps: PipelineDeps }> {
  const config = options.config ?? testConfig();
  const channel = options.channel ?? 'C1ACME';
  let now = options.at ?? new Date('2026-11-23T08:00:00Z');
  const deps: PipelineDeps = {
    store: createRequestStore(storage.db, async () => {}),
    directory: config.directory,
    clock: { now: () => now },
    settings: { groupingWindowMinutes: 5, triageDelaySeconds: 0, noisePatterns: [], renewalWindowDays: 90 },
  };
  const author = options.author ?? {
    id: 'UANN',
    name: 'Ann Customer',
    email: 'ann@acme-logistics.example',
    external: true,
  };
  const texts = options.texts ?? [
    'Production is down for all our users since 9:00.',
    'We have told you this before: the same outage happened last month.',
  ];
  const base = Math.floor(now.getTime() / 1000);
  const message = (index: number): CustomerMessageInput => ({
    id: `slack:${channel}:${base + index}.000100`,
    platform: 'slack',
    conversation: `slack:${channel}`,
    thread: `slack:${channel}:${base + index}.000100`,
    isReply: false,
    accountId: 'acme',
    author,
    text: texts[index]!,
    sentAt: new Date(now.getTime() + index * 60_000),
  });
  const analyzer = createScriptedAnalyzer({
    priority: 'P3',
    topics: ['outage'],
    trace: {
      promptVersion: 'scripted-v1',
      inputHash: 'abc123',
      redactions: 2,
      latencyMs: 42,
      providerRequestId: 'req_provider_1',
      calls: 1,
    },
    usage: {
      inputTokens: 1200,
      outputTokens: 150,
      cacheReadTokens: 1000,
      cacheWriteTokens: 0,
      costUsd: 0.0012,
    },
    churnSignals: [{ driver: 'unheard-voice', phrase: 'We have told you this before' }],
    // The model answers in every team language at once, so routing to an English team costs no second call.
    translations: [{ language: 'en', summary: 'Production down since 9:00.', priorityReason: 'Outage.' }],
    ...options.analysis,
  });
  const first = (await ingestMessage(deps, message(0))) as { requestId: string; messageId: string };
  await triageRequest({ ...deps, analyzer }, first.requestId);
  now = new Date(now.getTime() + 60_000);
  const second = (await ingestMessage(deps, message(1))) as { requestId: string; messageId: string };
  await triageRequest({ ...deps, analyzer }, first.requestId);
  now = new Date(now.getTime() + 60_000);
  await deliverRequest(
    { ...deps, notifiers: [options.notifier] },
    { requestId: first.requestId, kind: 'post' },
  );
  now = new Date(now.getTime() + 60_000);
  await applyRequestCommand(deps, {
    requestId: first.requestId,
    command: { kind: 'claim' },
    actor: { id: 'USTAFF', name: 'Sam Staff' },
  });
  return { requestId: first.requestId, messageIds: [first.messageId, second.messageId], deps };
}
