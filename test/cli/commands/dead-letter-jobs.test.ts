import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.ts';
import { runCli } from '../../../src/cli/run-cli.ts';
import { JobRunner } from '../../../src/jobs/job-runner.ts';
import { createMetrics } from '../../../src/metrics/create-metrics.ts';
import { refreshDeadLetterGauge } from '../../../src/metrics/refresh-dead-letter-gauge.ts';
import { createDeadLetterStore } from '../../../src/storage/dead-letter-store.ts';
import { openStorage, type Storage } from '../../../src/storage/open-storage.ts';
import { TEST_CONFIG_YAML } from '../../support/test-config.ts';
import { waitFor } from '../../support/wait-for.ts';

async function verbatim(args: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  const io = {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env: { VERBATIM_DATA_DIR: './data', LOG_LEVEL: 'silent' },
    cwd,
  };
  const code = await runCli(args, io, commands);
  return { code, stdout: out, stderr: err };
}

/** Jobs that failed for good, made the way production makes them: a worker that throws. */
async function withJobs<T>(cwd: string, work: (jobs: JobRunner, storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage({ dataDir: join(cwd, 'data') });
  const jobs = new JobRunner({
    storage,
    logger: pino({ level: 'silent' }),
    pollingIntervalSeconds: 0.5,
    schedule: false,
  });
  try {
    await jobs.start();
    return await work(jobs, storage);
  } finally {
    await jobs.stop(2000);
    await storage.close();
  }
}

/** Finding 7 of issue 13: jobs that exhausted their retries sat in pg-boss queues nothing listed. */
describe('verbatim dead-letters with dead jobs', () => {
  let cwd: string;
  let jobIds: string[] = [];

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-dead-jobs-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEST_CONFIG_YAML);
    jobIds = await withJobs(cwd, async (jobs, storage) => {
      // No retries left from the start, so the first failure dead-letters the job.
      await storage.db.query(`UPDATE pgboss.queue SET retry_limit = 0 WHERE name = 'triage'`);
      await jobs.work<{ requestId: string }>('triage', async ({ requestId }) => {
        throw new Error(`analyzer exploded on ${requestId}`);
      });
      await jobs.enqueue('triage', { requestId: 'req_doomed' }, { key: 'conv-a' });
      await jobs.enqueue('triage', { requestId: 'req_junk' }, { key: 'conv-b' });
      await waitFor('two dead letters', async () => (await jobs.deadLetters('triage-dead')).length === 2);
      await createDeadLetterStore(storage.db).keep({
        source: 'email:webhook',
        reason: 'no sender',
        raw: Buffer.from('Subject: x\r\n\r\nbody'),
      });

      const metrics = createMetrics();
      await refreshDeadLetterGauge(metrics, createDeadLetterStore(storage.db), jobs);
      const exposed = await metrics.registry.getSingleMetricAsString('verbatim_dead_letters');
      expect(exposed).toContain('verbatim_dead_letters{kind="job:triage"} 2');
      expect(exposed).toContain('verbatim_dead_letters{kind="email:webhook"} 1');
      expect(exposed).toContain('verbatim_dead_letters{kind="job:deliver"} 0');
      return (await jobs.deadLetters('triage-dead')).map((job) => job.id);
    });
  }, 90_000);

  it('lists dead jobs beside stored dead letters, with their error', async () => {
    const text = await verbatim(['dead-letters'], cwd);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('1 dead letter(s).');
    expect(text.stdout).toContain('Jobs that exhausted their retries:');
    expect(text.stdout).toMatch(/triage .*req_doomed.*analyzer exploded on req_doomed/);

    const listed = JSON.parse((await verbatim(['dead-letters', '--json'], cwd)).stdout) as Array<
      Record<string, unknown>
    >;
    expect(listed.filter((entry) => entry.kind === 'input')).toHaveLength(1);
    const dead = listed.filter((entry) => entry.kind === 'job');
    expect(dead.map((entry) => entry.id).sort()).toEqual([...jobIds].sort());
    expect(
      dead.find((entry) => (entry.data as { requestId: string }).requestId === 'req_doomed'),
    ).toMatchObject({
      queue: 'triage-dead',
      sourceQueue: 'triage',
      error: expect.stringContaining('analyzer exploded on req_doomed'),
    });
  });

  it('shows, retries and discards a dead job', async () => {
    const listed = JSON.parse((await verbatim(['dead-letters', '--json'], cwd)).stdout) as Array<{
      id: string;
      kind: string;
      data: { requestId?: string };
    }>;
    const doomed = listed.find((entry) => entry.kind === 'job' && entry.data.requestId === 'req_doomed')!;
    const junk = listed.find((entry) => entry.kind === 'job' && entry.data.requestId === 'req_junk')!;

    const shown = await verbatim(['dead-letters', 'show', doomed.id], cwd);
    expect(shown.stdout).toMatch(/error: +Error: analyzer exploded on req_doomed/);

    const retried = await verbatim(['dead-letters', 'retry', doomed.id], cwd);
    expect(retried).toMatchObject({ code: 0 });
    expect(retried.stdout).toMatch(/moved back to triage/);
    const discarded = await verbatim(['dead-letters', 'discard', junk.id], cwd);
    expect(discarded.stdout).toMatch(/discarded/);

    await withJobs(cwd, async (jobs, storage) => {
      expect(await jobs.deadLetters('triage-dead')).toEqual([]);
      const queued = await storage.db.query<{ data: { requestId: string } }>(
        `SELECT data FROM pgboss.job WHERE name = 'triage' AND state = 'created'`,
      );
      expect(queued.rows.map((row) => row.data.requestId)).toEqual(['req_doomed']);
    });
    expect((await verbatim(['dead-letters', 'show', junk.id], cwd)).code).toBe(1);
  }, 60_000);

  it('discards a stored dead letter', async () => {
    const listed = JSON.parse((await verbatim(['dead-letters', '--json'], cwd)).stdout) as Array<{
      id: string;
      kind: string;
    }>;
    const input = listed.find((entry) => entry.kind === 'input')!;
    expect((await verbatim(['dead-letters', 'discard', input.id], cwd)).code).toBe(0);
    expect((await verbatim(['dead-letters', 'show', input.id], cwd)).code).toBe(1);
  });
});
