import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { backends } from '../support/scratch-database.ts';
import { openTestStorage } from '../support/test-storage.ts';

describe.each(backends)('stopping the job runner on %s', (backend) => {
  it('stops taking work but lets the job in flight finish before it closes', async () => {
    const storage = await openTestStorage(backend);
    try {
      const logger = pino({ level: 'silent' });
      const jobs = new JobRunner({ storage, logger, pollingIntervalSeconds: 0.5 });
      await jobs.start();
      const events: string[] = [];
      let started!: () => void;
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      // One slot: with more, a free slot may legitimately take 'later' before stop() is called.
      await jobs.work<{ requestId: string }>(
        'deliver',
        async ({ requestId }) => {
          events.push(`start ${requestId}`);
          started();
          await new Promise((resolve) => setTimeout(resolve, 1500));
          events.push(`finish ${requestId}`);
        },
        { batchSize: 1 },
      );
      await jobs.enqueue('deliver', { requestId: 'slow' }, { key: 'a' });
      await running;
      await jobs.enqueue('deliver', { requestId: 'later' }, { key: 'b' });
      await jobs.stop(10_000);
      events.push('stopped');
      expect(events).toEqual(['start slow', 'finish slow', 'stopped']);

      // The job that finished is not run again after a restart; the one never started is.
      const again = new JobRunner({ storage, logger, pollingIntervalSeconds: 0.5 });
      await again.start();
      const seen: string[] = [];
      await again.work<{ requestId: string }>('deliver', async ({ requestId }) => {
        seen.push(requestId);
      });
      const deadline = Date.now() + 10_000;
      while (!seen.includes('later') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await again.stop(2000);
      expect(seen).toEqual(['later']);
    } finally {
      await storage.close();
    }
  }, 60_000);
});
