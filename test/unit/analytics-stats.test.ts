// Reference values: R 4.x prop.test(..., correct = FALSE) / fisher.test, reproduced with
// scipy 1.17 (binomtest(...).proportion_ci(method="wilson"), chi2_contingency(correction=False),
// fisher_exact), an implementation independent of ours.
import { describe, expect, it } from 'vitest';
import { compareProportions, compareRates, erfc, fisherExact, median, normalCdf, twoProportionZ, wilson } from '../../lib/analytics/stats';

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
