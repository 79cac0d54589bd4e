import type { HealthSignal } from './health-model.ts';
import type { HealthSnapshot } from './health-snapshot.ts';
import type { AccountHealth } from './score-account.ts';

/** A factor that moved since an earlier snapshot, with why it stands where it does now. */
export interface HealthChange {
  signal: HealthSignal;
  /** Points then and now; null when the factor had no data then or has none now. */
  fromPoints: number | null;
  toPoints: number | null;
  delta: number;
  reason: string;
}

export interface HealthChanges {
  /** Day of the snapshot compared with, or null when there is none a week old. */
  since: string | null;
  scoreFrom: number | null;
  scoreTo: number | null;
  factors: HealthChange[];
  /** Set when the earlier snapshot was made by another model version (weights changed). */
  modelChanged: boolean;
}

/** Factors whose points moved by at least `minDelta` since `earlier`, biggest move first. */
export function compareWithSnapshot(
  current: AccountHealth,
  earlier: HealthSnapshot | null,
  minDelta = 1,
): HealthChanges {
  if (!earlier)
    return { since: null, scoreFrom: null, scoreTo: current.score, factors: [], modelChanged: false };
  const signals = new Set<HealthSignal>([
    ...current.factors.map((factor) => factor.signal),
    ...(Object.keys(earlier.factors) as HealthSignal[]),
  ]);
  const factors: HealthChange[] = [];
  for (const signal of signals) {
    const now = current.factors.find((factor) => factor.signal === signal) ?? null;
    const then = earlier.factors[signal] ?? null;
    const delta = Math.round(((now?.points ?? 0) - (then?.points ?? 0)) * 10) / 10;
    if (Math.abs(delta) < minDelta && (now === null) === (then === null)) continue;
    factors.push({
      signal,
      fromPoints: then?.points ?? null,
      toPoints: now?.points ?? null,
      delta,
      reason: now ? now.reason : 'No data any more; the factor is left out',
    });
  }
  factors.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  return {
    since: earlier.day,
    scoreFrom: earlier.score,
    scoreTo: current.score,
    factors,
    modelChanged: earlier.modelVersion !== current.modelVersion,
  };
}
