// Order statistics used everywhere in the report: quantiles, medians and the geometric mean.

/**
 * The `q`-quantile of `values` by linear interpolation between order statistics (the same
 * rule as tinybench's p50/p75).
 * @param q - between 0 and 1.
 * @throws RangeError for an empty list or `q` outside [0, 1].
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('Cannot take a quantile of no values.');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected a quantile in [0, 1], got ${q}.`);
  const sorted = [...values].sort((a, b) => a - b);
  return quantileOfSorted(sorted, q);
}

/** {@link quantile} for values already sorted ascending (no copy). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low]!;
  const highValue = sorted[high]!;
  const fraction = position - low;
  if (fraction === 0 || lowValue === highValue) return lowValue;
  // Crossover resamples may be ±Infinity ("never crossed"); do not interpolate into NaN.
  if (!Number.isFinite(lowValue) || !Number.isFinite(highValue)) {
    return fraction < 0.5 ? lowValue : highValue;
  }
  return lowValue + (highValue - lowValue) * fraction;
}

/**
 * The median (mean of the two middle values for an even count).
 * @throws RangeError for an empty list.
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * The geometric mean, the right average for ratios.
 * @throws RangeError for an empty list or a value ≤ 0.
 * @example
 * geometricMean([0.5, 2]); // 1
 */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('Cannot average no values.');
  let sum = 0;
  for (const value of values) {
    if (!(value > 0)) throw new RangeError(`Expected positive ratios, got ${value}.`);
    sum += Math.log(value);
  }
  return Math.exp(sum / values.length);
}

/** Median, quartiles, extremes and coefficient of variation of a sample. */
export interface Spread {
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly min: number;
  readonly max: number;
  /** Standard deviation over mean; 0 for a single value. */
  readonly cv: number;
}

/**
 * Describes a sample's centre and spread.
 * @throws RangeError for an empty list.
 * @example
 * describeSpread([1, 2, 3]).median; // 2
 */
export function describeSpread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('Cannot describe no values.');
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const variance =
    sorted.length > 1 ? sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / (sorted.length - 1) : 0;
  return {
    median: quantileOfSorted(sorted, 0.5),
    p25: quantileOfSorted(sorted, 0.25),
    p75: quantileOfSorted(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    cv: mean === 0 ? 0 : Math.sqrt(variance) / mean,
  };
}
