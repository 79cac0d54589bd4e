import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import { createRecordingNotifier } from '../support/recording-notifier.ts';
import { testConfig } from '../support/test-config.ts';

// The whole app registers the daily retention job; a run removes what expired.
describe('retention job', () => {
  let verbatim: Verbatim;

  beforeAll(async () => {
    verbatim = await startVerbatim({
      config: testConfig(),
      listen: false,
      fallbackNotifiers: [createRecordingNotifier()],
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(() => verbatim.stop());

  it('is scheduled daily and, when it runs, prunes expired rows', async () => {
    const schedules = await verbatim.storage.db.query<{ name: string; cron: string }>(
      `SELECT name, cron FROM pgboss.schedule WHERE name = 'retention'`,
    );
    expect(schedules.rows).toEqual([{ name: 'retention', cron: '17 3 * * *' }]);
    await verbatim.storage.db.query(
      `INSERT INTO once_claims (key, claimed_at) VALUES ('ancient', now() - interval '400 days'), ('fresh', now())`,
    );
    await verbatim.jobs.enqueue('retention', {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const left = await verbatim.storage.db.query<{ key: string }>(
        'SELECT key FROM once_claims ORDER BY key',
      );
      if (!left.rows.some((row) => row.key === 'ancient')) {
        expect(left.rows.map((row) => row.key)).toContain('fresh');
        break;
      }
      if (Date.now() > deadline) throw new Error('retention job did not run');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('gives the embedded database planner statistics (PGlite has no autovacuum)', async () => {
    const analyzed = async () =>
      (
        await verbatim.storage.db.query(
          `SELECT 1 FROM pg_stats WHERE schemaname = 'public' AND tablename = 'once_claims'`,
        )
      ).rows.length > 0;
    expect(verbatim.storage.db.kind).toBe('pglite');
    await verbatim.storage.db.query(`INSERT INTO once_claims (key, claimed_at) VALUES ('kept', now())`);
    await verbatim.jobs.enqueue('retention', {});
    const deadline = Date.now() + 20_000;
    while (!(await analyzed())) {
      if (Date.now() > deadline) throw new Error('the retention job did not analyze the embedded database');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});
