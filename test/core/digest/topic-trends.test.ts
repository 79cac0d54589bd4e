import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseQuotes, type QuoteCandidate } from '../../../src/core/digest/choose-quotes.ts';
import { classifyTopicTrends, DEFAULT_TREND_SETTINGS } from '../../../src/core/digest/topic-trends.ts';

describe('classifyTopicTrends', () => {
  it('separates rising, new, falling and steady topics on small counts', () => {
    const trends = classifyTopicTrends([
      { topic: 'outage', count: 10, accounts: 4, baseline: 8 },
      { topic: 'sso', count: 3, accounts: 2, baseline: 0 },
      { topic: 'billing', count: 0, accounts: 0, baseline: 40 },
      { topic: 'invoices', count: 0, accounts: 0, baseline: 24 },
      { topic: 'export', count: 1, accounts: 1, baseline: 16 },
      { topic: 'never', count: 0, accounts: 0, baseline: 0 },
    ]);
    const kinds = Object.fromEntries(trends.map((trend) => [trend.topic, trend.kind]));
    expect(kinds).toEqual({
      outage: 'rising',
      sso: 'new',
      billing: 'falling',
      export: 'steady',
      invoices: 'steady',
    });
    const outage = trends.find((trend) => trend.topic === 'outage')!;
    expect(outage.rateRatio).toBe(10);
    expect(outage.qValue).toBeGreaterThanOrEqual(outage.pValue);
  });

  it('does not cry wolf: a doubling on two requests is not a rise', () => {
    const [trend] = classifyTopicTrends([{ topic: 'api', count: 2, accounts: 2, baseline: 8 }]);
    expect(trend?.kind).toBe('steady');
    expect(trend?.supported).toBe(false);
  });

  it('needs two accounts: ten requests from one account do not make a trend', () => {
    const [trend] = classifyTopicTrends([{ topic: 'api', count: 10, accounts: 1, baseline: 2 }]);
    expect(trend?.kind).toBe('steady');
  });

  it('waits for evidence: three a week falling to none in one week is not yet a fall', () => {
    const [trend] = classifyTopicTrends([{ topic: 'x', count: 0, accounts: 0, baseline: 24 }]);
    expect(trend?.pValue).toBeGreaterThan(0.1);
    expect(trend?.kind).toBe('steady');
  });

  it('never lets a topic below the minimum support rise or be new (property)', () => {
    const topic = fc.record({
      count: fc.integer({ min: 0, max: 400 }),
      accounts: fc.integer({ min: 0, max: 50 }),
      baseline: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(topic, { minLength: 1, maxLength: 12 }), (topics) => {
        const counts = topics.map((entry, index) => ({
          topic: `t${index}`,
          count: entry.count,
          accounts: Math.min(entry.accounts, entry.count),
          baseline: entry.baseline,
        }));
        for (const trend of classifyTopicTrends(counts)) {
          const belowSupport =
            trend.count < DEFAULT_TREND_SETTINGS.minMentions ||
            trend.accounts < DEFAULT_TREND_SETTINGS.minAccounts;
          if (belowSupport) expect(['rising', 'new']).not.toContain(trend.kind);
          if (trend.kind === 'rising') expect(trend.rateRatio).toBeGreaterThan(1);
          if (trend.kind === 'falling') expect(trend.rateRatio).toBeLessThan(1);
          expect(trend.qValue).toBeGreaterThanOrEqual(trend.pValue - 1e-12);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('chooseQuotes', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day));
  const quote = (requestId: string, account: string, sentiment: number, day: number): QuoteCandidate => ({
    requestId,
    text: `words of ${requestId}`,
    account,
    author: 'A',
    link: null,
    at: at(day),
    sentiment,
  });

  it('takes the most negative quote, then the most negative from another account', () => {
    const candidates = [
      quote('r1', 'acme', -0.9, 10),
      quote('r2', 'acme', -0.8, 11),
      quote('r3', 'globex', -0.2, 12),
      quote('r4', 'initech', -0.5, 9),
    ];
    expect(chooseQuotes(candidates).map((chosen) => chosen.requestId)).toEqual(['r1', 'r4']);
    expect(chooseQuotes([...candidates].reverse()).map((chosen) => chosen.requestId)).toEqual(['r1', 'r4']);
  });

  it('falls back to the same account when only one wrote, and breaks ties by recency then id', () => {
    const candidates = [
      quote('r2', 'acme', -0.5, 10),
      quote('r1', 'acme', -0.5, 10),
      quote('r3', 'acme', -0.5, 11),
    ];
    expect(chooseQuotes(candidates).map((chosen) => chosen.requestId)).toEqual(['r3', 'r1']);
  });
});
