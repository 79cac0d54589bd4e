import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../src/core/customer-message.ts';
import { ingestMessage } from '../../src/core/pipeline/ingest-message.ts';
import type { PipelineDeps } from '../../src/core/pipeline/pipeline-deps.ts';
import { createJobBackedRequestStore } from '../../src/jobs/job-backed-request-store.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { registerPipelineWorkers } from '../../src/jobs/register-pipeline-workers.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createRecordingNotifier } from '../support/recording-notifier.ts';
import { backends } from '../support/scratch-database.ts';
import { createScriptedAnalyzer } from '../support/scripted-analyzer.ts';
import { testConfig } from '../support/test-config.ts';
import { openTestStorage } from '../support/test-storage.ts';
import { waitFor } from '../support/wait-for.ts';

const logger = pino({ level: 'silent' });
/**
 * Triage jobs are ordered per request. They used to be ordered per customer conversation, and
 * pg-boss keeps a key blocked while one of its jobs is active, waiting for a retry or failed: one
 * request whose triage kept failing (or whose job a killed process held) stopped triage of every
 * later request in that customer's channel, or a mailbox's, for minutes.
 */
describe.each(backends)('triage ordered per request on %s', (backend) => {
  let storage: Storage;
  let jobs: JobRunner;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
    jobs = new JobRunner({ storage, logger, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 });
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop(2000);
    await storage.close();
  });

  it('triages and routes a request while an earlier one of the same conversation keeps failing', async () => {
    const config = testConfig();
    const store = createJobBackedRequestStore(storage.db, jobs);
    const pipeline: PipelineDeps = {
      store,
      directory: config.directory,
      clock: { now: () => new Date('2026-11-23T12:00:00Z') },
      settings: { groupingWindowMinutes: 5, triageDelaySeconds: 0, noisePatterns: [], renewalWindowDays: 90 },
    };
    const failures: string[] = [];
    const analyzer = createScriptedAnalyzer((input) => {
      if (input.text.includes('poison')) {
        failures.push(input.text);
        throw new Error('analyzer down for this request');
      }
      return { priority: 'P3', topics: ['bug'] };
    });
    const notifier = createRecordingNotifier();
    const message = (text: string, sentAt: string): CustomerMessageInput => {
      const ts = `${new Date(sentAt).getTime() / 1000}.000100`;
      return {
        id: `slack:C1LANES:${ts}`,
        platform: 'slack',
        conversation: 'slack:C1LANES',
        thread: `slack:C1LANES:${ts}`,
        isReply: false,
        accountId: 'acme',
        author: { id: 'UCUST', name: 'Ann Customer', external: true },
        text,
        sentAt: new Date(sentAt),
      };
    };
    // Two requests of one conversation (an hour apart, so they do not group), the first one failing.
    const first = await ingestMessage(pipeline, message('The poison export fails.', '2026-11-23T08:00:00Z'));
    const second = await ingestMessage(pipeline, message('Invoices do not load.', '2026-11-23T09:00:00Z'));
    expect(first).toMatchObject({ status: 'accepted' });
    expect(second).toMatchObject({ status: 'accepted' });

    await registerPipelineWorkers(jobs, {
      triage: { ...pipeline, analyzer },
      delivery: { ...pipeline, notifiers: [notifier] },
      metrics: createMetrics(),
      logger,
    });

    await waitFor('a routed post', () => notifier.posts.some((post) => post.kind === 'routed-post'), 30_000);
    expect(notifier.posts.map((post) => post.view?.requestId)).toEqual([
      (second as { requestId: string }).requestId,
    ]);
    // The failing request was tried and is still waiting for its retry, not skipped.
    expect(failures.length).toBeGreaterThan(0);
    const failing = await store.getRequest((first as { requestId: string }).requestId);
    expect(failing?.analysis).toBeNull();
  }, 60_000);
});
