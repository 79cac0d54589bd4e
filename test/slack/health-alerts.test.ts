import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import { DEFAULT_HEALTH_MODEL, modelVersion } from '../../src/core/health/health-model.ts';
import { createSlackAdapter } from '../../src/slack/create-slack-adapter.ts';
import { SLACK_BOT_SCOPES } from '../../src/slack/slack-app-requirements.ts';
import { createHealthStore } from '../../src/storage/health-store.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack-fake.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';
import { seedDecliningAccount } from '../support/seed-health-data.ts';
import { TEST_CONFIG_YAML, testConfig } from '../support/test-config.ts';
import { BOT_USER, SIGNING_SECRET, TEAM_ID } from './slack-harness.ts';

const YAML = `${TEST_CONFIG_YAML.replace(
  '    tier: enterprise\n    arr: 120000',
  '    owner: U0OWNER\n    tier: enterprise\n    arr: 120000',
)}
churn:
  alertChannel: { platform: slack, channel: C0CS }
  alertCooldownHours: 72
`;

// Two replicas on one PostgreSQL when TEST_DATABASE_URL is set (the real multi-worker case);
// otherwise two concurrent runs in one process on PGlite, which the same SQL claim must also hold.
describe(`at-risk alerts (${TEST_DATABASE_URL ? 'two replicas on PostgreSQL' : 'two concurrent runs on PGlite'})`, () => {
  let slack: FakeSlack;
  let workers: Verbatim[];
  let drop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    slack = await startFakeSlack({
      api: {
        team: { teamId: TEAM_ID, botUserId: BOT_USER, botId: 'B0VERBATIM', domain: 'verbatim' },
        scopes: [...SLACK_BOT_SCOPES],
      },
    });
    slack.api.setConversation('C0CS', { name: 'customer-success' });
    slack.api.setConversation('C1ACME', { name: 'acme-verbatim', is_shared: true, is_ext_shared: true });
    let databaseUrl: string | undefined;
    if (TEST_DATABASE_URL) {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL);
      databaseUrl = scratch.url;
      drop = scratch.drop;
    }
    const config = testConfig({
      yaml: YAML,
      env: {
        SLACK_BOT_TOKEN: slack.api.botToken,
        SLACK_API_URL: slack.api.url,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
    });
    const start = () =>
      startVerbatim({
        config,
        listen: false,
        workers: false,
        adapters: [(context) => createSlackAdapter(context)],
      });
    const first = await start();
    workers = databaseUrl ? [first, await start()] : [first, first];
    const { db } = first.storage;
    const now = new Date();
    await seedDecliningAccount(db, 'acme', now);
    // Yesterday acme was healthy: today's snapshot is a band change.
    await createHealthStore(db).saveSnapshot({
      accountId: 'acme',
      day: new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10),
      score: 90,
      band: 'healthy',
      factors: { stakeholders: { points: 10, maxPoints: 10, reason: 'No contacts left in 90 days' } },
      topReason: null,
      modelVersion: modelVersion(DEFAULT_HEALTH_MODEL),
    });
  });
  afterAll(async () => {
    for (const worker of new Set(workers)) await worker.stop();
    await drop?.();
    await slack?.close();
  });

  it('alerts the owner and the CS channel once, with what moved and the customer’s words', async () => {
    const runs = await Promise.all(workers.map((worker) => worker.takeHealthSnapshots()));
    expect(runs.flatMap((run) => run.transitions.map((transition) => transition.accountId))).toContain(
      'acme',
    );
    expect(runs.flatMap((run) => run.alerted)).toEqual(['acme']);
    const dm = slack.api.messages('D0OWNER');
    const channel = slack.api.messages('C0CS');
    expect(dm).toHaveLength(1);
    expect(channel).toHaveLength(1);
    expect(channel[0]!.text).toMatch(/^Acme Logistics is now (watch|at-risk|critical) \(was healthy\)$/);
    const blocks = JSON.stringify(channel[0]!.blocks);
    expect(blocks).toMatch(/What moved/);
    expect(blocks).toMatch(/Zendesk offered us the same for half the price|the third time we report this/);
  });

  it('does not alert the same transition again when the job runs again', async () => {
    const again = await workers[1]!.takeHealthSnapshots();
    expect(again.alerted).toEqual([]);
    expect(slack.api.messages('C0CS')).toHaveLength(1);
  });
});
