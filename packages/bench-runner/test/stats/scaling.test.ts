// Speedup laws with known answers.
import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, efficiency, fitAmdahl, karpFlatt } from '@concur/bench-runner';

describe('scaling laws', () => {
  it('computes efficiency and the Karp–Flatt serial fraction', () => {
    expect(efficiency(1.8, 2)).toBeCloseTo(0.9, 12);
    expect(karpFlatt(1.6, 2)).toBeCloseTo(0.25, 12);
    expect(karpFlatt(4, 4)).toBeCloseTo(0, 12);
    expect(karpFlatt(1.5, 1)).toBeUndefined();
  });

  it('Karp–Flatt recovers the serial fraction of an Amdahl curve at every p', () => {
    for (const p of [2, 4, 8, 16]) expect(karpFlatt(amdahlSpeedup(0.1, p), p)).toBeCloseTo(0.1, 12);
  });

  it('fits Amdahl’s serial fraction from several points', () => {
    const points = [1, 2, 3, 4].map((workers) => ({
      workers,
      speedup: amdahlSpeedup(0.2, workers),
    }));
    expect(fitAmdahl(points)).toBeCloseTo(0.2, 12);
    expect(fitAmdahl([{ workers: 1, speedup: 1 }])).toBeUndefined();
  });
});
