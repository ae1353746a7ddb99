// @concur/multiprocessing: Python's multiprocessing over Node child processes.
export { Process, activeChildren } from './process.js';
export type { ProcessOptions, ProcessState } from './process.js';
export { registerProcessClass } from './process-payload.js';
export { currentProcess, parentProcess, isMainProcess } from './identity/process-identity.js';
export type { ProcessIdentity } from './identity/process-identity.js';
export { isMainModule } from './identity/main-module.js';
export { cpuCount, readCpuQuota } from './identity/cpu-count.js';
export { createProcessWorkerHandle } from './process-handle.js';
export type { ProcessWorkerHandle } from './process-handle.js';
export type { ProcessWorkerHandleOptions } from './process-handle-options.js';
export { FORCE_KILL_AFTER_MS, GRACEFUL_STOP_TIMEOUT_MS } from './termination.js';
