// Statistics for small counts: Wilson intervals, the two-proportion z-test and Fisher's exact test.
// Implemented here rather than pulled from a package: the whole need is a normal tail and a
// hypergeometric sum (~100 lines), the candidates (jstat, @stdlib/*) add far more to the panel's
// bundle, and every function is checked against R's prop.test / fisher.test values in
// test/unit/analytics/stats.test.ts.

/** The 97.5% quantile of the standard normal: R's qnorm(0.975). */
export const Z95 = 1.959963984540054;

export interface Rate {
  /** Successes (e.g. replied threads). */
  k: number;
  /** Trials (e.g. outreach threads). */
  n: number;
  /** k / n, or null when n is 0. */
  rate: number | null;
  /** 95% Wilson score interval; [0, 1] when n is 0. */
  lo: number;
  hi: number;
}

/** Wilson score interval, identical to R's prop.test(k, n, correct = FALSE)$conf.int. */
export function wilson(k: number, n: number, z = Z95): Rate {
  if (n <= 0) return { k, n, rate: null, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { k, n, rate: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/**
 * Complementary error function to near double precision: a positive-term series for small x
 * (no cancellation) and a continued fraction in the tail, where the series would be slow.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_{n>=0} 2^n x^(2n+1) / (1*3*...*(2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated backwards.
  let k = x;
  for (let n = 60; n >= 1; n--) k = x + n / 2 / k;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * k);
}

/** Standard normal CDF. */
export const normalCdf = (z: number) => 0.5 * erfc(-z / Math.SQRT2);

export interface TestResult {
  p: number;
  test: 'z' | 'fisher';
  /** z statistic for the z-test, null for Fisher. */
  z: number | null;
}

/**
 * Two-sided two-proportion z-test with pooled variance; the same p-value as
 * R's prop.test(c(k1, k2), c(n1, n2), correct = FALSE).
 */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return { p: 1, test: 'z', z: null };
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { p: 1, test: 'z', z: 0 };
  const z = (k1 / n1 - k2 / n2) / se;
  return { p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)), test: 'z', z };
}

const logFactCache: number[] = [0];
function logFact(n: number): number {
  for (let i = logFactCache.length; i <= n; i++) logFactCache[i] = logFactCache[i - 1] + Math.log(i);
  return logFactCache[n];
}

/**
 * Fisher's exact test for the 2x2 table [[a, b], [c, d]], two-sided as R's fisher.test does it:
 * the sum of the probabilities of all tables with the same margins that are no more likely than
 * the observed one (with R's relative tolerance of 1e-7).
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  if (n === 0) return 1;
  const lo = Math.max(0, c1 - (n - r1));
  const hi = Math.min(r1, c1);
  const base = logFact(r1) + logFact(n - r1) + logFact(c1) + logFact(n - c1) - logFact(n);
  const logP = (x: number) => base - logFact(x) - logFact(r1 - x) - logFact(c1 - x) - logFact(n - r1 - c1 + x);
  const observed = logP(a);
  const limit = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    if (lp <= limit) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/**
 * Tests whether two rates differ: Fisher's exact test when any expected cell count is under 5
 * (the usual rule for when the normal approximation is poor), otherwise the z-test.
 */
export function compareProportions(k1: number, n1: number, k2: number, n2: number): TestResult {
  const n = n1 + n2;
  const k = k1 + k2;
  const expected = n > 0 ? [(n1 * k) / n, (n1 * (n - k)) / n, (n2 * k) / n, (n2 * (n - k)) / n] : [0];
  if (expected.some((e) => e < 5)) return { p: fisherExact(k1, n1 - k1, k2, n2 - k2), test: 'fisher', z: null };
  return twoProportionZ(k1, n1, k2, n2);
}

export type Verdict = 'too-early' | 'no-clear-difference' | 'higher' | 'lower';

export interface Comparison {
  verdict: Verdict;
  /** The p-value the verdict rests on: adjusted for the rows tested with it when `adjusted` says so. */
  p: number | null;
  test: 'z' | 'fisher' | null;
  /** Set when the row is one of many tested together (adjustComparisons): the method, how many
   *  tests shared the correction, and the p-value before it. */
  adjusted?: { method: PAdjustMethod; m: number; raw: number };
}

/**
 * How rate A compares with rate B, in words the panel shows: "too early" while either side has
 * fewer than `minSample` trials, "no clear difference yet" unless p < alpha.
 */
export function compareRates(
  a: { k: number; n: number },
  b: { k: number; n: number },
  minSample: number,
  alpha = 0.05,
): Comparison {
  if (a.n < minSample || b.n < minSample) return { verdict: 'too-early', p: null, test: null };
  const t = compareProportions(a.k, a.n, b.k, b.n);
  if (t.p >= alpha) return { verdict: 'no-clear-difference', p: t.p, test: t.test };
  return { verdict: a.k / a.n > b.k / b.n ? 'higher' : 'lower', p: t.p, test: t.test };
}

/** Median of a numeric array (mean of the two middle values for even lengths); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export type PAdjustMethod = 'holm' | 'BH';

/**
 * Adjusted p-values for many comparisons, with R's p.adjust semantics: "holm" (Holm 1979,
 * family-wise error rate) and "BH" (Benjamini & Hochberg 1995, false discovery rate). Each
 * adjusted value is at most 1 and keeps the order of the raw ones; a NaN stays NaN and, as in R,
 * is not counted in the number of tests. Compare the adjusted values with alpha as usual.
 */
export function pAdjust(p: readonly number[], method: PAdjustMethod): number[] {
  const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i]));
  const n = idx.length;
  const out = p.map(() => NaN);
  if (n === 0) return out;
  if (method === 'holm') {
    // Ascending: p(i) × (n − i + 1), made non-decreasing.
    idx.sort((a, b) => p[a] - p[b] || a - b);
    let running = 0;
    idx.forEach((k, i) => {
      running = Math.max(running, Math.min(1, (n - i) * p[k]));
      out[k] = running;
    });
  } else {
    // Descending: p(i) × n / i, made non-increasing from the largest down.
    idx.sort((a, b) => p[b] - p[a] || b - a);
    let running = 1;
    idx.forEach((k, j) => {
      const rank = n - j;
      running = Math.min(running, (n / rank) * p[k]);
      out[k] = Math.min(1, running);
    });
  }
  return out;
}

/**
 * The correction Sidelog applies wherever one table tests many rows against the rest (templates,
 * versions, trait values, trait differences): Holm's step-down method. It keeps the chance that
 * *any* row of the table is called different by luck alone under 5%, whatever the number of rows,
 * which is the promise a seller picking "the winner" of 30 templates needs; it is uniformly more
 * powerful than Bonferroni and assumes nothing about how the rows' tests depend on each other (the
 * "row vs the rest" tests of one table share data). Benjamini–Hochberg would call more rows
 * different, at the price of letting about 5% of the rows it calls different be chance: fine for
 * screening, not for a verdict the user acts on alone (docs/design.md, "Intervals and verdicts").
 */
export const MULTIPLE_COMPARISONS: PAdjustMethod = 'holm';

/**
 * Verdicts of rows tested together, corrected for multiple comparisons: the p-values of the rows
 * that were tested (not "too early") are adjusted across those rows (pAdjust), and a row is called
 * higher or lower only if its adjusted p is under alpha. With one test there is nothing to correct.
 */
export function adjustComparisons(
  cs: readonly Comparison[],
  method: PAdjustMethod = MULTIPLE_COMPARISONS,
  alpha = 0.05,
): Comparison[] {
  const tested = cs.map((c, i) => (c.p === null ? -1 : i)).filter((i) => i >= 0);
  if (tested.length < 2) return cs.slice();
  const adj = pAdjust(
    tested.map((i) => cs[i].p!),
    method,
  );
  const out = cs.slice();
  tested.forEach((i, k) => {
    const c = cs[i];
    const p = adj[k];
    out[i] = {
      ...c,
      p,
      verdict: p < alpha ? c.verdict : 'no-clear-difference',
      adjusted: { method, m: tested.length, raw: c.p! },
    };
  });
  return out;
}
