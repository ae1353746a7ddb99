// Calibrates the spin workload in this process's main thread (core's calibrateSpin) and in a
// warm worker thread (core's calibrateSpinTask), since tiers can differ between isolates.
import { performance } from 'node:perf_hooks';
import { resolveTaskSpec } from '@concur/core';
import {
  calibrateSpin,
  calibrateSpinTask,
  cpuTask,
  TUTORIAL_ITERATIONS,
} from '@concur/core/workloads';
import { rawThreadsStrategy } from '../strategies/raw-threads.js';
import type { Calibration, CalibrateRequest } from './child-protocol.js';

/** Worker calibrations run; the last one counts (the first ones warm the worker's JIT). */
const WORKER_CALIBRATIONS = 3;

function timeCpuTask(): number {
  for (let i = 0; i < 5; i++) cpuTask(i); // let V8 optimize first
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    cpuTask(i, TUTORIAL_ITERATIONS);
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[3]!;
}

/**
 * Calibrates here and in one warm worker thread.
 * @example
 * const { mainIterationsPerMs } = await calibrateHere({ kind: 'calibrate', sampleMs: 50 });
 */
export async function calibrateHere(request: CalibrateRequest): Promise<Calibration> {
  const main = calibrateSpin(request.sampleMs);
  const pool = await rawThreadsStrategy.create(1);
  try {
    const spec = await resolveTaskSpec(calibrateSpinTask);
    let worker = main;
    for (let i = 0; i < WORKER_CALIBRATIONS; i++) {
      worker = (await pool.submit(spec, [request.sampleMs])) as typeof main;
    }
    return {
      mainIterationsPerMs: main.iterationsPerMs,
      workerIterationsPerMs: worker.iterationsPerMs,
      cpuTaskMs: timeCpuTask(),
    };
  } finally {
    await pool.close();
  }
}
