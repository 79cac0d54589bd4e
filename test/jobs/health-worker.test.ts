import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountMatcher } from '../../src/accounts/create-account-matcher.ts';
import type { Account } from '../../src/core/directory.ts';
import type { HealthDeps } from '../../src/core/health/explain-account.ts';
import { DEFAULT_HEALTH_MODEL } from '../../src/core/health/health-model.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { registerHealthWorker } from '../../src/jobs/register-health-worker.ts';
import { createHealthStore } from '../../src/storage/health-store.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { seedDecliningAccount } from '../support/seed-health-data.ts';
import { openTestStorage } from '../support/test-storage.ts';

const NOW = new Date('2026-11-23T01:00:00Z');
const accounts: Account[] = [
  { id: 'acme', name: 'Acme', domains: [], channels: ['slack:C1'], tier: 'growth', routing: {} },
  { id: 'quiet', name: 'Quiet', domains: [], channels: [], tier: 'starter', routing: {} },
];

describe('health snapshot worker', () => {
  let storage: Storage;
  let jobs: JobRunner;
  beforeAll(async () => {
    storage = await openTestStorage('pglite');
    jobs = new JobRunner({ storage, logger: pino({ level: 'silent' }), pollingIntervalSeconds: 0.5 });
    await jobs.start();
    await seedDecliningAccount(storage.db, 'acme', NOW);
  });
  afterAll(async () => {
    await jobs.stop(2000);
    await storage.close();
  });

  it('schedules the nightly snapshot once and stores a snapshot per account when the job runs', async () => {
    const health: HealthDeps = {
      store: createHealthStore(storage.db),
      accounts: () => accounts,
      match: createAccountMatcher(() => accounts),
      model: DEFAULT_HEALTH_MODEL,
      clock: { now: () => NOW },
    };
    await registerHealthWorker(jobs, {
      health,
      alerts: () => null,
      alertSettings: { channel: null, cooldownHours: 72, announceImprovements: false },
      cron: '0 3 * * *',
      timezone: 'Europe/Helsinki',
      logger: pino({ level: 'silent' }),
    });
    const schedules = await storage.db.query('SELECT name, cron, timezone FROM pgboss.schedule');
    expect(schedules.rows).toEqual([
      { name: 'health-snapshot', cron: '0 3 * * *', timezone: 'Europe/Helsinki' },
    ]);
    await jobs.enqueue('health-snapshot', {});
    const deadline = Date.now() + 30_000;
    let rows: Array<{ account_id: string; score: number | null; band: string | null }> = [];
    while (rows.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rows = (
        await storage.db.query<{ account_id: string; score: number | null; band: string | null }>(
          'SELECT account_id, score, band FROM health_snapshots ORDER BY account_id',
        )
      ).rows;
    }
    expect(rows).toEqual([
      {
        account_id: 'acme',
        score: expect.any(Number),
        band: expect.stringMatching(/watch|at-risk|critical/),
      },
      { account_id: 'quiet', score: null, band: null },
    ]);
  });
});
