// Order statistics on small samples with known answers.
import { describe, expect, it } from 'vitest';
import { describeSpread, geometricMean, median, quantile } from '@concur/bench-runner';

describe('median and quantile', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates quantiles linearly between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20], 0.75)).toBe(17.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects an empty sample and a quantile outside [0, 1]', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(/quantile in \[0, 1\]/);
  });
});

describe('geometricMean', () => {
  it('averages ratios symmetrically', () => {
    expect(geometricMean([0.5, 2])).toBeCloseTo(1, 12);
    expect(geometricMean([2, 8])).toBeCloseTo(4, 12);
  });

  it('rejects non-positive ratios', () => {
    expect(() => geometricMean([1, 0])).toThrow(RangeError);
  });
});

describe('describeSpread', () => {
  it('reports median, quartiles, extremes and the coefficient of variation', () => {
    const spread = describeSpread([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(spread.median).toBe(4.5);
    expect(spread.min).toBe(2);
    expect(spread.max).toBe(9);
    expect(spread.p25).toBe(4);
    expect(spread.p75).toBe(5.5);
    // mean 5, sample sd = sqrt(32/7)
    expect(spread.cv).toBeCloseTo(Math.sqrt(32 / 7) / 5, 12);
  });

  it('has zero spread for one value', () => {
    expect(describeSpread([3]).cv).toBe(0);
  });
});
