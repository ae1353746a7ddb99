// concur's EventLoopExecutor as a strategy: tasks run on this thread's event loop, at most
// `workers` at once (the tutorial's max_workers, or the I/O in-flight limit).
import { loadTask, type AnyFunction, type TaskSpec } from '@concur/core';
import { generate } from './concur-executor.js';
import type { Strategy } from './strategy.js';

/** EventLoopExecutor with `maxConcurrency: workers`; tasks are passed as functions. */
export const concurEventLoopStrategy: Strategy = {
  name: 'concur-event-loop',
  label: 'concur EventLoopExecutor',
  model: 'event-loop',
  origin: 'concur',
  packageName: '@concur/executors',
  canTransfer: false,
  async create(workers) {
    const { EventLoopExecutor } = await import('@concur/executors');
    const executor = new EventLoopExecutor({ maxConcurrency: workers });
    const functions = new Map<string, AnyFunction>();
    const functionOf = async (task: TaskSpec): Promise<AnyFunction> => {
      const key = `${task.exportName}\u0000${task.moduleUrl}`;
      let fn = functions.get(key);
      if (fn === undefined) {
        fn = await loadTask(task);
        functions.set(key, fn);
      }
      return fn;
    };
    return {
      submit(task, args) {
        const fn = functions.get(`${task.exportName}\u0000${task.moduleUrl}`);
        if (fn !== undefined) return executor.submit(fn, ...args);
        return functionOf(task).then((loaded) => executor.submit(loaded, ...args));
      },
      async map(task, argsList, chunksize) {
        const fn = await functionOf(task);
        if (chunksize === 'auto') return executor.starmap(fn, generate(argsList));
        return executor.starmap(fn, argsList as unknown[][], { chunksize });
      },
      close: () => executor.shutdown(),
    };
  },
};
