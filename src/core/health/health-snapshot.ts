import type { HealthBand, HealthSignal } from './health-model.ts';
import type { AccountHealth } from './score-account.ts';

/** What is kept of an account's health each day: enough for trends, changes and backtests. */
export interface HealthSnapshot {
  accountId: string;
  /** Calendar day (UTC) the snapshot is for, `YYYY-MM-DD`. */
  day: string;
  score: number | null;
  band: HealthBand | null;
  /** Points and maximum of each factor that had data. */
  factors: Partial<Record<HealthSignal, { points: number; maxPoints: number; reason: string }>>;
  topReason: string | null;
  modelVersion: string;
}

export function toSnapshot(accountId: string, health: AccountHealth): HealthSnapshot {
  const factors: HealthSnapshot['factors'] = {};
  for (const factor of health.factors)
    factors[factor.signal] = { points: factor.points, maxPoints: factor.maxPoints, reason: factor.reason };
  return {
    accountId,
    day: health.at.toISOString().slice(0, 10),
    score: health.score,
    band: health.band,
    factors,
    topReason: topReason(health),
    modelVersion: health.modelVersion,
  };
}

/** The reason of the factor that costs most points, or null when nothing costs any. */
export function topReason(health: AccountHealth): string | null {
  const worst = health.factors[0];
  if (!worst || worst.maxPoints - worst.points < 0.5)
    return health.score === null ? null : 'No factor costs points';
  return worst.reason;
}
