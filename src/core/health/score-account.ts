import type { AccountSignals, Quote } from './account-signals.ts';
import { chooseBand } from './choose-band.ts';
import type { FactorMeasure } from './factor-measure.ts';
import { type HealthBand, type HealthModel, type HealthSignal, modelVersion } from './health-model.ts';
import { measureChurnDrivers, measureRecurringTopics } from './measure-churn-drivers.ts';
import { measureEngagement, measureSilence } from './measure-engagement.ts';
import { measureOpenRequests, measureResponseTime } from './measure-requests.ts';
import { measureSentiment } from './measure-sentiment.ts';
import { measureStakeholders } from './measure-stakeholders.ts';

export type FactorDirection = 'positive' | 'neutral' | 'negative';

/** One line of the explanation: what was measured and what it is worth. */
export interface HealthFactor {
  signal: HealthSignal;
  value: string;
  /** Points contributed, out of `maxPoints` (the factor's weight rescaled over factors with data). */
  points: number;
  maxPoints: number;
  /** Whether the factor helps (most of its points) or hurts (under half) health. */
  direction: FactorDirection;
  reason: string;
  evidence: Quote[];
  requestIds: string[];
}

export interface ExcludedFactor {
  signal: HealthSignal;
  /** What data would let the factor count. */
  missing: string;
}

export interface AccountHealth {
  /** 0–100, or null when no factor has data ("not enough data yet"). */
  score: number | null;
  band: HealthBand | null;
  /** True when hysteresis kept the previous band although the score alone points elsewhere. */
  bandHeld: boolean;
  /** Factors with data, the ones that cost most points first. */
  factors: HealthFactor[];
  excluded: ExcludedFactor[];
  /** Plain words about excluded factors and rescaling; null when every factor counted. */
  note: string | null;
  modelVersion: string;
  at: Date;
}

const MEASURES: Array<(signals: AccountSignals, now: Date, model: HealthModel) => FactorMeasure> = [
  measureSentiment,
  measureOpenRequests,
  measureResponseTime,
  measureEngagement,
  measureSilence,
  measureStakeholders,
  measureChurnDrivers,
  measureRecurringTopics,
];

/**
 * Account health from its signals: every factor with data contributes `fraction × weight` points,
 * weights rescaled so the factors with data sum to 100. A factor without data is left out (not
 * counted as zero) and the answer says so. Pure: the same signals, instant and model give the
 * same answer.
 */
export function scoreAccount(signals: AccountSignals, now: Date, model: HealthModel): AccountHealth {
  const measures = MEASURES.map((measure) => measure(signals, now, model)).filter(
    (measure) => model.factors[measure.signal].weight > 0,
  );
  const counted = measures.filter((measure) => !measure.excluded);
  const excluded = measures.flatMap((measure) =>
    measure.excluded ? [{ signal: measure.signal, missing: measure.missing }] : [],
  );
  const version = modelVersion(model);
  const totalWeight = counted.reduce((sum, measure) => sum + model.factors[measure.signal].weight, 0);
  if (counted.length === 0 || totalWeight === 0)
    return {
      score: null,
      band: null,
      bandHeld: false,
      factors: [],
      excluded,
      note: 'Not enough data yet: no factor has data.',
      modelVersion: version,
      at: now,
    };
  const factors: HealthFactor[] = counted.map((measure) => {
    const maxPoints = round1((model.factors[measure.signal].weight / totalWeight) * 100);
    const points = round1(measure.fraction * maxPoints);
    return {
      signal: measure.signal,
      value: measure.value,
      points,
      maxPoints,
      direction: measure.fraction >= 0.8 ? 'positive' : measure.fraction < 0.5 ? 'negative' : 'neutral',
      reason: measure.reason,
      evidence: measure.evidence,
      requestIds: measure.requestIds,
    };
  });
  factors.sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points));
  const score = Math.round(
    counted.reduce(
      (sum, measure) => sum + measure.fraction * (model.factors[measure.signal].weight / totalWeight) * 100,
      0,
    ),
  );
  const band = chooseBand(score, signals.previousBand, model);
  return {
    score,
    band,
    bandHeld:
      signals.previousBand !== null &&
      band === signals.previousBand &&
      band !== chooseBand(score, null, model),
    factors,
    excluded,
    note:
      excluded.length === 0
        ? null
        : `${excluded.length} of ${measures.length} factors had no data and were left out (${excluded
            .map((factor) => factor.signal)
            .join(', ')}); the other weights were rescaled to 100 points.`,
    modelVersion: version,
    at: now,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
