// The paired-ratio bootstrap: deterministic for a seed, correct on degenerate and clear-cut
// samples, and honest ("not significant") when the interval spans 1.
import { describe, expect, it } from 'vitest';
import {
  bootstrapMedianInterval,
  createRandom,
  estimateRatio,
  judgeRatio,
  pairRatios,
  shuffle,
} from '@concur/bench-runner';

describe('bootstrapMedianInterval', () => {
  it('is a single point for a constant sample', () => {
    expect(bootstrapMedianInterval([1.5, 1.5, 1.5, 1.5], 1)).toEqual([1.5, 1.5]);
  });

  it('is reproducible from the seed and changes with it', () => {
    const values = [0.9, 1.1, 1.3, 0.8, 1.2, 1.0, 1.4];
    expect(bootstrapMedianInterval(values, 42)).toEqual(bootstrapMedianInterval(values, 42));
    // With few resamples the percentile ends depend visibly on the draws.
    const others = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
      bootstrapMedianInterval(values, seed, 10).join(),
    );
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('lies within the sample range and contains the sample median', () => {
    const values = [0.9, 1.1, 1.3, 0.8, 1.2, 1.0, 1.4];
    const [low, high] = bootstrapMedianInterval(values, 7);
    expect(low).toBeGreaterThanOrEqual(0.8);
    expect(high).toBeLessThanOrEqual(1.4);
    expect(low).toBeLessThanOrEqual(1.1);
    expect(high).toBeGreaterThanOrEqual(1.1);
  });

  it('covers the true median of a known distribution about 95% of the time', () => {
    // Uniform(0, 2) has median 1; check coverage over many seeded samples of 15.
    const random = createRandom(2024);
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const sample = Array.from({ length: 15 }, () => random() * 2);
      const [low, high] = bootstrapMedianInterval(sample, t, 1000);
      if (low <= 1 && high >= 1) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.85);
    expect(covered / trials).toBeLessThanOrEqual(1);
  });
});

describe('estimateRatio and judgeRatio', () => {
  it('calls a clear speedup faster and a clear slowdown slower', () => {
    expect(estimateRatio([1.8, 1.9, 2.0, 1.85, 1.95], 1).verdict).toBe('faster');
    expect(estimateRatio([0.4, 0.5, 0.45, 0.42, 0.48], 1).verdict).toBe('slower');
  });

  it('says not significant when the interval spans 1.0', () => {
    expect(judgeRatio([0.8, 1.3], 5)).toBe('not significant');
    expect(estimateRatio([0.7, 1.4, 0.9, 1.2, 1.0], 3).verdict).toBe('not significant');
  });

  it('marks differences inside the 5% margin as negligible', () => {
    expect(judgeRatio([1.01, 1.04], 5)).toBe('faster (negligible)');
    expect(judgeRatio([0.96, 0.99], 5)).toBe('slower (negligible)');
  });

  it('does not judge a single round', () => {
    expect(estimateRatio([2], 1).verdict).toBe('single round');
  });

  it('reports the median and the geometric mean of the ratios', () => {
    const estimate = estimateRatio([1, 2, 4], 1);
    expect(estimate.median).toBe(2);
    expect(estimate.geomean).toBeCloseTo(2, 12);
    expect(estimate.rounds).toBe(3);
  });
});

describe('pairRatios', () => {
  it('divides baseline by model round by round and skips missing rounds', () => {
    expect(pairRatios([10, 12, undefined, 8], [5, 4, 3, undefined])).toEqual([2, 3]);
  });
});

describe('shuffle', () => {
  it('permutes deterministically for a seed', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const a = shuffle(items, createRandom(9));
    expect(a).toEqual(shuffle(items, createRandom(9)));
    expect([...a].sort()).toEqual(items);
  });
});
