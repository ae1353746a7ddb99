// @concur/executors: Python's concurrent.futures for Node — Future, the Executor contract,
// ThreadPoolExecutor, ProcessPoolExecutor, EventLoopExecutor, wait and asCompleted.
export { Future } from './future.js';
export type { DoneCallback, FutureState } from './future.js';
export type {
  AnyIterable,
  Executor,
  ExecutorState,
  LocalTask,
  MapItem,
  MapOptions,
  MappableTask,
  ShutdownOptions,
  TaskOptions,
  WorkerTask,
} from './executor.js';
export { BaseExecutor, MAP_FUTURES_PER_WORKER, MAP_MAX_WINDOW } from './executor-base.js';
export { MapResult } from './map-result.js';
export { PoolExecutor, MAX_AUTO_CHUNKSIZE, AUTO_CHUNKS_PER_WORKER } from './pool-executor.js';
export { AdaptiveChunksize, AUTO_CHUNK_TARGET_MS } from './adaptive-chunksize.js';
export { ThreadPoolExecutor } from './thread-pool-executor.js';
export type { ThreadPoolExecutorOptions } from './thread-pool-executor.js';
export { ProcessPoolExecutor } from './process-pool-executor.js';
export type { ProcessPoolExecutorOptions } from './process-pool-executor.js';
export { EventLoopExecutor } from './event-loop-executor.js';
export type { EventLoopExecutorOptions } from './event-loop-executor.js';
export { WorkerPool } from './worker-pool.js';
export { ABORT_GRACE_MS } from './task-abort.js';
export { STOP_FORCE_AFTER_MS } from './worker-roster.js';
export { PIPELINE_DEPTH, PIPELINE_MAX_TASK_MS } from './pool-pipeline.js';
export type { WorkerPoolOptions, WorkerPoolState } from './worker-pool.js';
export { TaskQueue } from './task-queue.js';
export { wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED } from './wait.js';
export type { ReturnWhen, WaitOptions, WaitResult } from './wait.js';
export { asCompleted } from './as-completed.js';
export type { AsCompletedOptions, CompletedFuture } from './as-completed.js';
export { BrokenThreadPool, BrokenProcessPool } from './errors.js';
export { getUsableCpuCount } from './usable-cpus.js';
// The SIGINT / SIGTERM shutdown of live pools lives in core (pools of every package share it).
export {
  configureSignalShutdown,
  SIGNAL_SHUTDOWN_TIMEOUT_MS,
  type SignalShutdownOptions,
} from '@concur/core';
