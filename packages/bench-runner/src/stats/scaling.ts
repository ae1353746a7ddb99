// Speedup laws: parallel efficiency, the Karp–Flatt experimentally determined serial
// fraction, and an Amdahl serial fraction fitted over several worker counts.

/**
 * Parallel efficiency E = S / p.
 * @example
 * efficiency(1.8, 2); // 0.9
 */
export function efficiency(speedup: number, workers: number): number {
  return speedup / workers;
}

/**
 * Karp–Flatt serial fraction e = (1/S − 1/p) / (1 − 1/p); undefined for p = 1.
 * Constant e as p grows means an inherent serial part; rising e means overhead growing with p.
 * @example
 * karpFlatt(1.6, 2); // 0.25
 */
export function karpFlatt(speedup: number, workers: number): number | undefined {
  if (workers <= 1 || !(speedup > 0)) return undefined;
  return (1 / speedup - 1 / workers) / (1 - 1 / workers);
}

/**
 * Amdahl's predicted speedup S(p) = 1 / (s + (1 − s)/p).
 * @example
 * amdahlSpeedup(0.1, 2); // 1.818...
 */
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / workers);
}

/**
 * Least-squares fit of Amdahl's serial fraction to (workers, speedup) points. Linear in s:
 * 1/S − 1/p = s·(1 − 1/p), so s = Σ x·y / Σ x² with x = 1 − 1/p, y = 1/S − 1/p.
 * @returns the fraction clamped to [0, 1], or undefined with no point above p = 1.
 * @example
 * fitAmdahl([{ workers: 2, speedup: amdahlSpeedup(0.2, 2) }]); // 0.2
 */
export function fitAmdahl(
  points: readonly { workers: number; speedup: number }[],
): number | undefined {
  let sumXY = 0;
  let sumXX = 0;
  for (const { workers, speedup } of points) {
    if (workers <= 1 || !(speedup > 0)) continue;
    const x = 1 - 1 / workers;
    const y = 1 / speedup - 1 / workers;
    sumXY += x * y;
    sumXX += x * x;
  }
  if (sumXX === 0) return undefined;
  return Math.min(1, Math.max(0, sumXY / sumXX));
}
