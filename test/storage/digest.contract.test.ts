import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThemeClusterer } from '../../src/analyzers/cluster-themes.ts';
import { computeDigest, type DigestDeps, prepareDigest } from '../../src/core/digest/build-digest.ts';
import type { Team, Topic } from '../../src/core/directory.ts';
import type { HealthBand } from '../../src/core/health/health-model.ts';
import { createDigestArchive } from '../../src/storage/digest-archive.ts';
import { createDigestQueries } from '../../src/storage/digest-queries.ts';
import { createHealthStore } from '../../src/storage/health-store.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { backends } from '../support/scratch-database.ts';
import { type SeedRequest, seedDigestRequests } from '../support/seed-digest-history.ts';
import { openTestStorage } from '../support/test-storage.ts';

const topics: Topic[] = [
  { id: 'outage', label: 'Outage', keywords: [] },
  { id: 'billing', label: 'Billing', keywords: [] },
  { id: 'export', label: 'Export', keywords: [] },
  { id: 'sso', label: 'Single sign-on', keywords: [] },
];
const teams: Team[] = [
  {
    id: 'support',
    name: 'Support',
    destination: { platform: 'console', name: 'support' },
    topics: [],
    language: 'en',
  },
  {
    id: 'billing',
    name: 'Laskutus',
    destination: { platform: 'console', name: 'billing' },
    topics: [],
    language: 'fi',
  },
];
const accounts = ['acme', 'globex', 'initech', 'umbrella'].map((id) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  domains: [],
  channels: [],
  tier: 'growth' as const,
  routing: {},
}));
const WEEK_47 = { year: 2026, week: 47 };
// Monday of ISO week 2026-W47 in UTC; baseline weeks are the eight before it.
const monday = (weeksBefore: number) => new Date(Date.UTC(2026, 10, 16) - weeksBefore * 7 * 86_400_000);

function history(): SeedRequest[] {
  const requests: SeedRequest[] = [];
  let seq = 0;
  const add = (weeksBefore: number, request: Omit<SeedRequest, 'id' | 'at'>, hour = 10) => {
    seq += 1;
    const at = new Date(monday(weeksBefore).getTime() + (seq % 5) * 86_400_000 + hour * 3_600_000);
    requests.push({ id: `r${String(seq).padStart(4, '0')}`, at, ...request });
  };
  for (let week = 1; week <= 8; week++) {
    add(week, { account: 'acme', teamId: 'support', topics: ['outage'], priority: 'P2', text: 'slow again' });
    for (const account of ['acme', 'globex', 'initech', 'umbrella', 'acme'])
      add(week, { account, teamId: 'billing', topics: ['billing'], priority: 'P3', text: 'invoice wrong' });
    add(week, {
      account: 'globex',
      teamId: 'support',
      topics: ['export'],
      priority: 'P4',
      text: 'csv export?',
    });
  }
  const outage = [
    ['acme', -0.9, 'Everything is down <!channel> since 9:00, <http://evil.example|status page> says fine'],
    ['acme', -0.95, 'Still down. Our warehouse is stopped.'],
    ['globex', -0.6, 'We cannot log in, is there an outage?'],
    ['initech', -0.7, 'Dashboard returns 502'],
    ['umbrella', -0.2, 'Seeing errors'],
    ['globex', -0.5, 'down again'],
  ] as const;
  for (const [account, sentiment, text] of outage)
    add(0, {
      account,
      teamId: 'support',
      topics: ['outage'],
      priority: 'P1',
      text,
      sentiment,
      author: `${account} admin`,
      responseMinutes: 30,
      target: 60,
    });
  for (const account of ['acme', 'globex', 'initech'])
    add(0, {
      account,
      teamId: 'support',
      topics: ['sso'],
      priority: 'P2',
      text: 'SAML login fails',
      responseMinutes: 300,
      target: 240,
    });
  add(0, { account: 'globex', teamId: 'support', topics: ['export'], priority: 'P4', text: 'export please' });
  for (const [account, text] of [
    ['acme', 'Mobile app crashes when uploading photos'],
    ['initech', 'The mobile app crashes on photo upload'],
    ['umbrella', 'Photo upload crashes our mobile app'],
  ] as const)
    add(0, { account, teamId: 'support', topics: [], priority: 'P3', text, sentiment: -0.4 });
  add(0, {
    account: null,
    teamId: 'support',
    topics: [],
    priority: 'P4',
    text: 'hello who am I talking to',
    confidence: 0.2,
  });
  return requests;
}

describe.each(backends)('weekly digest from storage (%s)', (backend) => {
  let storage: Storage;
  let deps: DigestDeps;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
    await seedDigestRequests(storage.db, history());
    deps = {
      source: createDigestQueries(storage.db),
      archive: createDigestArchive(storage.db),
      themes: createThemeClusterer(),
      topics,
      teams,
      accounts,
      timezone: 'UTC',
    };
  });
  afterAll(async () => storage?.close());

  it('reports volume by priority against the eight-week baseline and who wrote', async () => {
    const digest = await computeDigest(deps, {
      week: WEEK_47,
      teamId: null,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    expect(digest.week).toBe('2026-W47');
    expect(digest.from).toBe('2026-11-16T00:00:00.000Z');
    expect(digest.volume.requests).toBe(14);
    expect(digest.volume.baselineWeeklyMean).toBe(7);
    expect(digest.volume.byPriority).toEqual([
      { priority: 'P1', count: 6, baselineWeeklyMean: 0 },
      { priority: 'P2', count: 3, baselineWeeklyMean: 1 },
      { priority: 'P3', count: 3, baselineWeeklyMean: 5 },
      { priority: 'P4', count: 2, baselineWeeklyMean: 1 },
    ]);
    expect(digest.volume.accountNames).toEqual(['Acme', 'Globex', 'Initech', 'Umbrella']);
    expect(digest.volume.unmappedRequests).toBe(1);
  });

  it('lists the outage as rising with verbatim quotes from two accounts, SSO as new, billing as falling', async () => {
    const digest = await computeDigest(deps, {
      week: WEEK_47,
      teamId: null,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    expect(digest.rising.map((topic) => [topic.topic, topic.kind])).toEqual([
      ['sso', 'new'],
      ['outage', 'rising'],
    ]);
    const outage = digest.rising[1]!;
    expect(outage).toMatchObject({ count: 6, baseline: 8, accounts: 4, rateRatio: 6 });
    expect(outage.pValue).toBeLessThan(0.01);
    expect(outage.quotes).toEqual([
      {
        text: 'Still down. Our warehouse is stopped.',
        account: 'Acme',
        author: 'acme admin',
        link: expect.stringMatching(/^https:\/\/example\.slack\.com\//),
        at: expect.any(String),
      },
      expect.objectContaining({ text: 'Dashboard returns 502', account: 'Initech' }),
    ]);
    expect(digest.rising[0]).toMatchObject({ rateRatio: null, ci: [expect.any(Number), null] });
    expect(digest.falling.map((topic) => topic.topic)).toEqual(['billing']);
    expect(digest.rising.concat(digest.falling).map((topic) => topic.topic)).not.toContain('export');
  });

  it('clusters requests that fit no topic into a named emerging theme', async () => {
    const digest = await computeDigest(deps, {
      week: WEEK_47,
      teamId: null,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    expect(digest.emerging).toHaveLength(1);
    expect(digest.emerging[0]).toMatchObject({ count: 3, accounts: 3 });
    expect(digest.emerging[0]!.keyPhrases).toEqual(expect.arrayContaining(['crashes', 'mobile']));
  });

  it('names the accounts with the most negative requests and says that is the source', async () => {
    const digest = await computeDigest(deps, {
      week: WEEK_47,
      teamId: null,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    expect(digest.accounts.source).toBe('negative-requests');
    expect(digest.accounts.list[0]).toMatchObject({ account: 'acme', name: 'Acme', negativeRequests: 3 });
    expect(digest.accounts.healthDrops).toEqual([]);
  });

  it('lists the week’s biggest health drops and the accounts at risk from the nightly snapshots', async () => {
    const health = createHealthStore(storage.db);
    const snapshot = (accountId: string, day: string, score: number, band: HealthBand) =>
      health.saveSnapshot({
        accountId,
        day,
        score,
        band,
        factors: {},
        topReason: `${accountId} reason`,
        modelVersion: 'test',
      });
    // The week runs 2026-11-16…22; its start compares with the last snapshot before it.
    await snapshot('acme', '2026-11-15', 80, 'healthy');
    await snapshot('acme', '2026-11-22', 45, 'at-risk');
    await snapshot('globex', '2026-11-15', 70, 'watch');
    await snapshot('globex', '2026-11-22', 68, 'watch');
    await snapshot('umbrella', '2026-11-15', 20, 'critical');
    await snapshot('umbrella', '2026-11-22', 18, 'critical');
    // After the week: not part of it.
    await snapshot('initech', '2026-11-15', 90, 'healthy');
    await snapshot('initech', '2026-11-25', 30, 'critical');
    const digest = await computeDigest(
      { ...deps, health },
      {
        week: WEEK_47,
        teamId: null,
        now: new Date('2026-11-26T08:00:00Z'),
      },
    );
    expect(digest.accounts.source).toBe('health');
    // A 2-point dip is not news; a 35-point fall is.
    expect(digest.accounts.healthDrops).toEqual([
      {
        account: 'acme',
        name: 'Acme',
        scoreFrom: 80,
        scoreTo: 45,
        drop: 35,
        band: 'at-risk',
        topReason: 'acme reason',
      },
    ]);
    expect(digest.accounts.atRisk.map((account) => [account.account, account.band])).toEqual([
      ['umbrella', 'critical'],
      ['acme', 'at-risk'],
    ]);
    // A team's slice names only the accounts that wrote to that team this week.
    const slice = await computeDigest(
      { ...deps, health },
      {
        week: WEEK_47,
        teamId: 'billing',
        now: new Date('2026-11-26T08:00:00Z'),
      },
    );
    const wroteToBilling = new Set(slice.volume.accountNames);
    for (const account of slice.accounts.atRisk) expect(wroteToBilling.has(account.name)).toBe(true);
  });

  it('measures first-response median and p90 per team against target', async () => {
    const digest = await computeDigest(deps, {
      week: WEEK_47,
      teamId: null,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    const support = digest.responsiveness.teams.find((team) => team.team === 'support')!;
    expect(support).toMatchObject({ responded: 9, medianMinutes: 30, withinTarget: 6 / 9, unanswered: 21 });
    expect(support.p90Minutes).toBeCloseTo(300, 6);
  });

  it('slices by team, and a quiet week gives a short digest rather than an error', async () => {
    const billing = await computeDigest(deps, { week: WEEK_47, teamId: 'billing', now: new Date() });
    expect(billing).toMatchObject({ team: 'billing', language: 'fi', quiet: true, rising: [] });
    expect(billing.falling.map((topic) => topic.topic)).toEqual(['billing']);
    const empty = await computeDigest(deps, {
      week: { year: 2025, week: 10 },
      teamId: null,
      now: new Date(),
    });
    expect(empty).toMatchObject({ quiet: true, rising: [], falling: [], emerging: [] });
    expect(empty.volume.requests).toBe(0);
  });

  it('stores the first computation so a re-run gives the same digest', async () => {
    const first = await prepareDigest(deps, {
      week: WEEK_47,
      teamId: null,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    await seedDigestRequests(storage.db, [
      {
        id: 'late-1',
        account: 'acme',
        teamId: 'support',
        topics: ['export'],
        priority: 'P4',
        at: monday(-0.5),
        text: 'x',
      },
    ]);
    const again = await prepareDigest(deps, {
      week: WEEK_47,
      teamId: null,
      now: new Date('2026-11-30T08:00:00Z'),
    });
    expect(again).toEqual(first);
    expect(again.computedAt).toBe('2026-11-23T08:00:00.000Z');
  });
});
