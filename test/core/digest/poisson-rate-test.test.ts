import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/core/digest/benjamini-hochberg.ts';
import { binomialCdf, binomialTestTwoSided, binomialUpperTail } from '../../../src/core/digest/binomial.ts';
import { comparePoissonRates } from '../../../src/core/digest/poisson-rate-test.ts';

// Reference values computed independently with SciPy 1.17 (`binomtest(x, n, 1/9)` with its exact
// Clopper–Pearson `proportion_ci`, `binom.cdf`, `false_discovery_control`), which match R's
// `poisson.test(c(x, baseline), c(1, 8))` and `p.adjust(p, "BH")`.
const ONE_WEEK_VS_EIGHT: Array<[number, number, number, number, number]> = [
  // count, baseline, p-value, ci low, ci high
  [3, 0, 0.001371742112482853, 3.305850840247152, Number.POSITIVE_INFINITY],
  [6, 8, 0.00255440170627275, 1.7159433442287135, 19.719124875829234],
  [10, 8, 5.370194213204596e-6, 3.553542115897854, 29.15719456439521],
  [1, 16, 1, 0.011923138840049946, 3.2184561028981724],
  [0, 24, 0.10266995732118991, 0, 1.3291588209454541],
  [5, 5, 0.002633399701273929, 1.8411397515049355, 34.7610766361906],
  [12, 20, 9.329371809449355e-5, 2.1394210498809807, 10.309885213442016],
  [2, 40, 0.319862829419129, 0.046831147760837806, 1.5424623077004413],
];

describe('exact conditional Poisson test (one week against an eight-week baseline)', () => {
  it.each(ONE_WEEK_VS_EIGHT)('count %i against baseline %i', (count, baseline, pValue, low, high) => {
    const result = comparePoissonRates({ count, exposure: 1, baseline, baselineExposure: 8 });
    expect(result.pValue).toBeCloseTo(pValue, 10);
    expect(result.pValue / pValue).toBeCloseTo(1, 6);
    expect(result.ci[0]).toBeCloseTo(low, 6);
    if (Number.isFinite(high)) expect(result.ci[1] / high).toBeCloseTo(1, 6);
    else expect(result.ci[1]).toBe(Number.POSITIVE_INFINITY);
    expect(result.rateRatio).toBe(baseline === 0 ? Number.POSITIVE_INFINITY : count / (baseline / 8));
  });

  it('matches exact tails by hand: 3 mentions with no baseline is (1/9)³', () => {
    expect(binomialTestTwoSided(3, 3, 1 / 9)).toBeCloseTo((1 / 9) ** 3, 15);
    expect(comparePoissonRates({ count: 0, exposure: 1, baseline: 0, baselineExposure: 8 }).pValue).toBe(1);
  });

  it('is exact and fast for a week of 100,000 requests', () => {
    const started = performance.now();
    expect(binomialTestTwoSided(12_500, 100_000, 1 / 9) / 6.316038806707354e-43).toBeCloseTo(1, 5);
    expect(binomialTestTwoSided(11_300, 100_000, 1 / 9)).toBeCloseTo(0.05785950989229538, 8);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives binomial tails that agree with each other and with SciPy', () => {
    expect(binomialCdf(3, 50, 0.2)).toBeCloseTo(0.005656361012155322, 14);
    expect(binomialUpperTail(15, 50, 0.2)).toBeCloseTo(0.0607220796319495, 14);
    expect(binomialCdf(14, 50, 0.2) + binomialUpperTail(15, 50, 0.2)).toBeCloseTo(1, 12);
  });
});

describe('Benjamini–Hochberg', () => {
  it('adjusts p-values as R p.adjust(..., "BH") does, in input order', () => {
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.5]);
    const expected = [0.05, 0.06666666666666667, 0.06666666666666667, 0.25, 0.5];
    for (const [index, value] of adjusted.entries()) expect(value).toBeCloseTo(expected[index]!, 14);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
