// Bench: the measurements, the same for every executor: round-trip latency of one task at a
// time, throughput of no-op tasks with many in flight, and wall time of CPU tasks of a given
// duration.
import { calibrateSpin, sleepTask, spin } from '@concur/core/workloads';
import type { Executor } from '@concur/executors';

/** Round-trip latency of a no-op task, in milliseconds. */
export interface Latency {
  readonly median: number;
  readonly p95: number;
  readonly mean: number;
}

/** Submits `count` no-op tasks one after another and times each round trip. */
export async function measureLatency(executor: Executor, count: number): Promise<Latency> {
  for (let i = 0; i < Math.min(20, count); i++) await executor.submit(sleepTask, 0, i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await executor.submit(sleepTask, 0, i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.floor(samples.length * 0.95)]!,
    mean: samples.reduce((sum, x) => sum + x, 0) / samples.length,
  };
}

/** Submits `count` no-op tasks at once and returns tasks per second. */
export async function measureThroughput(executor: Executor, count: number): Promise<number> {
  const start = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => executor.submit(sleepTask, 0, i)));
  return count / ((performance.now() - start) / 1_000);
}

/** Runs the same CPU tasks one after another in this process: the cost of not distributing. */
export function measureInProcess(count: number, iterations: number): number {
  spin(iterations, 1); // warm-up
  const start = performance.now();
  for (let i = 0; i < count; i++) spin(iterations, i + 1);
  return performance.now() - start;
}

/** Spins per millisecond on this machine: the best of `rounds` samples (least disturbed). */
export function calibrateIterationsPerMs(rounds = 3, sampleMs = 100): number {
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    best = Math.max(best, calibrateSpin(sampleMs).iterationsPerMs);
  }
  return best;
}

/**
 * Runs `count` CPU tasks of `iterations` spins each (after `warmUp` untimed ones, so every
 * worker has loaded the task) and returns the wall time in ms.
 */
export async function measureCpuBatch(
  executor: Executor,
  count: number,
  iterations: number,
  warmUp: number,
): Promise<number> {
  await Promise.all(Array.from({ length: warmUp }, () => executor.submit(spin, iterations, 1)));
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) => executor.submit(spin, iterations, i + 1)),
  );
  return performance.now() - start;
}
