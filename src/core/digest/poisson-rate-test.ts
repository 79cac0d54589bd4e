import { binomialTestTwoSided, clopperPearson } from './binomial.ts';

/** Result of comparing one period's count with a baseline period's count. */
export interface PoissonRateComparison {
  /** (count / exposure) ÷ (baseline / baselineExposure); Infinity when the baseline is 0. */
  rateRatio: number;
  /** Confidence interval of the rate ratio (upper bound Infinity when the baseline is 0). */
  ci: [number, number];
  /** Two-sided p-value of the exact conditional test of equal rates. */
  pValue: number;
}

/**
 * The exact conditional test for two Poisson rates, as R's `poisson.test(c(x1, x2), c(t1, t2))`:
 * given n = x1 + x2 events, under equal rates x1 ~ Binomial(n, t1 / (t1 + t2)). The rate ratio's
 * interval maps the Clopper–Pearson interval of that binomial proportion, π, through
 * π / (1 − π) · t2 / t1. Exposures are in any one unit (weeks here).
 */
export function comparePoissonRates(input: {
  count: number;
  exposure: number;
  baseline: number;
  baselineExposure: number;
  confidence?: number;
}): PoissonRateComparison {
  const { count, exposure, baseline, baselineExposure } = input;
  const n = count + baseline;
  const share = exposure / (exposure + baselineExposure);
  const rateRatio =
    baseline === 0
      ? count === 0
        ? Number.NaN
        : Number.POSITIVE_INFINITY
      : count / exposure / (baseline / baselineExposure);
  if (n === 0) return { rateRatio, ci: [0, Number.POSITIVE_INFINITY], pValue: 1 };
  const [low, high] = clopperPearson(count, n, input.confidence ?? 0.95);
  const toRatio = (proportion: number) =>
    proportion >= 1
      ? Number.POSITIVE_INFINITY
      : (proportion / (1 - proportion)) * (baselineExposure / exposure);
  return { rateRatio, ci: [toRatio(low), toRatio(high)], pValue: binomialTestTwoSided(count, n, share) };
}
