// @concur/core/workloads: the tutorial's functions and the bench-runner's calibrated
// CPU, payload and I/O workloads, all exported tasks.
export {
  cpuTask,
  square,
  printNumbers,
  printLetters,
  worker,
  TUTORIAL_ITERATIONS,
  TUTORIAL_DELAY_MS,
} from './tutorial.js';
export { spin, allocate, calibrateSpin, calibrateSpinTask } from './cpu.js';
export type { SpinCalibration } from './cpu.js';
export { transformBytes, checksumBytes } from './payload.js';
export { sleepTask, fileTask, httpTask, startLoopbackServer } from './io.js';
export type { LoopbackServer } from './io.js';
