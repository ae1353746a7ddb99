// Calibrated CPU workloads for the bench-runner: a spin of a given length that allocates
// nothing, and an allocation-heavy task. Both return deterministic checksums.
import { performance } from 'node:perf_hooks';
import { defineTask } from '../task/task-reference.js';

/**
 * Spins for `iterations` rounds of an xorshift generator without allocating, and returns
 * the final state (deterministic for the same arguments), so results can be checksummed.
 * Calibrate `iterations` to a duration with {@link calibrateSpin}.
 * @example
 * spin(1000, 1); // same number every time
 */
export const spin = defineTask(
  import.meta.url,
  function spin(iterations: number, seed: number = 1) {
    let x = seed | 0 || 1;
    for (let i = 0; i < iterations; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
    }
    return x >>> 0;
  },
);

/**
 * Builds `objects` small objects and arrays and folds them into a checksum: CPU work that
 * also exercises the allocator and the garbage collector.
 * @example
 * allocate(1000, 7);
 */
export const allocate = defineTask(
  import.meta.url,
  function allocate(objects: number, seed: number = 1) {
    let checksum = seed >>> 0;
    let keep: { value: number; items: number[] }[] = [];
    for (let i = 0; i < objects; i++) {
      const item = { value: (i * 2654435761 + checksum) >>> 0, items: [i, i + 1, i + 2] };
      keep.push(item);
      if (keep.length === 64) {
        for (const kept of keep) checksum = (checksum + kept.value + kept.items[2]!) >>> 0;
        keep = [];
      }
    }
    for (const kept of keep) checksum = (checksum + kept.value) >>> 0;
    return checksum;
  },
);

/** How a spin calibration came out. */
export interface SpinCalibration {
  /** Spin iterations per millisecond on this thread, after warm-up. */
  readonly iterationsPerMs: number;
}

/**
 * Measures how many {@link spin} iterations take one millisecond on the calling thread,
 * after a warm-up so the JIT has optimized the loop.
 * @param sampleMs - how long to measure. @default 50
 * @example
 * const { iterationsPerMs } = calibrateSpin();
 * spin(Math.round(iterationsPerMs * 0.1)); // about 100 µs
 */
export function calibrateSpin(sampleMs = 50): SpinCalibration {
  spin(200_000); // warm-up: let V8 optimize the loop before timing it
  let iterations = 10_000;
  for (;;) {
    const start = performance.now();
    spin(iterations);
    const elapsed = performance.now() - start;
    if (elapsed >= sampleMs) return { iterationsPerMs: iterations / elapsed };
    iterations *= elapsed > 0 ? Math.min(10, Math.max(2, sampleMs / elapsed)) : 10;
    iterations = Math.ceil(iterations);
  }
}

/**
 * A calibration that runs inside a worker: an exported task, so the bench-runner can ask a
 * warm worker how fast it spins.
 */
export const calibrateSpinTask = defineTask(
  import.meta.url,
  function calibrateSpinTask(sampleMs: number = 50) {
    return calibrateSpin(sampleMs);
  },
);
