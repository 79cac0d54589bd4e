import { benjaminiHochberg } from './benjamini-hochberg.ts';
import { comparePoissonRates } from './poisson-rate-test.ts';

/** Thresholds of the rising/falling test; `docs/digest.md` explains each. */
export interface TrendSettings {
  /** Weeks in the trailing baseline before the digest week. */
  baselineWeeks: number;
  /** A topic rises (or is new) only with at least this many requests this week … */
  minMentions: number;
  /** … from at least this many different accounts. */
  minAccounts: number;
  /** A topic falls only when its baseline held at least this many requests. */
  minBaselineMentions: number;
  /** False discovery rate across all topics tested in one digest (Benjamini–Hochberg). */
  fdr: number;
  /** Confidence level of the rate ratio interval. */
  confidence: number;
}

export const DEFAULT_TREND_SETTINGS: TrendSettings = {
  baselineWeeks: 8,
  minMentions: 3,
  minAccounts: 2,
  minBaselineMentions: 3,
  fdr: 0.1,
  confidence: 0.95,
};

/** One topic's counts: this week, and summed over the baseline weeks. */
export interface TopicCounts {
  topic: string;
  count: number;
  /** Distinct accounts with a request on the topic this week. */
  accounts: number;
  /** Requests on the topic over all baseline weeks together. */
  baseline: number;
}

export type TopicTrendKind = 'new' | 'rising' | 'falling' | 'steady';

export interface TopicTrend extends TopicCounts {
  kind: TopicTrendKind;
  /** Weekly rate this week ÷ weekly baseline rate (Infinity for a new topic, NaN with no data). */
  rateRatio: number;
  ci: [number, number];
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value across every topic tested. */
  qValue: number;
  /** Whether this week had the minimum support to rise. */
  supported: boolean;
}

/**
 * Classifies every topic with data as new, rising, falling or steady. Each is tested with the
 * exact conditional Poisson test (this week vs the baseline weeks); the q-values control the
 * false discovery rate over the whole family. A topic below the minimum support never rises and
 * is never new, however small its p-value; a topic without a baseline is new, not rising.
 */
export function classifyTopicTrends(
  counts: readonly TopicCounts[],
  settings: TrendSettings = DEFAULT_TREND_SETTINGS,
): TopicTrend[] {
  const tested = counts
    .filter((entry) => entry.count + entry.baseline > 0)
    .map((entry) => ({
      entry,
      comparison: comparePoissonRates({
        count: entry.count,
        exposure: 1,
        baseline: entry.baseline,
        baselineExposure: settings.baselineWeeks,
        confidence: settings.confidence,
      }),
    }));
  const qValues = benjaminiHochberg(tested.map(({ comparison }) => comparison.pValue));
  return tested.map(({ entry, comparison }, index) => {
    const qValue = qValues[index]!;
    const supported = entry.count >= settings.minMentions && entry.accounts >= settings.minAccounts;
    const significant = qValue <= settings.fdr;
    let kind: TopicTrendKind = 'steady';
    if (entry.baseline === 0) kind = supported ? 'new' : 'steady';
    else if (supported && significant && comparison.rateRatio > 1) kind = 'rising';
    else if (entry.baseline >= settings.minBaselineMentions && significant && comparison.rateRatio < 1)
      kind = 'falling';
    return { ...entry, ...comparison, qValue, supported, kind };
  });
}
