// Reference values: R 4.x prop.test(..., correct = FALSE) / fisher.test, reproduced with
// scipy 1.17 (binomtest(...).proportion_ci(method="wilson"), chi2_contingency(correction=False),
// fisher_exact), an implementation independent of ours.
import { describe, expect, it } from 'vitest';
import {
  compareProportions,
  compareRates,
  erfc,
  fisherExact,
  median,
  normalCdf,
  pAdjust,
  twoProportionZ,
  wilson,
} from '@/lib/analytics/stats';

const close = (a: number, b: number, digits = 3) => expect(a).toBeCloseTo(b, digits);

describe('wilson', () => {
  it.each([
    [0, 10, 0.0, 0.277533],
    [3, 10, 0.107791, 0.603222],
    [10, 10, 0.722467, 1.0],
    [15, 50, 0.191036, 0.437504],
    [83, 100, 0.74452, 0.891064],
    [1, 1000, 0.000177, 0.005643],
    [250, 2000, 0.111221, 0.140217],
  ])('%i of %i', (k, n, lo, hi) => {
    const r = wilson(k, n);
    close(r.lo, lo, 5);
    close(r.hi, hi, 5);
    expect(r.rate).toBe(k / n);
  });
  it('n = 0 has no rate and the whole interval', () => {
    expect(wilson(0, 0)).toEqual({ k: 0, n: 0, rate: null, lo: 0, hi: 1 });
  });
});

describe('normal tail', () => {
  it.each([
    [-3.5, 2.32629079e-4],
    [-1.96, 2.49978951e-2],
    [0, 0.5],
    [1, 0.841344746],
    [2.5, 0.993790335],
    [5, 0.999999713],
  ])('pnorm(%d)', (z, p) => close(normalCdf(z), p, 8));
  it('erfc in the far tail keeps relative precision', () => {
    // erfc(6) = 2.151973671249891e-17
    expect(erfc(6) / 2.151973671249891e-17).toBeCloseTo(1, 8);
  });
});

describe('two-proportion z-test (prop.test, correct = FALSE)', () => {
  it.each([
    [15, 50, 25, 50, 0.041227],
    [30, 100, 45, 120, 0.242584],
    [120, 1000, 150, 1000, 0.04964],
    [5, 40, 12, 40, 0.055729],
  ])('%i/%i vs %i/%i', (k1, n1, k2, n2, p) => close(twoProportionZ(k1, n1, k2, n2).p, p, 4));
  it('is symmetric and 1 for equal rates', () => {
    expect(twoProportionZ(10, 50, 10, 50).p).toBe(1);
    close(twoProportionZ(25, 50, 15, 50).p, twoProportionZ(15, 50, 25, 50).p, 12);
  });
});

describe('fisher exact (fisher.test, two-sided)', () => {
  it.each([
    [[3, 1, 1, 3], 0.485714], // R's TeaTasting example: p-value = 0.4857
    [[1, 9, 11, 3], 0.002759],
    [[0, 10, 5, 5], 0.032508],
    [[2, 8, 7, 3], 0.069779],
    [[10, 20, 15, 12], 0.113879],
    [[0, 0, 3, 4], 1.0],
  ])('%j', (t, p) => close(fisherExact(t[0], t[1], t[2], t[3]), p, 5));
  it('all zero is 1', () => expect(fisherExact(0, 0, 0, 0)).toBe(1));
});

describe('compareRates', () => {
  it('says too early under minSample', () => {
    expect(compareRates({ k: 9, n: 9 }, { k: 0, n: 100 }, 10).verdict).toBe('too-early');
  });
  it('uses Fisher for small expected counts, z otherwise', () => {
    expect(compareProportions(1, 10, 3, 14).test).toBe('fisher');
    expect(compareProportions(120, 1000, 150, 1000).test).toBe('z');
  });
  it('says no clear difference unless p < 0.05', () => {
    const r = compareRates({ k: 30, n: 100 }, { k: 45, n: 120 }, 10);
    expect(r.verdict).toBe('no-clear-difference');
    close(r.p!, 0.242584, 4);
    expect(compareRates({ k: 25, n: 50 }, { k: 15, n: 50 }, 10).verdict).toBe('higher');
    expect(compareRates({ k: 15, n: 50 }, { k: 25, n: 50 }, 10).verdict).toBe('lower');
  });
});

describe('median', () => {
  it('odd, even, empty', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('pAdjust (R p.adjust)', () => {
  // Reference values from R 4.2.2 (Debian r-base-core 4.2.2.20221110-2), run for this test:
  //   p <- c(0.01, 0.04, 0.03, 0.005, 0.20, 0.04, 0.5, 0.0001, 0.9, 0.049)
  //   options(digits = 17); p.adjust(p, "holm"); p.adjust(p, "BH")
  //   q <- c(0.02, NA, 0.3, 0.001); p.adjust(q, "holm"); p.adjust(q, "BH")
  // Hand check, Holm: sorted 0.0001, 0.005, 0.01, 0.03, 0.04, 0.04, 0.049, 0.2, 0.5, 0.9 times
  // 10, 9, …, 1 = 0.001, 0.045, 0.08, 0.21, 0.24, 0.20, 0.196, 0.6, 1, 0.9, then running maximum
  // (capped at 1). BH: from the largest, 0.9×10/10, 0.5×10/9 = 0.556, 0.2×10/8 = 0.25,
  // 0.049×10/7 = 0.07, 0.04×10/6 = 0.0667 (twice), 0.03×10/4 = 0.075 → 0.0667, 0.01×10/3 = 0.0333,
  // 0.005×10/2 = 0.025, 0.0001×10 = 0.001, each the running minimum.
  const p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 0.0001, 0.9, 0.049];
  const holm = [0.08, 0.24, 0.21, 0.045, 0.6, 0.24, 1, 0.001, 1, 0.24];
  const bh = [
    0.033333333333333333, 0.066666666666666666, 0.066666666666666666, 0.025, 0.25, 0.066666666666666666,
    0.55555555555555558, 0.001, 0.9, 0.07,
  ];

  it('Holm matches R', () => {
    pAdjust(p, 'holm').forEach((v, i) => expect(v).toBeCloseTo(holm[i], 12));
  });

  it('Benjamini–Hochberg matches R', () => {
    pAdjust(p, 'BH').forEach((v, i) => expect(v).toBeCloseTo(bh[i], 12));
  });

  it('keeps NaN out of the count of tests, as R does with NA', () => {
    const q = [0.02, NaN, 0.3, 0.001];
    const h = pAdjust(q, 'holm');
    const b = pAdjust(q, 'BH');
    [0.04, NaN, 0.3, 0.003].forEach((v, i) =>
      Number.isNaN(v) ? expect(h[i]).toBeNaN() : expect(h[i]).toBeCloseTo(v, 12),
    );
    [0.03, NaN, 0.3, 0.003].forEach((v, i) =>
      Number.isNaN(v) ? expect(b[i]).toBeNaN() : expect(b[i]).toBeCloseTo(v, 12),
    );
  });

  it('never lowers a p-value and never exceeds 1; one test is unchanged', () => {
    for (const m of ['holm', 'BH'] as const) {
      pAdjust(p, m).forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(p[i]);
        expect(v).toBeLessThanOrEqual(1);
      });
      expect(pAdjust([0.03], m)).toEqual([0.03]);
      expect(pAdjust([], m)).toEqual([]);
    }
  });
});
