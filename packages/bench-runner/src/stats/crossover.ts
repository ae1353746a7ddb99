// The crossover task duration: where a model's speedup over sequential first reaches 1.0,
// by log–log interpolation between grid points, with a bootstrap interval over rounds.
import { median, quantileOfSorted } from './summary.js';
import { createRandom } from './random.js';

/** Resamples for the crossover interval (each does one interpolation per grid point). */
export const CROSSOVER_RESAMPLES = 2000;

/** One grid point: a task duration and the per-round speedups measured there. */
export interface CrossoverPoint {
  readonly durationUs: number;
  readonly speedups: readonly number[];
}

/** Where the curve crosses 1.0, or why it does not. */
export interface CrossoverEstimate {
  /** `crosses`: a duration was found; `always-faster` / `never-faster` on the whole grid. */
  readonly kind: 'crosses' | 'always-faster' | 'never-faster';
  /** The duration in µs where speedup reaches 1 (for `crosses`). */
  readonly durationUs?: number;
  /** 95% interval; an end is `undefined` when some resamples never crossed on that side. */
  readonly ci95?: readonly [number | undefined, number | undefined];
  /**
   * The first longer grid duration (µs) whose median speedup is below 1 again: the curve is
   * not monotone there, so the crossing is not a stable threshold (noise or a real effect).
   */
  readonly slowerAgainAtUs?: number;
}

/**
 * Interpolates, in log–log space, the first duration at which `speedup` reaches 1:
 * log d* = log d_j − log S_j · (log d_{j+1} − log d_j) / (log S_{j+1} − log S_j).
 * Points must be sorted by duration.
 * @returns the duration, `-Infinity` when already ≥ 1 at the first point, `Infinity` when never.
 * @example
 * interpolateCrossover([{ durationUs: 10, speedup: 0.5 }, { durationUs: 1000, speedup: 2 }]); // 100
 */
export function interpolateCrossover(
  points: readonly { durationUs: number; speedup: number }[],
): number {
  if (points.length === 0) return Number.POSITIVE_INFINITY;
  if (points[0]!.speedup >= 1) return Number.NEGATIVE_INFINITY;
  for (let j = 0; j + 1 < points.length; j++) {
    const a = points[j]!;
    const b = points[j + 1]!;
    if (a.speedup < 1 && b.speedup >= 1) {
      const logA = Math.log(a.durationUs);
      const logB = Math.log(b.durationUs);
      const sA = Math.log(a.speedup);
      const sB = Math.log(b.speedup);
      if (sB === sA) return b.durationUs;
      return Math.exp(logA - (sA * (logB - logA)) / (sB - sA));
    }
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Estimates the crossover from per-round speedups at each grid duration: the point from the
 * medians, the interval from resampling rounds at every grid point independently.
 * @example
 * estimateCrossover([{ durationUs: 10, speedups: [0.5] }, { durationUs: 1000, speedups: [2] }], 1);
 */
export function estimateCrossover(
  grid: readonly CrossoverPoint[],
  seed: number,
  resamples = CROSSOVER_RESAMPLES,
): CrossoverEstimate {
  const sorted = grid
    .filter((point) => point.speedups.length > 0)
    .sort((a, b) => a.durationUs - b.durationUs);
  const point = interpolateCrossover(
    sorted.map((p) => ({ durationUs: p.durationUs, speedup: median(p.speedups) })),
  );
  if (point === Number.NEGATIVE_INFINITY) return { kind: 'always-faster' };
  if (point === Number.POSITIVE_INFINITY) return { kind: 'never-faster' };
  const medians = sorted.map((p) => ({ durationUs: p.durationUs, speedup: median(p.speedups) }));
  const slowerAgain = medians.find((p) => p.durationUs > point && p.speedup < 1);
  const random = createRandom(seed);
  const draws: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const resampled = sorted.map((p) => {
      const draw = p.speedups.map(() => p.speedups[Math.floor(random() * p.speedups.length)]!);
      return { durationUs: p.durationUs, speedup: median(draw) };
    });
    draws.push(interpolateCrossover(resampled));
  }
  draws.sort((a, b) => a - b);
  const low = quantileOfSorted(draws, 0.025);
  const high = quantileOfSorted(draws, 0.975);
  return {
    kind: 'crosses',
    durationUs: point,
    ci95: [Number.isFinite(low) ? low : undefined, Number.isFinite(high) ? high : undefined],
    ...(slowerAgain === undefined ? {} : { slowerAgainAtUs: slowerAgain.durationUs }),
  };
}
