// ProcessPoolExecutor: Python's concurrent.futures.ProcessPoolExecutor over child processes.
import {
  validateArray,
  validateOptionsObject,
  validatePositiveInteger,
  type TaskReference,
} from '@concur/core';
import { deferHandles } from './deferred-handle.js';
import { BrokenProcessPool } from './errors.js';
import { PoolExecutor } from './pool-executor.js';
import { createPoolInitializer } from './pool-init.js';
import { getUsableCpuCount } from './usable-cpus.js';
import { WorkerPool } from './worker-pool.js';

/** Options of {@link ProcessPoolExecutor}. */
export interface ProcessPoolExecutorOptions {
  /** The most child processes. They start on demand. @default usable CPUs (cgroup-aware) */
  readonly maxWorkers?: number;
  /** A task run once in each new process before any work. @default none */
  readonly initializer?: TaskReference;
  /** Arguments of `initializer`. @default [] */
  readonly initargs?: readonly unknown[];
  /** A process is replaced by a fresh one after this many tasks. @default Infinity (never) */
  readonly maxTasksPerChild?: number;
}

let executorCounter = 0;

/**
 * Pool processes' handles. @concur/multiprocessing (and execa with it) loads when the first
 * ProcessPoolExecutor is made, not when @concur/executors is imported; a process started
 * before it has loaded starts when it arrives.
 */
const { create: createHandle, preload: preloadHandles } = deferHandles('process', async () => {
  const { createProcessWorkerHandle } = await import('@concur/multiprocessing');
  // Pool workers ignore SIGINT: Ctrl-C reaches the whole process group, and the parent's
  // signal shutdown decides what happens to the tasks it waits for.
  return (name) => createProcessWorkerHandle({ name, ignoreInterrupt: true });
});

/**
 * Runs tasks in a pool of child processes (Python's `ProcessPoolExecutor`). Each process
 * is named `ProcessPoolExecutor-<executor>_<n>` (its `currentProcess().name`).
 *
 * @throws TypeError for a bad option (naming it, the expected and the received value).
 * @example
 * await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
 * console.log(await executor.map(square, [1, 2, 3, 4, 5])); // [1, 4, 9, 16, 25]
 */
export class ProcessPoolExecutor extends PoolExecutor {
  constructor(options?: ProcessPoolExecutorOptions) {
    const raw = validateOptionsObject('ProcessPoolExecutor', options, [
      'maxWorkers',
      'initializer',
      'initargs',
      'maxTasksPerChild',
    ]);
    const maxWorkers =
      raw.maxWorkers === undefined
        ? getUsableCpuCount()
        : validatePositiveInteger('maxWorkers', raw.maxWorkers);
    const initargs = raw.initargs === undefined ? [] : validateArray('initargs', raw.initargs);
    const initializer =
      raw.initializer === undefined
        ? undefined
        : createPoolInitializer(raw.initializer, initargs, 'process');
    preloadHandles();
    super(
      new WorkerPool({
        factory: ({ name }) => createHandle(name),
        kind: 'process',
        maxWorkers,
        namePrefix: `ProcessPoolExecutor-${executorCounter++}`,
        initializer,
        idleTimeoutMs: Infinity,
        maxTasksPerWorker:
          raw.maxTasksPerChild === undefined
            ? Infinity
            : validatePositiveInteger('maxTasksPerChild', raw.maxTasksPerChild),
        createBrokenError: (message, cause) =>
          new BrokenProcessPool(`The process pool is not usable anymore: ${message}`, { cause }),
      }),
      maxWorkers,
    );
  }
}
