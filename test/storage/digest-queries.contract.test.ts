import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestWindow } from '../../src/core/digest/digest-source.ts';
import { createDigestQueries } from '../../src/storage/digest-queries.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { backends } from '../support/scratch-database.ts';
import { type SeedRequest, seedDigestRequests } from '../support/seed-digest-history.ts';
import { openTestStorage } from '../support/test-storage.ts';

// Three weeks (two baseline, one digest week) from Monday 2026-11-02 UTC.
const bounds = [2, 9, 16, 23].map((day) => new Date(Date.UTC(2026, 10, day)));
const at = (week: number, hour: number) => new Date(bounds[week]!.getTime() + hour * 3_600_000);

// Requests with several topics, none, and no account: the shapes the per-topic counts must unfold
// (the window is read once, grouped by the whole topics array).
const requests: SeedRequest[] = [
  { topics: ['outage', 'billing'], account: 'acme', week: 0, teamId: 'support', priority: 'P1' },
  { topics: ['outage'], account: 'globex', week: 0, teamId: 'support', priority: 'P1' },
  { topics: ['billing'], account: 'acme', week: 1, teamId: 'billing', priority: 'P3' },
  { topics: [], account: 'acme', week: 1, teamId: 'support', priority: 'P4' },
  { topics: ['outage', 'billing'], account: 'acme', week: 2, teamId: 'support', priority: 'P1' },
  {
    topics: ['billing', 'outage'],
    account: 'globex',
    week: 2,
    teamId: 'billing',
    priority: 'P2',
    sentiment: -0.5,
  },
  { topics: ['outage'], account: null, week: 2, teamId: 'support', priority: 'P1', sentiment: -0.8 },
  { topics: ['sso', 'outage', 'billing'], account: 'initech', week: 2, teamId: 'support', priority: null },
  { topics: [], account: null, week: 2, teamId: 'support', priority: 'P3' },
].map(({ week, priority, ...request }, index) => ({
  id: `q${index}`,
  at: at(week, 10 + index),
  text: 'words',
  ...request,
  priority: priority as SeedRequest['priority'],
  // Every other request answered: the rest count as unanswered now.
  ...(index % 2 === 0 ? { responseMinutes: 30 } : {}),
}));

describe.each(backends)('digest queries over requests with several topics (%s)', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
    await seedDigestRequests(storage.db, requests);
  });
  afterAll(async () => storage?.close());

  const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();

  it('counts a request once under each of its topics, per week; distinct accounts in the digest week', async () => {
    const source = createDigestQueries(storage.db);
    const rows = await source.topicWeekCounts({ bounds, teamId: null });
    expect(sorted(rows)).toEqual(
      sorted([
        { topic: 'outage', week: 0, count: 2, accounts: 0 },
        { topic: 'billing', week: 0, count: 1, accounts: 0 },
        { topic: 'billing', week: 1, count: 1, accounts: 0 },
        // Week 2: outage from acme, globex, initech and an unmapped request (not an account).
        { topic: 'outage', week: 2, count: 4, accounts: 3 },
        { topic: 'billing', week: 2, count: 3, accounts: 3 },
        { topic: 'sso', week: 2, count: 1, accounts: 1 },
      ]),
    );
    const billingTeam = await source.topicWeekCounts({ bounds, teamId: 'billing' });
    expect(sorted(billingTeam)).toEqual(
      sorted([
        { topic: 'billing', week: 1, count: 1, accounts: 0 },
        { topic: 'outage', week: 2, count: 1, accounts: 1 },
        { topic: 'billing', week: 2, count: 1, accounts: 1 },
      ]),
    );
  });

  it('counts each request once by priority, whatever its topics, from the same pass', async () => {
    const source = createDigestQueries(storage.db);
    const window: DigestWindow = { bounds, teamId: null };
    const [topicRows, priorityRows, responsiveness] = await Promise.all([
      source.topicWeekCounts(window),
      source.priorityWeekCounts(window),
      source.responsiveness(window),
    ]);
    expect(topicRows.length).toBeGreaterThan(0);
    expect(sorted(priorityRows)).toEqual(
      sorted([
        { priority: 'P1', week: 0, count: 2 },
        { priority: 'P3', week: 1, count: 1 },
        { priority: 'P4', week: 1, count: 1 },
        { priority: 'P1', week: 2, count: 2 },
        { priority: 'P2', week: 2, count: 1 },
        { priority: null, week: 2, count: 1 },
        { priority: 'P3', week: 2, count: 1 },
      ]),
    );
    // Unanswered now: q1, q3, q5, q7 (routed, no first response), over the whole window. Billing
    // answered nothing in the digest week: no median, none within target.
    expect(sorted(responsiveness)).toEqual(
      sorted([
        {
          teamId: 'support',
          responded: 3,
          medianMinutes: 30,
          p90Minutes: 30,
          withinTarget: 1,
          breaches: 0,
          unanswered: 3,
        },
        {
          teamId: 'billing',
          responded: 0,
          medianMinutes: null,
          p90Minutes: null,
          withinTarget: null,
          breaches: 0,
          unanswered: 1,
        },
      ]),
    );
  });

  it('ranks quote candidates for every topic of the digest week, the most negative first', async () => {
    const source = createDigestQueries(storage.db);
    const candidates = await source.quoteCandidates({ bounds, teamId: null }, 2);
    const byTopic = (topic: string) =>
      candidates.filter((candidate) => candidate.topic === topic).map((candidate) => candidate.requestId);
    // Same sentiment: the most recent first (q7 was opened after q4).
    expect(byTopic('outage')).toEqual(expect.arrayContaining(['q6', 'q5']));
    expect(byTopic('billing')).toEqual(expect.arrayContaining(['q5', 'q7']));
    expect(byTopic('sso')).toEqual(['q7']);
    expect(candidates).toHaveLength(5);
    expect(candidates.find((candidate) => candidate.requestId === 'q6')).toMatchObject({
      account: null,
      text: 'words',
      author: 'Customer',
      sentiment: -0.8,
    });
  });
});
