import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import { openStorage } from '../../src/storage/open-storage.ts';

const logger = pino({ level: 'silent' });

describe('job runner polling on PGlite', () => {
  it('polls each singleton (cron) queue with one slot, not eight', async () => {
    const storage = await openStorage({ dataDir: null });
    if (storage.jobs.kind !== 'pglite') throw new Error('expected PGlite');
    const connection = storage.jobs.pglite;
    let fetches = 0;
    // Every statement pg-boss sends, counted on its way to the one connection.
    const counting = {
      ...connection,
      query: <T>(sql: string, params?: unknown[]) => {
        if (/WITH\s+next\s+AS/.test(sql)) fetches += 1;
        return connection.query<T>(sql, params);
      },
      exec: (sql: string) => {
        if (/WITH\s+next\s+AS/.test(sql)) fetches += 1;
        return connection.exec(sql);
      },
    };
    const jobs = new JobRunner({
      storage: { ...storage, jobs: { kind: 'pglite', pglite: counting } },
      logger,
      pollingIntervalSeconds: 0.5,
      schedule: false,
    });
    try {
      await jobs.start();
      const singletons = Object.values(QUEUES).filter((queue) => queue.policy === 'singleton');
      for (const queue of singletons) await jobs.work(queue.name, async () => {});
      fetches = 0;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      // One slot per queue polls about four times in 2 s at 0.5 s; eight slots would be eight times that.
      expect(fetches).toBeGreaterThan(0);
      expect(fetches).toBeLessThanOrEqual(singletons.length * 6);
    } finally {
      await jobs.stop(2000);
      await storage.close();
    }
  }, 120_000);
});

describe('waking a job runner slot', () => {
  it('has an idle slot fetch a job just committed now, not at its next poll', async () => {
    const storage = await openStorage({ dataDir: null });
    const jobs = new JobRunner({ storage, logger, pollingIntervalSeconds: 10, schedule: false });
    try {
      await jobs.start();
      const handled: number[] = [];
      await jobs.work<{ requestId: string }>(QUEUES.deliver.name, async () => {
        handled.push(performance.now());
      });
      // Every slot has polled once, found nothing and waits 10 s for its next poll.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const sent = performance.now();
      await jobs.enqueue(QUEUES.deliver.name, { requestId: 'r1' }, { key: 'r1' });
      jobs.wake(QUEUES.deliver.name);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(handled).toHaveLength(1);
      expect((handled[0] ?? Number.POSITIVE_INFINITY) - sent).toBeLessThan(2_000);
    } finally {
      await jobs.stop(2000);
      await storage.close();
    }
  }, 120_000);
});
