import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';

// Two worker processes share one PostgreSQL; a schedule ticking every minute (pg-boss schedules
// have minute granularity) must run once per tick, not once per process.
const worker = (name: string, url: string) => `
import pino from 'pino';
import pg from 'pg';
import { JobRunner } from ${JSON.stringify(join(process.cwd(), 'src/jobs/job-runner.ts'))};
import { openStorage } from ${JSON.stringify(join(process.cwd(), 'src/storage/open-storage.ts'))};
const storage = await openStorage({ databaseUrl: ${JSON.stringify(url)}, dataDir: null });
const jobs = new JobRunner({ storage, logger: pino({ level: 'silent' }), pollingIntervalSeconds: 0.5, cronWorkerIntervalSeconds: 1 });
await jobs.start();
await jobs.work('sla-tick', async (_data, context) => {
  await storage.db.query('INSERT INTO tick_log (worker, job_id) VALUES ($1, $2)', [${JSON.stringify(name)}, context.jobId]);
});
await jobs.schedule('sla-tick', '* * * * *', 'Europe/Helsinki');
process.stdout.write('ready\\n');
process.on('SIGTERM', async () => { await jobs.stop(2000); await storage.close(); process.exit(0); });
`;

describe.skipIf(!TEST_DATABASE_URL)('scheduled jobs across two worker processes', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    await client.query(
      'CREATE TABLE tick_log (worker text, job_id text, tick text, at timestamptz DEFAULT now())',
    );
    await client.end();
  });
  afterAll(async () => {
    await scratch.drop();
  });

  it('runs each tick once, not once per process', async () => {
    // Start early in a minute, so the tick of the current minute (run at start) and the next one
    // are well apart and a double run of either shows as two runs close together.
    while (new Date().getSeconds() < 2 || new Date().getSeconds() > 25) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const children = ['a', 'b'].map((name) =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', worker(name, scratch.url)], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    // A worker that dies before it is ready fails the test instead of leaving it waiting.
    const ready = await Promise.all(
      children.map(
        (child) =>
          new Promise<boolean>((resolve) => {
            child.stdout?.on('data', (chunk) => String(chunk).includes('ready') && resolve(true));
            child.on('exit', () => resolve(false));
          }),
      ),
    );
    if (!ready.every(Boolean)) for (const child of children) child.kill('SIGKILL');
    expect(ready).toEqual([true, true]);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const runs = async () =>
      (await client.query<{ at: Date; job_id: string }>('SELECT at, job_id FROM tick_log ORDER BY at')).rows;
    const deadline = Date.now() + 100_000;
    while ((await runs()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    // Give the other process every chance to run the same tick a second time.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    for (const child of children) child.kill('SIGTERM');
    const forceKill = setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
    }, 10_000);
    await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
    clearTimeout(forceKill);
    const rows = await runs();
    await client.end();
    // The tick of the starting minute and the next one: two runs, a whole tick apart.
    expect(rows).toHaveLength(2);
    expect(rows[1]!.at.getTime() - rows[0]!.at.getTime()).toBeGreaterThan(20_000);
  }, 180_000);
});
