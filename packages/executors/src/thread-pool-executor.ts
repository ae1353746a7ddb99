// ThreadPoolExecutor: Python's concurrent.futures.ThreadPoolExecutor over worker threads.
import type { ResourceLimits } from 'node:worker_threads';
import {
  validateArray,
  validateDuration,
  validateOptionsObject,
  validatePositiveInteger,
  validateString,
  type TaskReference,
} from '@concur/core';
import { createThreadWorkerHandle } from '@concur/threading';
import { BrokenThreadPool } from './errors.js';
import { PoolExecutor } from './pool-executor.js';
import { createPoolInitializer } from './pool-init.js';
import { getUsableCpuCount } from './usable-cpus.js';
import { WorkerPool } from './worker-pool.js';

/** Options of {@link ThreadPoolExecutor}. */
export interface ThreadPoolExecutorOptions {
  /**
   * The most threads. Threads start on demand. Unlike Python's `min(32, cpus + 4)`, Node
   * threads are for CPU-bound work (I/O belongs on the event loop), so it is the CPU count.
   * @default usable CPUs (cgroup-aware)
   */
  readonly maxWorkers?: number;
  /** Thread names are `${threadNamePrefix}_${n}`. @default `ThreadPoolExecutor-${executorNumber}` */
  readonly threadNamePrefix?: string;
  /** A task run once in each new thread before any work (Python's `initializer`). @default none */
  readonly initializer?: TaskReference;
  /** Arguments of `initializer`. @default [] */
  readonly initargs?: readonly unknown[];
  /** Idle threads stop after this many milliseconds. @default Infinity (they stay, unreferenced) */
  readonly idleTimeout?: number;
  /** V8 heap limits of each thread; a thread over them fails its task with WorkerCrashedError. @default none */
  readonly resourceLimits?: ResourceLimits;
}

let executorCounter = 0;

/**
 * Runs tasks on a pool of worker threads (Python's `ThreadPoolExecutor`). Tasks are made
 * with `defineTask` (or `taskFrom`); arguments and results are structured-cloned.
 *
 * @throws TypeError for a bad option (naming it, the expected and the received value).
 * @example
 * await using executor = new ThreadPoolExecutor({ maxWorkers: 3 });
 * console.log(await executor.map(square, [1, 2, 3, 4, 5])); // [1, 4, 9, 16, 25]
 */
export class ThreadPoolExecutor extends PoolExecutor {
  constructor(options?: ThreadPoolExecutorOptions) {
    const raw = validateOptionsObject('ThreadPoolExecutor', options, [
      'maxWorkers',
      'threadNamePrefix',
      'initializer',
      'initargs',
      'idleTimeout',
      'resourceLimits',
    ]);
    const maxWorkers =
      raw.maxWorkers === undefined
        ? getUsableCpuCount()
        : validatePositiveInteger('maxWorkers', raw.maxWorkers);
    const prefix =
      raw.threadNamePrefix === undefined
        ? `ThreadPoolExecutor-${executorCounter++}`
        : validateString('threadNamePrefix', raw.threadNamePrefix, 'option', { nonEmpty: true });
    const initargs = raw.initargs === undefined ? [] : validateArray('initargs', raw.initargs);
    const initializer =
      raw.initializer === undefined
        ? undefined
        : createPoolInitializer(raw.initializer, initargs, 'thread');
    const resourceLimits = raw.resourceLimits as ResourceLimits | undefined;
    // Checked now, not at the first submit: a handle validates its options and starts nothing.
    if (resourceLimits !== undefined) createThreadWorkerHandle({ name: prefix, resourceLimits });
    super(
      new WorkerPool({
        factory: ({ name }) =>
          createThreadWorkerHandle(
            resourceLimits === undefined ? { name } : { name, resourceLimits },
          ),
        kind: 'thread',
        maxWorkers,
        namePrefix: prefix,
        initializer,
        idleTimeoutMs:
          raw.idleTimeout === undefined
            ? Infinity
            : validateDuration('idleTimeout', raw.idleTimeout),
        maxTasksPerWorker: Infinity,
        createBrokenError: (message, cause) =>
          new BrokenThreadPool(`The thread pool is not usable anymore: ${message}`, { cause }),
      }),
      maxWorkers,
    );
  }
}
