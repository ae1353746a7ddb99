// Paired ratios to the sequential baseline with a seeded percentile-bootstrap interval of
// their median, and the verdict a reader sees ("faster", "slower", "not significant").
import { geometricMean, median, quantileOfSorted } from './summary.js';
import { createRandom } from './random.js';

/** Resamples per interval: enough for stable 2.5%/97.5% percentiles. */
export const BOOTSTRAP_RESAMPLES = 4000;
/** The practical-equivalence margin: within ±5% of 1.0 counts as "about the same". */
export const EQUIVALENCE_MARGIN = 0.05;

/** How a ratio compares with 1.0. */
export type Verdict =
  | 'faster'
  | 'slower'
  | 'faster (negligible)'
  | 'slower (negligible)'
  | 'not significant'
  | 'single round';

/** A ratio (e.g. speedup) with its 95% interval. */
export interface RatioEstimate {
  readonly median: number;
  readonly geomean: number;
  /** 95% percentile-bootstrap interval of the median; equal ends for one round. */
  readonly ci95: readonly [number, number];
  readonly rounds: number;
  readonly verdict: Verdict;
}

/**
 * Percentile-bootstrap interval of the median of `values`, reproducible from `seed`.
 * @throws RangeError for an empty list.
 * @example
 * bootstrapMedianInterval([1, 1.1, 0.9, 1.05], 7); // about [0.9, 1.1]
 */
export function bootstrapMedianInterval(
  values: readonly number[],
  seed: number,
  resamples = BOOTSTRAP_RESAMPLES,
  level = 0.95,
): [number, number] {
  if (values.length === 0) throw new RangeError('Cannot bootstrap no values.');
  if (values.length === 1) return [values[0]!, values[0]!];
  const random = createRandom(seed);
  const medians = new Array<number>(resamples);
  const draw = new Array<number>(values.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < values.length; i++) {
      draw[i] = values[Math.floor(random() * values.length)]!;
    }
    medians[b] = median(draw);
  }
  medians.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileOfSorted(medians, tail), quantileOfSorted(medians, 1 - tail)];
}

/**
 * Judges an interval of a ratio against 1.0 with the equivalence margin.
 * @example
 * judgeRatio([1.2, 1.5], 5); // 'faster'
 */
export function judgeRatio(ci: readonly [number, number], rounds: number): Verdict {
  if (rounds < 2) return 'single round';
  const [low, high] = ci;
  if (low > 1 + EQUIVALENCE_MARGIN) return 'faster';
  if (high < 1 / (1 + EQUIVALENCE_MARGIN)) return 'slower';
  if (low > 1) return 'faster (negligible)';
  if (high < 1) return 'slower (negligible)';
  return 'not significant';
}

/**
 * Estimates a ratio from per-round paired values (e.g. T_sequential / T_model per round).
 * @throws RangeError for an empty list.
 * @example
 * estimateRatio([1.8, 1.9, 1.7], 1).verdict; // 'faster'
 */
export function estimateRatio(ratios: readonly number[], seed: number): RatioEstimate {
  const ci = bootstrapMedianInterval(ratios, seed);
  return {
    median: median(ratios),
    geomean: geometricMean(ratios),
    ci95: ci,
    rounds: ratios.length,
    verdict: judgeRatio(ci, ratios.length),
  };
}

/**
 * Pairs per-round times into ratios `baseline[r] / model[r]` (speedup when the baseline is
 * sequential), skipping rounds where either side is missing.
 * @example
 * pairRatios([10, 12], [5, 6]); // [2, 2]
 */
export function pairRatios(
  baseline: readonly (number | undefined)[],
  model: readonly (number | undefined)[],
): number[] {
  const ratios: number[] = [];
  for (let r = 0; r < Math.min(baseline.length, model.length); r++) {
    const b = baseline[r];
    const m = model[r];
    if (b !== undefined && m !== undefined && b > 0 && m > 0) ratios.push(b / m);
  }
  return ratios;
}
