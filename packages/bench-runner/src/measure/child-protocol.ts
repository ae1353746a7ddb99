// The two requests a measuring process answers, and the calibration reply.
import type { GroupSpec } from './plan.js';

/** Measure a group. */
export interface GroupRequest {
  readonly kind: 'group';
  readonly group: GroupSpec;
}

/** Calibrate the spin workload in the main thread and in a warm worker thread. */
export interface CalibrateRequest {
  readonly kind: 'calibrate';
  /** How long each calibration samples, ms. */
  readonly sampleMs: number;
}

/** What the orchestrator may send a measuring process. */
export type ChildRequest = GroupRequest | CalibrateRequest;

/** Spin iterations per millisecond where tasks run. */
export interface Calibration {
  readonly mainIterationsPerMs: number;
  readonly workerIterationsPerMs: number;
  /** The tutorial's `cpuTask(n, 10**6)` in this process's main thread, ms (warm). */
  readonly cpuTaskMs: number;
}
