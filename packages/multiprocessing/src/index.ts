// @concur/multiprocessing: Python's multiprocessing over Node child processes.
export { createProcessWorkerHandle } from './process-handle.js';
export type { ProcessWorkerHandleOptions } from './process-handle.js';
export { FORCE_KILL_AFTER_MS, GRACEFUL_STOP_TIMEOUT_MS } from './termination.js';
