import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountMatcher } from '../../../src/accounts/create-account-matcher.ts';
import type { Account } from '../../../src/core/directory.ts';
import type { HealthDeps } from '../../../src/core/health/explain-account.ts';
import { DEFAULT_HEALTH_MODEL, modelVersion } from '../../../src/core/health/health-model.ts';
import type { HealthAlert, HealthAlertSender } from '../../../src/core/health/take-daily-snapshots.ts';
import { takeDailySnapshots } from '../../../src/core/health/take-daily-snapshots.ts';
import { createHealthStore } from '../../../src/storage/health-store.ts';
import type { Storage } from '../../../src/storage/open-storage.ts';
import { seedDecliningAccount, seedRequest } from '../../support/seed-health-data.ts';
import { openTestStorage } from '../../support/test-storage.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T01:00:00Z');
const account = (id: string): Account => ({
  id,
  name: id,
  domains: [],
  channels: ['slack:C1'],
  owner: 'U0OWNER',
  tier: 'growth',
  routing: {},
});
const accounts = [account('declining'), account('recovered')];

describe('takeDailySnapshots (real store on PGlite, recording alert sender)', () => {
  let storage: Storage;
  let deps: HealthDeps;
  const sent: HealthAlert[] = [];
  const recorder: HealthAlertSender = { send: async (alert) => void sent.push(alert) };
  let now = NOW;

  beforeAll(async () => {
    storage = await openTestStorage('pglite');
    deps = {
      store: createHealthStore(storage.db),
      accounts: () => accounts,
      match: createAccountMatcher(() => accounts),
      model: DEFAULT_HEALTH_MODEL,
      clock: { now: () => now },
    };
    await seedDecliningAccount(storage.db, 'declining', NOW);
    for (let ago = 100; ago >= 1; ago -= 3)
      await seedRequest(storage.db, {
        accountId: 'recovered',
        openedAt: new Date(NOW.getTime() - ago * DAY),
        text: `all good ${ago}`,
        sentiment: 0.4,
        topics: [`t${ago}`],
        firstResponseMinutes: 10,
      });
    for (const id of ['declining', 'recovered'])
      await deps.store.saveSnapshot({
        accountId: id,
        day: new Date(NOW.getTime() - DAY).toISOString().slice(0, 10),
        score: id === 'declining' ? 95 : 20,
        band: id === 'declining' ? 'healthy' : 'critical',
        factors: {},
        topReason: null,
        modelVersion: modelVersion(DEFAULT_HEALTH_MODEL),
      });
  });
  afterAll(() => storage.close());

  const run = (announceImprovements: boolean) =>
    takeDailySnapshots({
      ...deps,
      alerts: recorder,
      alertSettings: {
        channel: { platform: 'slack', channel: 'C0CS' },
        cooldownHours: 72,
        announceImprovements,
      },
    });

  it('alerts a worsening band with quotes, and not an improvement unless asked', async () => {
    const outcome = await run(false);
    expect(outcome.snapshots).toBe(2);
    expect(outcome.transitions.map((transition) => transition.accountId).sort()).toEqual([
      'declining',
      'recovered',
    ]);
    expect(sent.map((alert) => [alert.account.id, alert.worse])).toEqual([['declining', true]]);
    expect(
      sent[0]!.factors.flatMap((factor) => factor.evidence.map((quote) => quote.quote)).join('\n'),
    ).toMatch(/Zendesk offered us|third time we report|Pat Power left/);
  });

  it('announces an improvement when configured, once per transition', async () => {
    sent.length = 0;
    const first = await run(true);
    expect(first.alerted).toEqual(['recovered']);
    expect(sent[0]).toMatchObject({ worse: false, fromBand: 'critical', toBand: 'healthy' });
    expect((await run(true)).alerted).toEqual([]);
  });

  it('keeps quiet during the cool-down even for a new transition', async () => {
    sent.length = 0;
    now = new Date(NOW.getTime() + DAY);
    await deps.store.saveSnapshot({
      accountId: 'declining',
      day: NOW.toISOString().slice(0, 10),
      score: 95,
      band: 'healthy',
      factors: {},
      topReason: null,
      modelVersion: modelVersion(DEFAULT_HEALTH_MODEL),
    });
    const outcome = await run(false);
    expect(outcome.transitions.map((transition) => transition.accountId)).toContain('declining');
    expect(outcome.skipped).toContainEqual({
      accountId: 'declining',
      reason: 'claimed already or cooling down',
    });
    expect(sent).toEqual([]);
  });
});
