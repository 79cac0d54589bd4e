import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { backends } from '../support/scratch-database.ts';
import { openTestStorage } from '../support/test-storage.ts';
import { waitFor } from '../support/wait-for.ts';

const logger = pino({ level: 'silent' });

describe.each(backends)('job runner on %s', (backend) => {
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

  it('retries a failing job with backoff until it succeeds', async () => {
    const attempts: number[] = [];
    await jobs.work<{ requestId: string }>('triage', async (data, context) => {
      if (data.requestId !== 'flaky') return;
      attempts.push(context.retryCount);
      if (context.retryCount < 1) throw new Error('transient');
    });
    await jobs.enqueue('triage', { requestId: 'flaky' }, { key: 'conv-1' });
    await waitFor('a second attempt', () => attempts.length >= 2);
    expect(attempts).toEqual([0, 1]);
  });

  it('moves a job that keeps failing to its dead-letter queue, payload intact', async () => {
    await jobs.work<{ requestId: string }>('digest', async () => {
      throw new Error('always fails');
    });
    await jobs.enqueue('digest', { requestId: 'doomed' });
    await waitFor('a dead letter', async () => (await jobs.deadLetters('digest-dead')).length > 0, 40_000);
    expect((await jobs.deadLetters('digest-dead'))[0]?.data).toEqual({ requestId: 'doomed' });
  }, 60_000);

  it('completes a job inside a transaction only when it commits', async () => {
    const attempts: number[] = [];
    await jobs.work('health-snapshot', async (_data, context) => {
      attempts.push(context.retryCount);
      const job = { id: context.jobId, retryCount: context.retryCount };
      await storage.db.transaction(async (tx) => {
        await jobs.completeWithin(tx, 'health-snapshot', job);
        if (context.retryCount === 0) throw new Error('rolled back, and the completion with it');
      });
      // Completed with that commit: a failure after it neither retries nor dead-letters the job.
      throw new Error('after the commit');
    });
    await jobs.enqueue('health-snapshot', {});
    await waitFor('a second attempt', () => attempts.length >= 2);
    // A third attempt would come after the backoff (2 s) and a poll.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(attempts).toEqual([0, 1]);
  });

  it('enqueues inside a transaction only when it commits', async () => {
    const seen: string[] = [];
    await jobs.work<{ requestId: string }>('deliver', async (data) => {
      seen.push(data.requestId);
    });
    await storage.db
      .transaction(async (tx) => {
        await jobs.enqueueWithin(tx, 'deliver', { requestId: 'rolled-back' }, { key: 'r1' });
        throw new Error('abort');
      })
      .catch(() => {});
    await storage.db.transaction(async (tx) => {
      await jobs.enqueueWithin(tx, 'deliver', { requestId: 'committed' }, { key: 'r2' });
    });
    await waitFor('the committed job', () => seen.includes('committed'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(seen).not.toContain('rolled-back');
  });
});
