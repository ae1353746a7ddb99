// What a WorkerPool is built from (validated by the executor that makes it) and its state.
import type { BrokenExecutorError, WorkerHandleFactory } from '@concur/core';
import type { PoolInitializer } from './pool-init.js';

/** The pool's lifecycle, one field. */
export type WorkerPoolState = 'running' | 'shutting-down' | 'shutdown' | 'broken';

/** What a pool is built from (already validated by the executor). */
export interface WorkerPoolOptions {
  readonly factory: WorkerHandleFactory;
  readonly kind: 'thread' | 'process';
  readonly maxWorkers: number;
  /** Worker names are `${namePrefix}_${index}`. */
  readonly namePrefix: string;
  readonly initializer: PoolInitializer | undefined;
  /** Idle workers older than this stop, in ms (Infinity: never). */
  readonly idleTimeoutMs: number;
  /** A worker is replaced after this many tasks (Infinity: never). */
  readonly maxTasksPerWorker: number;
  /** Makes the error that breaks the pool (BrokenThreadPool / BrokenProcessPool). */
  readonly createBrokenError: (message: string, cause: unknown) => BrokenExecutorError;
}
