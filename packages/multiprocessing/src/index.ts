// @concur/multiprocessing: Python's multiprocessing over Node child processes.
export { Process } from './process.js';
export { activeChildren } from './process-registry.js';
export type { ProcessState } from './process.js';
export type { ProcessOptions } from './process-options.js';
export { registerProcessClass } from './process-payload.js';
export { currentProcess, parentProcess, isMainProcess } from './identity/process-identity.js';
export type { ProcessIdentity } from './identity/process-identity.js';
export { isMainModule } from './identity/main-module.js';
// The container-aware CPU count lives in core (the executors size their pools with it too).
export { cpuCount, readCpuQuota, readCgroupCpuQuota, parseCpuMax } from '@concur/core';
export type { CpuQuota } from '@concur/core';
export { createProcessWorkerHandle } from './process-handle.js';
export type { ProcessWorkerHandle } from './process-handle.js';
export type { ProcessWorkerHandleOptions } from './process-handle-options.js';
export type { CreateProcessWorkerHandleOptions } from './process-handle.js';
export { FORCE_KILL_AFTER_MS, GRACEFUL_STOP_TIMEOUT_MS } from './termination.js';
export { Pool } from './pool/pool.js';
export type { PoolState } from './pool/pool.js';
export type { PoolOptions } from './pool/pool-options.js';
export { AsyncResult } from './pool/async-result.js';
export type { AsyncResultCallbacks } from './pool/async-result.js';
export { ResultIterator } from './pool/result-iterator.js';
export { MAX_STARTUP_FAILURES } from './pool/worker-set.js';
export { Queue, SimpleQueue, JoinableQueue } from './queue/queue.js';
export { Pipe, Connection } from './queue/pipe.js';
export { Empty, Full, EOFError } from './queue/errors.js';
export {
  configureSignalShutdown,
  SIGNAL_SHUTDOWN_TIMEOUT_MS,
  type SignalShutdownOptions,
} from '@concur/core';
