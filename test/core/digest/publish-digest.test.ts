import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigFile, toDirectory } from '../../../src/config/load-config.ts';
import { publishDigest } from '../../../src/core/digest/publish-digest.ts';
import { createDigestDeps } from '../../../src/create-digest-deps.ts';
import { createSlackDigestPublisherForToken } from '../../../src/slack/slack-digest-publisher.ts';
import { openStorage, type Storage } from '../../../src/storage/open-storage.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-web-api.ts';
import { seedDigestRequests } from '../../support/seed-digest-history.ts';
import { TEST_CONFIG_YAML } from '../../support/test-config.ts';

const file = parseConfigFile(TEST_CONFIG_YAML, 'c.yaml');
if (!file.ok) throw new Error('test config invalid');
const WEEK = { year: 2026, week: 47 };
const NOW = new Date('2026-11-23T08:00:00Z');

describe('publishDigest', () => {
  let storage: Storage;
  let slack: FakeSlackApi;
  beforeAll(async () => {
    storage = await openStorage({ dataDir: null });
    slack = await startFakeSlackApi();
    slack.setConversation('C0LEADERS', { name: 'leaders' });
    await seedDigestRequests(
      storage.db,
      ['acme', 'pohjola', 'nimbus'].map((account, index) => ({
        id: `r${index}`,
        account,
        teamId: 'engineering',
        topics: ['outage'],
        priority: 'P1' as const,
        at: new Date(Date.UTC(2026, 10, 17, 9 + index)),
        text: `Down (${account})`,
      })),
    );
  });
  afterAll(async () => {
    await storage?.close();
    await slack?.close();
  });

  it('posts without the chart when rendering fails, and says so', async () => {
    const errors: unknown[] = [];
    const deps = {
      ...createDigestDeps({
        db: storage.db,
        file: file.value,
        directory: toDirectory(file.value),
        publishers: [
          createSlackDigestPublisherForToken({
            token: slack.botToken,
            apiUrl: slack.url,
            logger: pino({ level: 'silent' }),
          }),
        ],
      }),
      chart: {
        render: async () => {
          throw new Error('resvg exploded');
        },
      },
      onChartError: (error: unknown) => errors.push(error),
    };
    const outcome = await publishDigest(deps, {
      week: WEEK,
      teamId: null,
      destination: { platform: 'slack', channel: 'C0LEADERS' },
      now: NOW,
      late: false,
    });
    expect(outcome).toMatchObject({ status: 'posted', chartPosted: false });
    expect(errors).toHaveLength(1);
    const [post] = slack.messages('C0LEADERS');
    expect(JSON.stringify(post?.blocks)).toContain('The chart could not be rendered this time');
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('refuses to post without an adapter for the destination platform', async () => {
    const deps = createDigestDeps({
      db: storage.db,
      file: file.value,
      directory: toDirectory(file.value),
      publishers: [],
    });
    await expect(
      publishDigest(deps, {
        week: WEEK,
        teamId: null,
        destination: { platform: 'teams', conversationId: '19:abc' },
        now: NOW,
        late: false,
      }),
    ).rejects.toThrow('no teams adapter is configured to post the digest');
  });
});
