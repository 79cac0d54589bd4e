import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicThemeNamer } from '../../src/analyzers/anthropic-theme-namer.ts';
import { createAnthropicClient } from '../../src/analyzers/create-anthropic-client.ts';
import { logThemeNamingFallback } from '../../src/analyzers/create-theme-namer.ts';
import { parseConfigFile, toDirectory } from '../../src/config/load-config.ts';
import { postDueDigests } from '../../src/core/digest/post-due-digests.ts';
import { createDigestDeps } from '../../src/create-digest-deps.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { registerDigestWorker, runDigestPreparation } from '../../src/jobs/register-digest-worker.ts';
import { createSlackDigestPublisherForToken } from '../../src/slack/slack-digest-publisher.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { memoryLogger } from '../analyzers/analyzer-test-kit.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../fakes/anthropic-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-web-api.ts';
import { seedDigestRequests } from '../support/seed-digest-history.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';
import { openTestStorage } from '../support/test-storage.ts';

const file = parseConfigFile(
  `${TEST_CONFIG_YAML}
digest:
  schedule: '0 9 * * 1'
  timezone: Europe/Helsinki
  destination: { platform: slack, channel: C0LEADERS }
`,
  'digest.yaml',
);
if (!file.ok) throw new Error(JSON.stringify(file.problems));
const config = file.value;
const directory = toDirectory(config);
const silent = pino({ level: 'silent' });
const NAMED = { themes: [{ id: 'theme-1', name: 'Mobile photo upload crashes' }] };
// Monday 09:00 in Helsinki: the runs that post weeks 2026-W47 and 2026-W48.
const DUE_W47 = new Date('2026-11-23T07:00:00Z');
const DUE_W48 = new Date('2026-11-30T07:00:00Z');

describe('digest prepared ahead of posting, themes named through a Message Batch', () => {
  let storage: Storage;
  let slack: FakeSlackApi;
  let anthropic: FakeAnthropic;
  let log: ReturnType<typeof memoryLogger>;

  beforeAll(async () => {
    storage = await openTestStorage('pglite');
    slack = await startFakeSlackApi();
    slack.setConversation('C0LEADERS', { name: 'leaders' });
    const texts = [
      'Photo upload crashes the mobile app',
      'The mobile app crashes on photo upload',
      'Photo upload crashes our mobile app',
    ];
    await seedDigestRequests(
      storage.db,
      [17, 24].flatMap((day) =>
        ['acme', 'pohjola', 'nimbus'].map((account, index) => ({
          id: `r${day}-${index}`,
          account,
          teamId: 'support',
          topics: [],
          priority: 'P3' as const,
          at: new Date(Date.UTC(2026, 10, day + index, 10)),
          text: texts[index]!,
        })),
      ),
    );
  });
  afterAll(async () => {
    await slack?.close();
    await storage?.close();
  });
  beforeEach(async () => {
    anthropic = await startFakeAnthropic({ apiKey: 'sk-test' });
    log = memoryLogger();
  });
  afterEach(() => anthropic.close());

  const deps = (themeBatchWaitMs: number) =>
    createDigestDeps({
      db: storage.db,
      file: config,
      directory,
      publishers: [
        createSlackDigestPublisherForToken({ token: slack.botToken, apiUrl: slack.url, logger: silent }),
      ],
      themeNamer: createAnthropicThemeNamer({
        client: createAnthropicClient({
          apiKey: 'sk-test',
          baseURL: anthropic.baseURL,
          timeoutMs: 2_000,
          maxRetries: 0,
        }),
        model: 'claude-haiku-5-5',
        redactPersonalData: true,
        timeoutMs: 2_000,
        pollIntervalMs: 20,
      }),
      onThemeNamingFallback: logThemeNamingFallback(log.logger),
      themeBatchWaitMs,
    });
  const targets = [{ teamId: null, destination: { platform: 'slack' as const, channel: 'C0LEADERS' } }];
  const latestPost = () =>
    slack
      .messages('C0LEADERS')
      .filter((message) => message.subtype !== 'file_share')
      .at(-1);

  it('a digest-prepare job an hour ahead submits the batch; the posting job posts Claude’s names', async () => {
    const jobs = new JobRunner({ storage, logger: silent, pollingIntervalSeconds: 0.5 });
    try {
      await jobs.start();
      await registerDigestWorker(jobs, {
        deps: deps(2_000),
        targets,
        schedule: config.digest.schedule,
        clock: { now: () => new Date(DUE_W47.getTime() - 50 * 60_000) },
        logger: log.logger,
        cron: false,
        prepareMinutesBefore: config.digest.prepareMinutesBefore,
      });
      await jobs.enqueue('digest-prepare', {});
      const deadline = Date.now() + 25_000;
      while (!log.text().includes('digest prepared ahead of posting') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await jobs.stop(10_000);
    }
    expect(anthropic.batchRequests()).toHaveLength(1);
    expect(anthropic.messageRequests()).toHaveLength(0);

    anthropic.respondWith(NAMED);
    const results = await postDueDigests(deps(2_000), {
      now: new Date(DUE_W47.getTime() + 5_000),
      dueAt: DUE_W47,
      targets,
    });
    expect(results.map((result) => result.outcome)).toEqual(['posted']);
    const post = JSON.stringify(latestPost()?.blocks);
    expect(post).toContain('*Mobile photo upload crashes* · 3 (3) · _named by Claude_');
    expect(anthropic.messageRequests()).toHaveLength(0);
  });

  it('a batch not ended by the posting deadline: posted with key phrases, and the log says so', async () => {
    anthropic.batchPollsBeforeEnd(Number.POSITIVE_INFINITY);
    await runDigestPreparation({
      deps: deps(150),
      targets,
      schedule: config.digest.schedule,
      clock: { now: () => new Date(DUE_W48.getTime() - 30 * 60_000) },
      logger: log.logger,
      prepareMinutesBefore: 60,
    });
    expect(anthropic.batches).toHaveLength(1);

    const results = await postDueDigests(deps(150), {
      now: new Date(DUE_W48.getTime() + 5_000),
      dueAt: DUE_W48,
      targets,
    });
    expect(results.map((result) => result.outcome)).toEqual(['posted']);
    expect(JSON.stringify(latestPost()?.blocks)).toMatch(/· 3 \(3\) · _key phrases_/);
    const warning = log.records().find((record) => record['reason'] === 'batch-not-ended');
    expect(warning).toMatchObject({
      level: 40,
      week: '2026-W48',
      batchId: anthropic.batches[0]!.id,
      msg: expect.stringContaining('had not ended by the posting deadline'),
    });
  });

  it('does not prepare without a lead time or outside it', async () => {
    const options = {
      deps: deps(150),
      targets,
      schedule: config.digest.schedule,
      logger: log.logger,
    };
    await runDigestPreparation({
      ...options,
      clock: { now: () => new Date('2026-12-07T06:30:00Z') },
      prepareMinutesBefore: 0,
    });
    await runDigestPreparation({
      ...options,
      clock: { now: () => new Date('2026-12-07T05:30:00Z') },
      prepareMinutesBefore: 60,
    });
    expect(anthropic.requests).toHaveLength(0);
  });
});
