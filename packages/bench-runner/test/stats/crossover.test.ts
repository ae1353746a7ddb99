// Crossover estimation on synthetic curves with known crossing points.
import { describe, expect, it } from 'vitest';
import { estimateCrossover, interpolateCrossover } from '@concur/bench-runner';

describe('interpolateCrossover', () => {
  it('finds the exact crossing of a power law in log–log space', () => {
    // S(d) = d / 100 crosses 1 at 100 µs.
    const points = [10, 1000].map((d) => ({ durationUs: d, speedup: d / 100 }));
    expect(interpolateCrossover(points)).toBeCloseTo(100, 9);
  });

  it('uses the first crossing and the bracketing points only', () => {
    const points = [
      { durationUs: 10, speedup: 0.2 },
      { durationUs: 100, speedup: 0.5 },
      { durationUs: 1000, speedup: 2 },
      { durationUs: 10_000, speedup: 0.9 },
    ];
    // Between 100 (0.5) and 1000 (2): halfway in log space = 316.2 µs.
    expect(interpolateCrossover(points)).toBeCloseTo(Math.sqrt(100 * 1000), 6);
  });

  it('says -Infinity when faster everywhere and Infinity when never faster', () => {
    expect(interpolateCrossover([{ durationUs: 10, speedup: 1.2 }])).toBe(-Infinity);
    expect(
      interpolateCrossover([
        { durationUs: 10, speedup: 0.2 },
        { durationUs: 100, speedup: 0.9 },
      ]),
    ).toBe(Infinity);
  });
});

describe('estimateCrossover', () => {
  it('gives a tight interval around the true value for noise-free rounds', () => {
    const grid = [10, 100, 1000].map((d) => ({
      durationUs: d,
      speedups: [d / 100, d / 100, d / 100],
    }));
    // At 100 µs the speedup is exactly 1, so the crossing is the grid point itself.
    const estimate = estimateCrossover(grid, 1);
    expect(estimate.kind).toBe('crosses');
    expect(estimate.durationUs).toBeCloseTo(100, 9);
    expect(estimate.ci95![0]).toBeCloseTo(100, 9);
    expect(estimate.ci95![1]).toBeCloseTo(100, 9);
  });

  it('widens the interval with noisy rounds and keeps the point inside it', () => {
    const grid = [
      { durationUs: 30, speedups: [0.5, 0.6, 0.4, 0.55, 0.45] },
      { durationUs: 300, speedups: [1.3, 0.9, 1.5, 1.1, 1.2] },
      { durationUs: 3000, speedups: [1.8, 1.9, 1.7, 2.0, 1.85] },
    ];
    const estimate = estimateCrossover(grid, 5);
    expect(estimate.kind).toBe('crosses');
    const [low, high] = estimate.ci95!;
    expect(low).toBeDefined();
    expect(low!).toBeLessThanOrEqual(estimate.durationUs!);
    expect(high === undefined || high >= estimate.durationUs!).toBe(true);
    expect(estimate.durationUs!).toBeGreaterThan(30);
    expect(estimate.durationUs!).toBeLessThan(3000);
  });

  it('flags a curve that falls below 1 again after crossing', () => {
    const grid = [
      { durationUs: 10, speedups: [0.5, 0.5] },
      { durationUs: 100, speedups: [2, 2] },
      { durationUs: 1000, speedups: [0.8, 0.8] },
    ];
    const estimate = estimateCrossover(grid, 1);
    expect(estimate.kind).toBe('crosses');
    expect(estimate.slowerAgainAtUs).toBe(1000);
    const monotone = estimateCrossover(grid.slice(0, 2), 1);
    expect(monotone.slowerAgainAtUs).toBeUndefined();
  });

  it('reports a model that never beats sequential', () => {
    const grid = [10, 100].map((d) => ({ durationUs: d, speedups: [0.5, 0.6] }));
    expect(estimateCrossover(grid, 1)).toEqual({ kind: 'never-faster' });
  });
});
