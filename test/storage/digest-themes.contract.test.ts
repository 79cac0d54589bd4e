import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicThemeNamer } from '../../src/analyzers/anthropic-theme-namer.ts';
import { createThemeClusterer } from '../../src/analyzers/cluster-themes.ts';
import { createAnthropicClient } from '../../src/analyzers/create-anthropic-client.ts';
import {
  computeDigest,
  type DigestDeps,
  prepareDigest,
  type ThemeNamingFallback,
} from '../../src/core/digest/build-digest.ts';
import { prepareDigestAhead, prepareDueDigests } from '../../src/core/digest/prepare-digest-ahead.ts';
import type { ThemeNamer } from '../../src/core/digest/theme-namer.ts';
import { createDigestArchive } from '../../src/storage/digest-archive.ts';
import { createDigestQueries } from '../../src/storage/digest-queries.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../fakes/anthropic-api.ts';
import { backends } from '../support/scratch-database.ts';
import { type SeedRequest, seedDigestRequests } from '../support/seed-digest-history.ts';
import { openTestStorage } from '../support/test-storage.ts';

const ADDRESS = 'ops.lead@initech.example';
const accounts = ['acme', 'globex', 'initech', 'umbrella'].map((id) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  domains: [],
  channels: [],
  tier: 'growth' as const,
  routing: {},
}));
const MONDAY_W47 = Date.UTC(2026, 10, 16);
const week = (number: number) => ({ year: 2026, week: number });
const mondayOf = (number: number) => MONDAY_W47 - (47 - number) * 7 * 86_400_000;
const NAMED = { themes: [{ id: 'theme-1', name: 'Mobile photo upload crashes' }] };

/** Three requests that fit no topic, from three accounts, in each of weeks 40–47. */
function unmatchedWeeks(): SeedRequest[] {
  return [40, 41, 42, 43, 44, 45, 46, 47].flatMap((number) =>
    (
      [
        ['acme', 'Photo upload crashes the mobile app'],
        ['initech', `The mobile app crashes on photo upload, reply to ${ADDRESS}`],
        ['umbrella', 'Photo upload crashes our mobile app'],
      ] as const
    ).map(([account, text], index) => ({
      id: `w${number}-${index}`,
      account,
      teamId: 'support',
      topics: [],
      priority: 'P3' as const,
      at: new Date(mondayOf(number) + (index + 1) * 86_400_000),
      text,
      sentiment: -0.4,
    })),
  );
}

describe.each(backends)('emerging themes named by Claude (%s)', (backend) => {
  let storage: Storage;
  let fake: FakeAnthropic;
  let fallbacks: ThemeNamingFallback[];
  let deps: DigestDeps & { themeNamer: ThemeNamer };

  beforeAll(async () => {
    storage = await openTestStorage(backend);
    await seedDigestRequests(storage.db, unmatchedWeeks());
  });
  afterAll(async () => storage?.close());
  beforeEach(async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-test' });
    fallbacks = [];
    deps = {
      source: createDigestQueries(storage.db),
      archive: createDigestArchive(storage.db),
      themes: createThemeClusterer(),
      topics: [],
      teams: [],
      accounts,
      timezone: 'UTC',
      themeNamer: createAnthropicThemeNamer({
        client: createAnthropicClient({
          apiKey: 'sk-test',
          baseURL: fake.baseURL,
          timeoutMs: 2_000,
          maxRetries: 0,
        }),
        model: 'claude-haiku-5-5',
        redactPersonalData: true,
        timeoutMs: 2_000,
        pollIntervalMs: 20,
      }),
      onThemeNamingFallback: (event) => fallbacks.push(event),
    };
  });
  afterEach(() => fake.close());

  const now = (number: number) => new Date(mondayOf(number + 1) + 8 * 3_600_000);

  it('names the theme with one Messages call when computed on demand; the JSON carries the name', async () => {
    fake.respondWith(NAMED);
    const digest = await computeDigest(deps, { week: week(47), teamId: null, now: now(47) });

    expect(digest.emerging).toHaveLength(1);
    expect(digest.emerging[0]).toMatchObject({
      label: 'Mobile photo upload crashes',
      namedBy: 'claude',
      count: 3,
      accounts: 3,
    });
    expect(digest.emerging[0]!.keyPhrases).toEqual(expect.arrayContaining(['crashes', 'mobile']));
    expect(JSON.parse(JSON.stringify(digest)).emerging[0].namedBy).toBe('claude');
    expect(fake.messageRequests()).toHaveLength(1);
    expect(fallbacks).toEqual([]);
  });

  it('sends no email address in the sample texts', async () => {
    fake.respondWith(NAMED);
    await computeDigest(deps, { week: week(47), teamId: null, now: now(47) });
    const sent = fake.lastRequest().rawBody;
    expect(sent).toContain('The mobile app crashes on photo upload, reply to [email]');
    expect(sent).not.toContain(ADDRESS);
  });

  it('keeps the key-phrase label when the model answers invalid output', async () => {
    fake.respondWith({ themes: [{ id: 'theme-1', name: 'x'.repeat(200) }] });
    const digest = await computeDigest(deps, { week: week(46), teamId: null, now: now(46) });
    expect(digest.emerging[0]).toMatchObject({ namedBy: 'key-phrases' });
    expect(digest.emerging[0]!.label).toBe(digest.emerging[0]!.keyPhrases.slice(0, 3).join(', '));
    expect(fallbacks).toEqual([expect.objectContaining({ reason: 'unnamed', unnamed: 1, themes: 1 })]);
  });

  it('keeps the key-phrase label when the API fails (500)', async () => {
    fake.serverError();
    const digest = await computeDigest(deps, { week: week(46), teamId: null, now: now(46) });
    expect(digest.emerging[0]).toMatchObject({ namedBy: 'key-phrases' });
    expect(fallbacks).toEqual([expect.objectContaining({ week: '2026-W46', scope: 'all', reason: 'error' })]);
  });

  it('prepared ahead: submits a batch, stores the digest with it, and posting collects the names once', async () => {
    expect(await prepareDigestAhead(deps, { week: week(45), teamId: null, now: now(45) })).toBe('prepared');
    expect(fake.batchRequests()).toHaveLength(1);
    expect(fake.messageRequests()).toHaveLength(0);
    expect(fake.batchRequests()[0]!.rawBody).not.toContain(ADDRESS);
    const pending = await deps.archive.pendingThemeBatch('2026-W45', 'all');
    expect(pending?.batchId).toBe(fake.batches[0]!.id);

    // `verbatim digest` while the batch runs: one look, the prepared digest as it is, still pending.
    const meanwhile = await prepareDigest(deps, { week: week(45), teamId: null, now: now(45) });
    expect(meanwhile.emerging[0]).toMatchObject({ namedBy: 'key-phrases' });
    expect(await deps.archive.pendingThemeBatch('2026-W45', 'all')).not.toBeNull();

    // Posting: waits for the batch, applies the names and stores the final digest.
    fake.respondWith(NAMED);
    const posted = await prepareDigest(deps, {
      week: week(45),
      teamId: null,
      now: now(45),
      themeWaitMs: 2_000,
    });
    expect(posted.emerging[0]).toMatchObject({ label: 'Mobile photo upload crashes', namedBy: 'claude' });
    expect(await deps.archive.pendingThemeBatch('2026-W45', 'all')).toBeNull();
    expect(fake.messageRequests()).toHaveLength(0);

    // A re-run reads the stored digest: same name, no API call.
    const calls = fake.requests.length;
    const again = await prepareDigest(deps, {
      week: week(45),
      teamId: null,
      now: now(45),
      themeWaitMs: 2_000,
    });
    expect(again.emerging[0]!.label).toBe('Mobile photo upload crashes');
    expect(fake.requests).toHaveLength(calls);
    expect(await prepareDigestAhead(deps, { week: week(45), teamId: null, now: now(45) })).toBe('exists');
  });

  it('a batch that has not ended by the deadline: key phrases, said in the fallback log, stored final', async () => {
    fake.batchPollsBeforeEnd(Number.POSITIVE_INFINITY);
    expect(await prepareDigestAhead(deps, { week: week(44), teamId: null, now: now(44) })).toBe('prepared');

    const posted = await prepareDigest(deps, {
      week: week(44),
      teamId: null,
      now: now(44),
      themeWaitMs: 100,
    });

    expect(posted.emerging[0]).toMatchObject({ namedBy: 'key-phrases' });
    expect(fallbacks).toEqual([
      expect.objectContaining({ reason: 'batch-not-ended', batchId: fake.batches[0]!.id, unnamed: 1 }),
    ]);
    expect(await deps.archive.pendingThemeBatch('2026-W44', 'all')).toBeNull();
  });

  it('a batch that cannot be submitted stores nothing; posting then names the themes at once', async () => {
    fake.failNextBatchCall(500, 'api_error', 'Internal server error');
    expect(await prepareDigestAhead(deps, { week: week(43), teamId: null, now: now(43) })).toBe(
      'not-prepared',
    );
    expect(await deps.archive.find('2026-W43', 'all')).toBeNull();
    expect(fallbacks).toEqual([expect.objectContaining({ reason: 'batch-not-submitted' })]);

    fake.respondWith(NAMED);
    const posted = await prepareDigest(deps, {
      week: week(43),
      teamId: null,
      now: now(43),
      themeWaitMs: 2_000,
    });
    expect(posted.emerging[0]).toMatchObject({ namedBy: 'claude' });
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it('prepares only within the lead time before a run, and only a week that has ended', async () => {
    // The run that posts 2026-W42 is Monday of W43 at 09:00 UTC.
    const dueAt = new Date(mondayOf(43) + 9 * 3_600_000);
    const input = { nextDueAt: dueAt, leadMs: 60 * 60_000, teamIds: [null, null] };
    expect(await prepareDueDigests(deps, { ...input, now: new Date(dueAt.getTime() - 61 * 60_000) })).toEqual(
      [],
    );
    expect(fake.requests).toHaveLength(0);

    const results = await prepareDueDigests(deps, { ...input, now: new Date(dueAt.getTime() - 55 * 60_000) });
    expect(results).toEqual([{ week: '2026-W42', scope: 'all', outcome: 'prepared' }]);
    expect(fake.batches).toHaveLength(1);

    // A run just after the week ends, with an hour's lead: the week is not over yet, nothing prepared.
    const early = new Date(mondayOf(42) + 30 * 60_000);
    expect(
      await prepareDueDigests(deps, {
        ...input,
        nextDueAt: early,
        now: new Date(early.getTime() - 50 * 60_000),
      }),
    ).toEqual([]);
    expect(fake.batches).toHaveLength(1);
  });
});
