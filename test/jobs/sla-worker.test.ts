import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage } from '../../src/core/pipeline/ingest-message.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { registerSlaWorker, SLA_TICK_CRON } from '../../src/jobs/register-sla-worker.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createSlaWorld, hel, staffReply } from '../core/pipeline/check-sla-kit.ts';
import { backends } from '../support/scratch-database.ts';
import { openTestStorage } from '../support/test-storage.ts';
import { waitFor } from '../support/wait-for.ts';

describe.each(backends)('SLA worker on %s', (backend) => {
  let storage: Storage;
  let jobs: JobRunner;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
    jobs = new JobRunner({ storage, logger: pino({ level: 'silent' }), pollingIntervalSeconds: 0.5 });
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop(2000);
    await storage.close();
  });

  it('schedules a tick every minute and turns each tick into nudges, metrics and measurements', async () => {
    const world = createSlaWorld(storage.db);
    const metrics = createMetrics();
    const { requestId, message } = await world.route(hel('2026-11-23 08:00'), 'P2');
    await registerSlaWorker(jobs, {
      db: storage.db,
      store: world.sla.requests,
      directory: world.config.directory,
      clock: world.sla.clock,
      notifiers: world.sla.notifiers,
      settings: world.config.file,
      metrics,
      logger: pino({ level: 'silent' }),
    });
    const schedules = await storage.db.query<{ name: string; cron: string; timezone: string }>(
      'SELECT name, cron, timezone FROM pgboss.schedule',
    );
    expect(schedules.rows).toEqual([{ name: 'sla-tick', cron: SLA_TICK_CRON, timezone: 'Europe/Helsinki' }]);

    world.setNow(hel('2026-11-23 09:30'));
    await jobs.enqueue('sla-tick', {});
    await waitFor('one SLA note', () => world.slaNotes().length === 1);
    expect(world.slaNotes()[0]?.deliveryKey).toBe(`sla:${requestId}:warning:1`);
    await waitFor('the nudge counted', async () =>
      (await metrics.nudges.get()).values.some((value) => value.value === 1),
    );
    expect((await metrics.nudges.get()).values).toEqual([{ value: 1, labels: { kind: 'warning' } }]);

    world.setNow(hel('2026-11-23 09:45'));
    await ingestMessage(world.pipeline, staffReply(message, hel('2026-11-23 09:45')));
    await jobs.enqueue('sla-tick', {});
    const observed = async () =>
      (await metrics.firstResponse.get()).values.find((value) => value.metricName?.endsWith('_sum'));
    await waitFor('the observation', async () => (await observed()) !== undefined);
    expect(await observed()).toMatchObject({ value: 105, labels: { priority: 'P2' } });
  });
});
