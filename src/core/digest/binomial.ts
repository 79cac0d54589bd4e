/**
 * Exact binomial probabilities, computed in log space so counts in the hundreds of thousands
 * neither overflow nor underflow. Pure arithmetic: no dependencies, deterministic.
 */

// Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for positive arguments.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let index = 1; index < 9; index++) sum += LANCZOS[index]! / (z + index);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln P(X = k) for X ~ Binomial(n, p). */
export function logBinomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  if (p === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p === 1) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  return Math.exp(logBinomialPmf(k, n, p));
}

/** P(X ≤ k). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // Sum the short side of the mode directly; the long side as a complement of the short one.
  if (k < n * p) return sumDownward(k, n, p);
  return Math.max(0, 1 - sumUpward(k + 1, n, p));
}

/** P(X ≥ k). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (k > n * p) return sumUpward(k, n, p);
  return Math.max(0, 1 - sumDownward(k - 1, n, p));
}

// Sums P(X = j) for j = k, k+1, … using the pmf ratio; terms only shrink past the mean, so the
// sum stops once they no longer change it (a few standard deviations for large n).
function sumUpward(k: number, n: number, p: number): number {
  let term = binomialPmf(k, n, p);
  let total = 0;
  const odds = p / (1 - p);
  for (let j = k; j <= n; j++) {
    total += term;
    if (term < total * 1e-17 || term === 0) break;
    term *= ((n - j) / (j + 1)) * odds;
  }
  return Math.min(1, total);
}

// Sums P(X = j) for j = k, k−1, …, 0.
function sumDownward(k: number, n: number, p: number): number {
  let term = binomialPmf(k, n, p);
  let total = 0;
  const inverseOdds = (1 - p) / p;
  for (let j = k; j >= 0; j--) {
    total += term;
    if (term < total * 1e-17 || term === 0) break;
    term *= (j / (n - j + 1)) * inverseOdds;
  }
  return Math.min(1, total);
}

/**
 * Two-sided exact binomial test p-value, as R's `binom.test`: the probability of every outcome
 * no more likely than the observed one (with R's relative tolerance of 1e-7 for ties). The pmf
 * is unimodal, so the outcomes on the far side of the mean form one tail found by bisection.
 */
export function binomialTestTwoSided(x: number, n: number, p: number): number {
  if (n === 0) return 1;
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const threshold = logBinomialPmf(x, n, p) + Math.log1p(1e-7);
  const mean = n * p;
  if (x === mean) return 1;
  if (x < mean) {
    // Smallest j ≥ ceil(mean) with pmf(j) ≤ pmf(x); everything above it is as unlikely.
    let low = Math.ceil(mean);
    let high = n + 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (logBinomialPmf(middle, n, p) <= threshold) high = middle;
      else low = middle + 1;
    }
    return Math.min(1, binomialCdf(x, n, p) + (low > n ? 0 : binomialUpperTail(low, n, p)));
  }
  // Largest j ≤ floor(mean) with pmf(j) ≤ pmf(x).
  let low = -1;
  let high = Math.floor(mean);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (logBinomialPmf(middle, n, p) <= threshold) low = middle;
    else high = middle - 1;
  }
  return Math.min(1, (low < 0 ? 0 : binomialCdf(low, n, p)) + binomialUpperTail(x, n, p));
}

/**
 * Clopper–Pearson ("exact") confidence interval for a binomial proportion: the p where the
 * observed count sits exactly at the α/2 tail, found by bisection on the exact tails.
 */
export function clopperPearson(x: number, n: number, confidence: number): [number, number] {
  const alpha = 1 - confidence;
  const lower = x === 0 ? 0 : bisect((p) => binomialUpperTail(x, n, p) - alpha / 2);
  const upper = x === n ? 1 : bisect((p) => alpha / 2 - binomialCdf(x, n, p));
  return [lower, upper];
}

// Finds the root in (0, 1) of a function that increases with p.
function bisect(increasing: (p: number) => number): number {
  let low = 0;
  let high = 1;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (increasing(middle) < 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
