import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigFile, toDirectory } from '../../../src/config/load-config.ts';
import { postDueDigests } from '../../../src/core/digest/post-due-digests.ts';
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

  const digestPosts = (channel: string) =>
    slack.messages(channel).filter((message) => JSON.stringify(message).includes('verbatim_digest'));

  it('never posts twice when it dies between posting and recording the post', async () => {
    slack.setConversation('C0CRASH', { name: 'crash-window' });
    const base = createDigestDeps({
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
    });
    const input = {
      week: WEEK,
      teamId: null,
      destination: { platform: 'slack' as const, channel: 'C0CRASH' },
      late: false,
    };
    // The first attempt posts, then loses its database before it can record the post.
    const dying = {
      ...base,
      ledger: {
        ...base.ledger,
        markPosted: async () => {
          throw new Error('connection terminated');
        },
      },
    };
    await expect(publishDigest(dying, { ...input, now: NOW })).rejects.toThrow('connection terminated');
    expect(digestPosts('C0CRASH')).toHaveLength(1);
    // While its lease runs, nobody else posts; after it, the next attempt finds the post.
    expect(await publishDigest(base, { ...input, now: new Date(NOW.getTime() + 60_000) })).toEqual({
      status: 'busy',
    });
    const later = new Date(NOW.getTime() + 11 * 60_000);
    const recovered = await publishDigest(base, { ...input, now: later });
    expect(recovered).toEqual({ status: 'recovered', postId: digestPosts('C0CRASH')[0]!.ts });
    expect(await publishDigest(base, { ...input, now: later })).toEqual({ status: 'already-posted' });
    expect(digestPosts('C0CRASH')).toHaveLength(1);
  });

  it('posts again after a crash when the earlier attempt never reached the platform', async () => {
    slack.setConversation('C0CRASH2', { name: 'crash-before-post' });
    const base = createDigestDeps({
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
    });
    const destination = { platform: 'slack' as const, channel: 'C0CRASH2' };
    // A claim whose holder died before posting: only the ledger row exists.
    await base.ledger.claim({
      week: '2026-W47',
      scope: 'all',
      destination: 'slack:C0CRASH2',
      now: NOW,
      leaseMs: 60_000,
      late: false,
    });
    const outcome = await publishDigest(base, {
      week: WEEK,
      teamId: null,
      destination,
      now: new Date(NOW.getTime() + 120_000),
      late: false,
    });
    expect(outcome).toMatchObject({ status: 'posted' });
    expect(digestPosts('C0CRASH2')).toHaveLength(1);
  });

  it('reports a destination without an adapter as a configuration gap, not a failure to retry', async () => {
    const deps = createDigestDeps({
      db: storage.db,
      file: file.value,
      directory: toDirectory(file.value),
      publishers: [],
    });
    const results = await postDueDigests(deps, {
      now: NOW,
      dueAt: NOW,
      targets: [{ teamId: null, destination: { platform: 'teams', conversationId: '19:abc' } }],
    });
    expect(results).toEqual([expect.objectContaining({ target: 'teams:19:abc', outcome: 'no-adapter' })]);
  });
});
