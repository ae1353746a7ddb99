// Adapts a concur executor (ThreadPoolExecutor, ProcessPoolExecutor) to the strategy
// interface: tasks by reference (taskFrom, made once per task), `submitWith` for transfers,
// `starmap` with a chunksize for chunked maps (or over a generator, letting the executor
// pick), `shutdown()` to close.
import { taskFrom, type TaskReference, type TaskSpec } from '@concur/core';
import type { Executor } from '@concur/executors';
import type { StrategyInstance } from './strategy.js';

/**
 * Wraps an executor. Futures are awaitable, so they are returned as they are: no extra
 * promise per task on the measured path.
 * @example
 * const instance = adaptExecutor(new ThreadPoolExecutor({ maxWorkers: 2 }));
 */
export function adaptExecutor(executor: Executor): StrategyInstance {
  // By the spec object: a job passes the same one for all its tasks, so no key is built per
  // submit. A program holds its task references; looking one up must not count as dispatch.
  const references = new WeakMap<TaskSpec, TaskReference>();
  const referenceOf = (task: TaskSpec): TaskReference => {
    let reference = references.get(task);
    if (reference === undefined) {
      reference = taskFrom(task.moduleUrl, task.exportName);
      references.set(task, reference);
    }
    return reference;
  };
  return {
    submit(task, args, transfer) {
      const reference = referenceOf(task) as TaskReference<(...a: unknown[]) => unknown>;
      return transfer === undefined
        ? executor.submit(reference, ...args)
        : executor.submitWith({ transfer }, reference, ...args);
    },
    async map(task, argsList, chunksize) {
      const reference = referenceOf(task) as TaskReference<(...a: unknown[]) => unknown>;
      if (chunksize === 'auto') return executor.starmap(reference, generate(argsList));
      return executor.starmap(reference, argsList as unknown[][], { chunksize });
    },
    close: () => executor.shutdown(),
  };
}

/** The argument lists as an input of unknown length, as a program reading a stream has. */
export function* generate(argsList: readonly (readonly unknown[])[]): Generator<unknown[]> {
  for (const args of argsList) yield args as unknown[];
}
