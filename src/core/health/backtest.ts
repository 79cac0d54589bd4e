import { compareBands } from './choose-band.ts';
import { DAY_MS, median } from './factor-measure.ts';
import type { HealthBand } from './health-model.ts';

/** What happened to an account at its renewal, as a CRM exports it. */
export interface AccountOutcome {
  accountId: string;
  outcome: 'churned' | 'renewed';
  /** ISO date of the churn or the renewal. */
  date: string;
}

/** Precision and recall of "band at or worse than `threshold` within `horizonDays` before the outcome". */
export interface BacktestRow {
  threshold: Exclude<HealthBand, 'healthy'>;
  /** Outcomes whose account was flagged in the horizon. */
  flagged: number;
  truePositives: number;
  /** Share of flagged accounts that churned, or null when none was flagged. */
  precision: number | null;
  /** Share of churned accounts that were flagged, or null when none churned. */
  recall: number | null;
  /** Median days from the first flagged snapshot in the horizon to the churn. */
  medianLeadDays: number | null;
}

export interface BacktestReport {
  horizonDays: number;
  outcomes: number;
  churned: number;
  /** Outcomes with no snapshot in their horizon: not counted (they say nothing about the score). */
  withoutHistory: string[];
  rows: BacktestRow[];
  modelVersions: string[];
}

const THRESHOLDS: BacktestRow['threshold'][] = ['critical', 'at-risk', 'watch'];

/**
 * Replays stored daily snapshots against known outcomes: for each band threshold, how many
 * accounts it flagged within `horizonDays` before their churn or renewal, how many of those
 * churned (precision), how many churned accounts it caught (recall), and how early (lead time).
 */
export function runBacktest(input: {
  outcomes: AccountOutcome[];
  snapshots: Map<string, Array<{ day: string; band: HealthBand | null; modelVersion: string }>>;
  horizonDays: number;
}): BacktestReport {
  const withoutHistory: string[] = [];
  const versions = new Set<string>();
  const cases: Array<{ churned: boolean; flaggedOn: Map<BacktestRow['threshold'], number> }> = [];
  for (const outcome of input.outcomes) {
    const end = Date.parse(`${outcome.date}T00:00:00Z`);
    const start = end - input.horizonDays * DAY_MS;
    const history = (input.snapshots.get(outcome.accountId) ?? [])
      .filter((snapshot) => {
        const day = Date.parse(`${snapshot.day}T00:00:00Z`);
        return day >= start && day < end && snapshot.band !== null;
      })
      .sort((a, b) => a.day.localeCompare(b.day));
    if (history.length === 0) {
      withoutHistory.push(outcome.accountId);
      continue;
    }
    for (const snapshot of history) versions.add(snapshot.modelVersion);
    const flaggedOn = new Map<BacktestRow['threshold'], number>();
    for (const threshold of THRESHOLDS) {
      const first = history.find((snapshot) => compareBands(snapshot.band!, threshold) >= 0);
      if (first) flaggedOn.set(threshold, (end - Date.parse(`${first.day}T00:00:00Z`)) / DAY_MS);
    }
    cases.push({ churned: outcome.outcome === 'churned', flaggedOn });
  }
  const churned = cases.filter((item) => item.churned).length;
  const rows = THRESHOLDS.map((threshold): BacktestRow => {
    const flagged = cases.filter((item) => item.flaggedOn.has(threshold));
    const hits = flagged.filter((item) => item.churned);
    return {
      threshold,
      flagged: flagged.length,
      truePositives: hits.length,
      precision: flagged.length === 0 ? null : hits.length / flagged.length,
      recall: churned === 0 ? null : hits.length / churned,
      medianLeadDays: median(hits.map((item) => item.flaggedOn.get(threshold)!)),
    };
  });
  return {
    horizonDays: input.horizonDays,
    outcomes: cases.length,
    churned,
    withoutHistory,
    rows,
    modelVersions: [...versions].sort(),
  };
}
