import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/core/health/backtest.ts';
import type { HealthBand } from '../../../src/core/health/health-model.ts';

const history = (...days: Array<[string, HealthBand | null]>) =>
  days.map(([day, band]) => ({ day, band, modelVersion: 'm@1' }));

describe('runBacktest', () => {
  const snapshots = new Map([
    // Churned, at risk 40 days before and critical 10 days before.
    ['a', history(['2026-01-01', 'healthy'], ['2026-02-19', 'at-risk'], ['2026-03-21', 'critical'])],
    // Churned, never warned.
    ['b', history(['2026-03-01', 'healthy'])],
    // Renewed after a watch period: a false alarm at "watch", not at "at-risk".
    ['c', history(['2026-03-01', 'watch'], ['2026-03-15', 'healthy'])],
    // Renewed, healthy throughout.
    ['d', history(['2026-03-01', 'healthy'])],
    // Only a snapshot outside the horizon.
    ['e', history(['2025-01-01', 'critical'])],
  ]);
  const report = runBacktest({
    outcomes: [
      { accountId: 'a', outcome: 'churned', date: '2026-03-31' },
      { accountId: 'b', outcome: 'churned', date: '2026-03-31' },
      { accountId: 'c', outcome: 'renewed', date: '2026-03-31' },
      { accountId: 'd', outcome: 'renewed', date: '2026-03-31' },
      { accountId: 'e', outcome: 'churned', date: '2026-03-31' },
    ],
    snapshots,
    horizonDays: 90,
  });

  it('leaves out outcomes without snapshots in their horizon, and names them', () => {
    expect(report.outcomes).toBe(4);
    expect(report.churned).toBe(2);
    expect(report.withoutHistory).toEqual(['e']);
  });

  const table: Array<[string, object]> = [
    ['critical', { flagged: 1, truePositives: 1, precision: 1, recall: 0.5, medianLeadDays: 10 }],
    ['at-risk', { flagged: 1, truePositives: 1, precision: 1, recall: 0.5, medianLeadDays: 40 }],
    ['watch', { flagged: 2, truePositives: 1, precision: 0.5, recall: 0.5, medianLeadDays: 40 }],
  ];
  for (const [threshold, expected] of table)
    it(`reports precision, recall and lead time at "${threshold}" or worse`, () => {
      expect(report.rows.find((row) => row.threshold === threshold)).toEqual({ threshold, ...expected });
    });
});
