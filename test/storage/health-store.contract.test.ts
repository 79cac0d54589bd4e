import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/directory.ts';
import { DEFAULT_HEALTH_MODEL } from '../../src/core/health/health-model.ts';
import { toSnapshot } from '../../src/core/health/health-snapshot.ts';
import { type HealthStore, RECENT_SNAPSHOT_DAYS } from '../../src/core/health/health-store.ts';
import { scoreAccount } from '../../src/core/health/score-account.ts';
import { takeDailySnapshots } from '../../src/core/health/take-daily-snapshots.ts';
import { createHealthStore } from '../../src/storage/health-store.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { ACCOUNT_REQUESTS, FLAGGED_REQUEST, RECENT_REQUESTS } from '../../src/storage/read-health-signals.ts';
import { backends } from '../support/scratch-database.ts';
import { seedDecliningAccount, seedMemberEvent, seedRequest } from '../support/seed-health-data.ts';
import { openTestStorage } from '../support/test-storage.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const acme: Account = {
  id: 'acme',
  name: 'Acme Logistics',
  domains: ['acme.example'],
  channels: ['slack:C-acme'],
  tier: 'enterprise',
  routing: {},
};

describe.each(backends)('health store on %s', (backend) => {
  let storage: Storage;
  let store: HealthStore;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
    store = createHealthStore(storage.db);
    await seedDecliningAccount(storage.db, 'acme', NOW);
    await seedRequest(storage.db, { accountId: 'other', openedAt: NOW, text: 'not acme' });
  });
  afterAll(() => storage.close());

  it('reads an account’s requests, quotes, activity and members who left', async () => {
    const signals = await store.readSignals(acme, NOW, DEFAULT_HEALTH_MODEL);
    expect(signals.requests.length).toBe(34);
    const competitor = signals.requests.find((request) => request.churnSignals[0]?.driver === 'competitor');
    expect(competitor?.firstMessage).toBeNull();
    const quote = (await store.readQuotes([competitor!.id])).get(competitor!.id);
    expect(quote?.quote).toMatch(/^Honestly, Zendesk offered us/);
    expect(quote?.link).toMatch(/^https:\/\//);
    expect(quote?.author).toBe('Casey Customer');
    expect(signals.requests.find((request) => request.firstResponseMinutes === 400)?.breached).toBe(true);
    expect(signals.activity.reduce((sum, day) => sum + day.messages, 0)).toBe(34);
    expect(new Set(signals.activity.flatMap((day) => day.authors))).toEqual(
      new Set(['U0CUST001', 'U0CUST002']),
    );
    expect(signals.stakeholders).toEqual([
      { kind: 'member-left', name: 'Pat Power', title: null, at: new Date(NOW.getTime() - 6 * 86_400_000) },
    ]);
    expect(signals.lastCustomerMessageAt).toEqual(new Date(NOW.getTime() - 4 * 86_400_000));
    const health = scoreAccount(signals, NOW, DEFAULT_HEALTH_MODEL);
    expect(health.score).toBeLessThan(70);
  });

  it('stores one snapshot per account and day, and reads the latest as of a day', async () => {
    const health = scoreAccount(
      await store.readSignals(acme, NOW, DEFAULT_HEALTH_MODEL),
      NOW,
      DEFAULT_HEALTH_MODEL,
    );
    await store.saveSnapshot({
      ...toSnapshot('acme', health),
      day: '2026-06-01',
      score: 90,
      band: 'healthy',
    });
    await store.saveSnapshot(toSnapshot('acme', health));
    await store.saveSnapshot(toSnapshot('acme', health));
    const list = await store.listSnapshots('acme', '2026-05-01');
    expect(list.map((snapshot) => snapshot.day)).toEqual(['2026-06-01', '2026-06-15']);
    expect(list[1]!.factors.sentiment?.maxPoints).toBeGreaterThan(0);
    expect((await store.latestSnapshots('2026-06-10')).get('acme')?.score).toBe(90);
    expect((await store.latestSnapshots('2026-06-15')).get('acme')?.score).toBe(health.score);
    const light = (await store.latestSnapshots('2026-06-15', { factors: false })).get('acme');
    expect(light).toMatchObject({ score: health.score, band: health.band, factors: {} });

    // Many accounts: each one's latest on or before the day; none for an account that began later.
    const base = { band: 'watch' as const, factors: {}, topReason: null, modelVersion: 'v' };
    for (const [accountId, day, score] of [
      ['beta', '2026-06-02', 61],
      ['beta', '2026-06-09', 62],
      ['gamma', '2026-06-12', 63],
      ['aardvark', '2026-06-01', 64],
    ] as const)
      await store.saveSnapshot({ ...base, accountId, day, score });
    const byTenth = await store.latestSnapshots('2026-06-10', { factors: false });
    expect([...byTenth.entries()].map(([id, snapshot]) => [id, snapshot.day, snapshot.score]).sort()).toEqual(
      [
        ['aardvark', '2026-06-01', 64],
        ['acme', '2026-06-01', 90],
        ['beta', '2026-06-09', 62],
      ],
    );
  });

  it('claims an alert once per transition and honours the cool-down', async () => {
    const alert = { accountId: 'acme', fromBand: 'healthy', toBand: 'at-risk', day: '2026-06-15' } as const;
    const claims = await Promise.all([
      store.claimAlert({ ...alert, cooldownHours: 72, now: NOW }),
      store.claimAlert({ ...alert, cooldownHours: 72, now: NOW }),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    expect(
      await store.claimAlert({
        ...alert,
        toBand: 'critical',
        day: '2026-06-16',
        cooldownHours: 72,
        now: nextDay,
      }),
    ).toBe(false);
    const later = new Date(NOW.getTime() + 4 * 86_400_000);
    expect(
      await store.claimAlert({
        ...alert,
        toBand: 'critical',
        day: '2026-06-19',
        cooldownHours: 72,
        now: later,
      }),
    ).toBe(true);
  });

  it('reads the most recent requests of a busy account plus every waiting or churn-signal one', async () => {
    const busy: Account = { ...acme, id: 'busy' };
    const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
    // The oldest two: one still waiting on us, one with a churn signal; then RECENT_REQUESTS answered ones.
    const waiting = await seedRequest(storage.db, {
      accountId: 'busy',
      openedAt: at(50_000),
      text: 'old, open',
    });
    const signal = await seedRequest(storage.db, {
      accountId: 'busy',
      openedAt: at(49_000),
      text: 'old, competitor',
      firstResponseMinutes: 5,
      churnSignals: [{ driver: 'competitor', phrase: 'cheaper elsewhere' }],
    });
    const quiet = await seedRequest(storage.db, {
      accountId: 'busy',
      openedAt: at(48_000),
      text: 'old',
      firstResponseMinutes: 5,
    });
    await storage.db.query(
      `INSERT INTO requests (id, account_id, conversation, state, topics, analysis, opened_at, last_message_at)
       SELECT 'busy-' || g, 'busy', 'c', 'resolved', '{}', '{"sentiment":0,"churnSignals":[]}', $1::timestamptz - make_interval(mins => g),
         $1::timestamptz - make_interval(mins => g)
       FROM generate_series(1, $2::int) g`,
      [NOW, RECENT_REQUESTS],
    );
    const ids = new Set(
      (await store.readSignals(busy, NOW, DEFAULT_HEALTH_MODEL)).requests.map((request) => request.id),
    );
    expect(ids.size).toBe(RECENT_REQUESTS + 2);
    expect(ids.has(waiting)).toBe(true);
    expect(ids.has(signal)).toBe(true);
    expect(ids.has(quiet)).toBe(false);
  });
  it('reads times to the millisecond as Date parses them, microseconds truncated', async () => {
    // Slack timestamps carry microseconds; requests come back as epoch milliseconds (compact JSON).
    await storage.db.query(
      `INSERT INTO requests (id, account_id, conversation, state, topics, analysis, opened_at, last_message_at,
         first_response_at)
       VALUES ('micro', 'micro', 'c', 'resolved', '{}', '{"sentiment":-0.25,"churnSignals":[]}',
         '2026-06-14T09:30:15.123999Z', '2026-06-14T09:30:15.123999Z', '2026-06-14T10:00:00.000001Z')`,
    );
    const [request] = (await store.readSignals({ ...acme, id: 'micro' }, NOW, DEFAULT_HEALTH_MODEL)).requests;
    expect(request).toMatchObject({
      id: 'micro',
      openedAt: new Date('2026-06-14T09:30:15.123Z'),
      firstResponseAt: new Date('2026-06-14T10:00:00.000Z'),
      sentiment: -0.25,
      churnSignals: [],
      topics: [],
      breached: false,
    });
  });

  it('finds waiting and churn-signal requests through their partial index (its predicate is the read’s)', async () => {
    // If the read's FLAGGED_REQUEST drifted from the index predicate, the planner could not prove
    // the implication and would filter every request of the account instead.
    const plan = await storage.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_bitmapscan = off');
      const result = await tx.query(
        `EXPLAIN SELECT id FROM requests WHERE account_id = $1 AND opened_at >= $2 AND opened_at <= $3
           AND ${FLAGGED_REQUEST}`,
        ['busy', new Date(NOW.getTime() - 90 * 86_400_000), NOW],
      );
      return result.rows.map((row) => Object.values(row as Record<string, string>)[0]).join('\n');
    });
    expect(plan).toContain('requests_account_flagged');
  });

  it('probes SLA times per picked request rather than hashing the whole table', async () => {
    // The planner overestimates the picked requests (it cannot estimate the churn-signal test) and
    // had hashed every sla_times row for one /churn: 500 ms instead of 50 at 200,000 requests.
    // With statistics and an SLA row per request, a plain join is planned as that hash here too.
    await storage.db.query(
      `INSERT INTO sla_times (request_id, target_minutes, first_response_business_minutes)
       SELECT id, 60, 30 FROM requests WHERE id LIKE 'busy-%' ON CONFLICT DO NOTHING`,
    );
    await storage.db.query('ANALYZE');
    const plan = await storage.db.query(`EXPLAIN ${ACCOUNT_REQUESTS}`, [
      'busy',
      new Date(NOW.getTime() - 180 * 86_400_000),
      NOW,
      RECENT_REQUESTS,
    ]);
    const text = plan.rows.map((row) => Object.values(row as Record<string, string>)[0]).join('\n');
    expect(text).toMatch(/Index Scan using sla_times_pkey on sla_times/);
    expect(text).not.toMatch(/Seq Scan on sla_times/);
  });

  it('reads many accounts’ signals exactly as one at a time, and the batched nightly run scores them the same', async () => {
    const accounts: Account[] = [
      acme,
      { ...acme, id: 'busy' },
      { ...acme, id: 'other', channels: [] },
      { ...acme, id: 'never-wrote' },
    ];
    await seedMemberEvent(storage.db, { accountId: 'other', kind: 'member-left', name: 'Sam', at: NOW });
    const many = await store.readManySignals(accounts, NOW, DEFAULT_HEALTH_MODEL);
    expect([...many.keys()]).toEqual(accounts.map((account) => account.id));
    for (const account of accounts)
      expect(many.get(account.id)).toEqual(await store.readSignals(account, NOW, DEFAULT_HEALTH_MODEL));

    const yesterday = new Date(NOW.getTime() - 86_400_000).toISOString().slice(0, 10);
    const previous = await store.latestSnapshots(yesterday, { withinDays: RECENT_SNAPSHOT_DAYS });
    const expected = await Promise.all(
      accounts.map(async (account) => {
        const signals = await store.readSignals(account, NOW, DEFAULT_HEALTH_MODEL);
        const health = scoreAccount(
          { ...signals, previousBand: previous.get(account.id)?.band ?? null },
          NOW,
          DEFAULT_HEALTH_MODEL,
        );
        return toSnapshot(account.id, health);
      }),
    );
    const run = await takeDailySnapshots({
      store,
      accounts: () => accounts,
      match: () => ({ status: 'unknown', suggestions: [] }),
      model: DEFAULT_HEALTH_MODEL,
      clock: { now: () => NOW },
      alerts: null,
      alertSettings: { channel: null, cooldownHours: 72, announceImprovements: false },
      batchSize: 3,
    });
    expect(run.snapshots).toBe(accounts.length);
    const stored = await store.latestSnapshots(NOW.toISOString().slice(0, 10));
    expect(accounts.map((account) => stored.get(account.id))).toEqual(expected);
    expect(expected[0]!.band).not.toBeNull();
  });
});
