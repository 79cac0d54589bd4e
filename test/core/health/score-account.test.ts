import { describe, expect, it } from 'vitest';
import type { AccountSignals } from '../../../src/core/health/account-signals.ts';
import { chooseBand } from '../../../src/core/health/choose-band.ts';
import {
  DEFAULT_HEALTH_MODEL,
  type HealthModel,
  HealthModelSchema,
  modelVersion,
} from '../../../src/core/health/health-model.ts';
import { scoreAccount } from '../../../src/core/health/score-account.ts';
import { urgencyOf } from '../../../src/core/health/urgency.ts';
import { activity, daysAgo, healthySignals, NOW, request } from './health-fixtures.ts';

const model = DEFAULT_HEALTH_MODEL;

describe('scoreAccount', () => {
  it('gives a healthy account full points on every factor, with nothing excluded', () => {
    const health = scoreAccount(healthySignals(), NOW, model);
    expect(health.excluded).toEqual([]);
    expect(health.note).toBeNull();
    expect(health.factors).toHaveLength(8);
    expect(health.score).toBe(100);
    expect(health.band).toBe('healthy');
    expect(health.factors.reduce((sum, factor) => sum + factor.maxPoints, 0)).toBeCloseTo(100, 0);
    expect(health.modelVersion).toBe(modelVersion(model));
  });

  const cases: Array<{
    name: string;
    signals: Partial<AccountSignals>;
    signal: string;
    direction: 'negative' | 'neutral';
    reason: RegExp;
    evidence?: RegExp;
  }> = [
    {
      name: 'a drop in sentiment below the account’s own baseline',
      signals: {
        requests: [
          request({ daysAgo: 60, sentiment: 0.4 }),
          request({ daysAgo: 40, sentiment: 0.4 }),
          request({
            daysAgo: 3,
            sentiment: -0.7,
            firstMessage: {
              quote: 'This is getting ridiculous',
              link: 'https://x/p1',
              author: 'Casey',
              at: daysAgo(3),
            },
          }),
        ],
      },
      signal: 'sentiment',
      direction: 'negative',
      reason: /fell from \+0\.40/,
      evidence: /ridiculous/,
    },
    {
      name: 'unanswered and breached requests',
      signals: {
        requests: [
          request({
            daysAgo: 10,
            state: 'open',
            firstResponseAt: null,
            firstResponseMinutes: null,
            breached: true,
          }),
          request({
            daysAgo: 9,
            state: 'open',
            firstResponseAt: null,
            firstResponseMinutes: null,
            breached: true,
          }),
          request({
            daysAgo: 8,
            state: 'open',
            firstResponseAt: null,
            firstResponseMinutes: null,
            breached: true,
          }),
        ],
      },
      signal: 'open-requests',
      direction: 'negative',
      reason: /3 requests missed the first-response target/,
    },
    {
      name: 'first responses later than target',
      signals: {
        requests: [
          request({ daysAgo: 10, firstResponseMinutes: 300, targetMinutes: 60 }),
          request({ daysAgo: 5, firstResponseMinutes: 200, targetMinutes: 60 }),
          request({ daysAgo: 4, firstResponseMinutes: 30, targetMinutes: 60 }),
        ],
      },
      signal: 'response-time',
      direction: 'negative',
      reason: /2 first responses of 3 came later/,
    },
    {
      name: 'silence far beyond the usual gap',
      signals: { activity: activity(118, 40), lastCustomerMessageAt: daysAgo(40) },
      signal: 'silence',
      direction: 'negative',
      reason: /Silent for 40 days/,
    },
    {
      name: 'a champion leaving the shared channel',
      signals: {
        stakeholders: [
          { kind: 'member-left', name: 'Casey Champion', title: null, at: daysAgo(5) },
          { kind: 'member-left', name: 'Pat Power', title: null, at: daysAgo(4) },
        ],
      },
      signal: 'stakeholders',
      direction: 'negative',
      reason: /Casey Champion, Pat Power/,
      evidence: /Casey Champion left the shared channel/,
    },
    {
      name: 'a competitor mentioned recently',
      signals: {
        requests: [
          request({
            daysAgo: 2,
            churnSignals: [
              // Verified at triage (`quoted`): a phrase only shows as a quote when it is the customer's.
              {
                driver: 'competitor',
                phrase: 'Zendesk quoted us half the price',
                competitor: 'Zendesk',
                quoted: true,
              },
            ],
          }),
          request({
            daysAgo: 1,
            churnSignals: [{ driver: 'involuntary', phrase: 'our budget was cut', quoted: true }],
          }),
        ],
      },
      signal: 'churn-drivers',
      direction: 'negative',
      reason: /involuntary churn, Zendesk|Zendesk/,
      evidence: /our budget was cut|Zendesk quoted/,
    },
    {
      name: 'the same topic raised again and again',
      signals: {
        requests: [1, 5, 10, 15, 20].map((ago) => request({ daysAgo: ago, topics: ['billing'] })),
      },
      signal: 'recurring-topics',
      direction: 'negative',
      reason: /“billing” raised in 5 requests/,
    },
  ];

  for (const testCase of cases) {
    it(`loses points for ${testCase.name}, and says why with evidence`, () => {
      const health = scoreAccount(healthySignals(testCase.signals), NOW, model);
      const factor = health.factors.find((candidate) => candidate.signal === testCase.signal);
      expect(factor, testCase.signal).toBeDefined();
      expect(factor!.points).toBeLessThan(factor!.maxPoints);
      expect(factor!.direction).toBe(testCase.direction);
      expect(factor!.reason).toMatch(testCase.reason);
      if (testCase.evidence)
        expect(factor!.evidence.map((quote) => quote.quote).join('\n')).toMatch(testCase.evidence);
      expect(health.score).toBeLessThan(100);
      expect(health.factors[0]!.maxPoints - health.factors[0]!.points).toBeGreaterThan(0);
    });
  }

  it('excludes factors without data, rescales the rest to 100 points and says so', () => {
    const health = scoreAccount(
      healthySignals({ stakeholdersObserved: false, activity: [], lastCustomerMessageAt: null }),
      NOW,
      model,
    );
    expect(health.excluded.map((factor) => factor.signal).sort()).toEqual([
      'engagement',
      'silence',
      'stakeholders',
    ]);
    expect(health.excluded.find((factor) => factor.signal === 'stakeholders')!.missing).toMatch(
      /no shared channel/,
    );
    expect(health.note).toMatch(/3 of 8 factors had no data.*rescaled to 100 points/);
    expect(health.factors.reduce((sum, factor) => sum + factor.maxPoints, 0)).toBeCloseTo(100, 0);
    // Sentiment's weight 20 of the remaining 70 → 28.6 points.
    expect(health.factors.find((factor) => factor.signal === 'sentiment')!.maxPoints).toBe(28.6);
    expect(health.score).toBe(100);
  });

  it('answers "not enough data" when no factor has any', () => {
    const health = scoreAccount(
      {
        requests: [],
        activity: [],
        lastCustomerMessageAt: null,
        stakeholders: [],
        stakeholdersObserved: false,
        previousBand: null,
      },
      NOW,
      model,
    );
    expect(health.score).toBeNull();
    expect(health.band).toBeNull();
    expect(health.excluded).toHaveLength(8);
    expect(health.note).toMatch(/Not enough data yet/);
  });

  it('gives a weight of zero no say at all', () => {
    const noSentiment: HealthModel = HealthModelSchema.parse({ factors: { sentiment: { weight: 0 } } });
    const health = scoreAccount(healthySignals(), NOW, noSentiment);
    expect(health.factors.map((factor) => factor.signal)).not.toContain('sentiment');
    expect(health.excluded.map((factor) => factor.signal)).not.toContain('sentiment');
  });

  it('starts a new model version when a weight changes, and keeps it for the same settings', () => {
    const heavier = HealthModelSchema.parse({ factors: { silence: { weight: 30 } } });
    expect(modelVersion(heavier)).not.toBe(modelVersion(model));
    expect(modelVersion(HealthModelSchema.parse({}))).toBe(modelVersion(model));
  });
});

describe('chooseBand (hysteresis 5 points; bands 70 / 50 / 30)', () => {
  const table: Array<[score: number, previous: Parameters<typeof chooseBand>[1], expected: string]> = [
    [85, null, 'healthy'],
    [69, null, 'watch'],
    [49, null, 'at-risk'],
    [29, null, 'critical'],
    [67, 'healthy', 'healthy'], // 3 below the boundary: held
    [65.5, 'healthy', 'healthy'],
    [64, 'healthy', 'watch'], // 6 below: moves
    [72, 'watch', 'watch'], // 2 above: held
    [75, 'watch', 'healthy'],
    [48, 'watch', 'watch'],
    [44, 'watch', 'at-risk'],
    [20, 'healthy', 'critical'], // a crash skips bands
    [90, 'critical', 'healthy'],
    [33, 'critical', 'critical'],
  ];
  for (const [score, previous, expected] of table) {
    it(`${score} after ${previous ?? 'nothing'} → ${expected}`, () => {
      expect(chooseBand(score, previous, model)).toBe(expected);
    });
  }

  it('keeps the previous band while the score is within the margin, and says it did', () => {
    // One contact left and a 20-day silence: a score of 84 under the default weights.
    const signals = healthySignals({
      stakeholders: [{ kind: 'member-left', name: 'Pat', title: null, at: daysAgo(3) }],
      activity: activity(118, 20),
      lastCustomerMessageAt: daysAgo(20),
      previousBand: 'healthy',
    });
    const near = HealthModelSchema.parse({ bands: { healthy: 86 } });
    const far = HealthModelSchema.parse({ bands: { healthy: 90 } });
    const held = scoreAccount(signals, NOW, near);
    expect(held.score).toBe(84);
    expect(held.band).toBe('healthy');
    expect(held.bandHeld).toBe(true);
    const moved = scoreAccount(signals, NOW, far);
    expect(moved.band).toBe('watch');
    expect(moved.bandHeld).toBe(false);
    expect(scoreAccount({ ...signals, previousBand: null }, NOW, near).band).toBe('watch');
  });
});

describe('urgencyOf', () => {
  it('orders by risk, ARR and renewal proximity without touching health', () => {
    const base = { score: 40, arr: 100_000, renewalDate: null, now: NOW };
    expect(urgencyOf({ ...base, score: 20 })).toBeGreaterThan(urgencyOf(base));
    expect(urgencyOf({ ...base, arr: 1_000_000 })).toBeGreaterThan(urgencyOf(base));
    expect(urgencyOf({ ...base, renewalDate: '2026-07-01' })).toBeGreaterThan(urgencyOf(base));
    expect(urgencyOf({ ...base, renewalDate: '2027-06-01' })).toBe(urgencyOf(base));
    expect(urgencyOf({ ...base, score: 100 })).toBe(0);
  });
});
