import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigFile, toDirectory } from '../../src/config/load-config.ts';
import { postDueDigests } from '../../src/core/digest/post-due-digests.ts';
import { createDigestDeps } from '../../src/create-digest-deps.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { previousScheduledRun, registerDigestWorker } from '../../src/jobs/register-digest-worker.ts';
import { createSlackDigestPublisherForToken } from '../../src/slack/slack-digest-publisher.ts';
import { openStorage, type Storage } from '../../src/storage/open-storage.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-web-api.ts';
import { backends, createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';
import { seedDigestRequests } from '../support/seed-digest-history.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';

const file = parseConfigFile(
  `${TEST_CONFIG_YAML}
digest:
  schedule: '0 9 * * 1'
  timezone: Europe/Helsinki
  destination: { platform: slack, channel: C0LEADERS }
  teams: [support]
`,
  'digest.yaml',
);
if (!file.ok) throw new Error(JSON.stringify(file.problems));
const config = file.value;
const directory = toDirectory(config);
const logger = pino({ level: 'silent' });
const targets = [
  { teamId: null, destination: { platform: 'slack' as const, channel: 'C0LEADERS' } },
  { teamId: 'support', destination: { platform: 'slack' as const, channel: 'C0SUPPORT' } },
];
// Monday 23 November 2026, 09:00 in Helsinki: the run that posts week 2026-W47.
const DUE = new Date('2026-11-23T07:00:00Z');

describe('previousScheduledRun', () => {
  it('finds the latest cron run in the digest time zone, across DST', () => {
    expect(previousScheduledRun('0 9 * * 1', 'Europe/Helsinki', new Date('2026-11-25T10:00:00Z'))).toEqual(
      DUE,
    );
    expect(previousScheduledRun('0 9 * * 1', 'Europe/Helsinki', new Date('2026-03-31T12:00:00Z'))).toEqual(
      new Date('2026-03-30T06:00:00Z'),
    );
  });
});

describe.each(backends)('weekly digest schedule (%s)', (backend) => {
  let slack: FakeSlackApi;
  let storages: Storage[] = [];
  let drop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    slack.setConversation('C0LEADERS', { name: 'leaders' });
    slack.setConversation('C0SUPPORT', { name: 'support' });
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      drop = scratch.drop;
      // Two workers: two connection pools to one PostgreSQL.
      storages = [
        await openStorage({ databaseUrl: scratch.url, dataDir: null }),
        await openStorage({ databaseUrl: scratch.url, dataDir: null }),
      ];
    } else {
      const storage = await openStorage({ dataDir: null });
      storages = [storage, storage];
    }
    await seedDigestRequests(
      storages[0]!.db,
      ['acme', 'pohjola', 'nimbus'].map((account, index) => ({
        id: `r${index}`,
        account,
        teamId: 'support',
        topics: ['bug'],
        priority: 'P2' as const,
        at: new Date(Date.UTC(2026, 10, 17 + index, 10)),
        text: `It is broken (${account})`,
      })),
    );
  });
  afterAll(async () => {
    for (const storage of new Set(storages)) await storage.close();
    await drop?.();
    await slack?.close();
  });

  const worker = (storage: Storage) =>
    createDigestDeps({
      db: storage.db,
      file: config,
      directory,
      publishers: [createSlackDigestPublisherForToken({ token: slack.botToken, apiUrl: slack.url, logger })],
    });

  it('posts once per week per destination across two workers and a restart', async () => {
    const now = new Date(DUE.getTime() + 5_000);
    const [a, b] = await Promise.all(
      storages.map((storage) => postDueDigests(worker(storage), { now, dueAt: DUE, targets })),
    );
    const outcomes = [...a!, ...b!].map((result) => `${result.target} ${result.outcome}`).sort();
    expect(outcomes.filter((outcome) => outcome.endsWith(' posted'))).toEqual([
      'slack:C0LEADERS posted',
      'slack:C0SUPPORT posted',
    ]);
    expect(outcomes.filter((outcome) => outcome.endsWith(' failed'))).toEqual([]);
    expect(slack.messages('C0LEADERS').filter((message) => message.subtype !== 'file_share')).toHaveLength(1);
    expect(slack.messages('C0SUPPORT').filter((message) => message.subtype !== 'file_share')).toHaveLength(1);

    // A restarted worker (fresh dependencies) ticking again finds the week posted.
    const again = await postDueDigests(worker(storages[1]!), {
      now: new Date(DUE.getTime() + 60_000),
      dueAt: DUE,
      targets,
    });
    expect(again.map((result) => result.outcome)).toEqual(['already-posted', 'already-posted']);
    expect(slack.messages('C0LEADERS').filter((message) => message.subtype !== 'file_share')).toHaveLength(1);
  });

  it('posts the team slice in the team language', () => {
    const [post] = slack.messages('C0SUPPORT');
    expect(post?.text).toBe('Viikkokooste 2026-W47 · Support');
    expect(JSON.stringify(post?.blocks)).toContain('It is broken');
  });

  it('posts a week missed during downtime once, marked late', async () => {
    const dueAt = new Date('2026-11-30T07:00:00Z');
    const now = new Date('2026-12-01T12:00:00Z');
    const results = await postDueDigests(worker(storages[0]!), { now, dueAt, targets: targets.slice(0, 1) });
    expect(results).toEqual([{ week: '2026-W48', target: 'slack:C0LEADERS', late: true, outcome: 'posted' }]);
    const posts = slack.messages('C0LEADERS').filter((message) => message.subtype !== 'file_share');
    const late = posts.find((message) => message.text?.startsWith('Weekly digest 2026-W48'));
    expect(JSON.stringify(late?.blocks)).toContain('Posted late');
    const twice = await postDueDigests(worker(storages[1]!), { now, dueAt, targets: targets.slice(0, 1) });
    expect(twice[0]?.outcome).toBe('already-posted');
  });

  it("runs from the digest queue: a job posts the week due at the schedule's last run", async () => {
    if (backend !== 'pglite') return;
    const storage = storages[0]!;
    const logLines: string[] = [];
    const jobs = new JobRunner({ storage, logger, pollingIntervalSeconds: 0.5 });
    try {
      await jobs.start();
      slack.setConversation('C0JOBS', { name: 'jobs' });
      await registerDigestWorker(jobs, {
        deps: worker(storage),
        targets: [{ teamId: null, destination: { platform: 'slack', channel: 'C0JOBS' } }],
        schedule: config.digest.schedule,
        clock: { now: () => new Date(DUE.getTime() + 60_000) },
        logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }),
        cron: false,
      });
      await jobs.enqueue('digest', {});
      // Wait for the worker's own log line, written after the post is recorded, so stopping does not cut it off.
      const deadline = Date.now() + 25_000;
      while (!logLines.some((line) => line.includes('digest posted')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(slack.messages('C0JOBS')[0]?.text).toBe('Weekly digest 2026-W47');
    } finally {
      await jobs.stop(10_000);
    }
  });
});
