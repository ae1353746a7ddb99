// Runs one job (N tasks, all awaited) on a strategy instance: a burst, a window of at most
// `inFlight` outstanding tasks, or chunked `map`.
import type { TaskSpec } from '@concur/core';
import type { StrategyInstance } from './strategy.js';

/** One job ready to run: the task, every task's arguments and what to transfer. */
export interface Job {
  readonly task: TaskSpec;
  readonly argsList: readonly (readonly unknown[])[];
  /** Per task, the buffers to transfer (only when the workload asks for transfer). */
  readonly transferList?: readonly (readonly ArrayBuffer[])[];
}

/** How to drive a job. */
export interface DriveOptions {
  readonly inFlight?: number;
  /** A chunksize for the strategy's `map`, or `'auto'` (a generator, no chunksize). */
  readonly chunksize?: number | 'auto';
}

/**
 * Runs every task of `job` and resolves to the results in task order.
 * @throws whatever a task throws (the first failure).
 * @example
 * await runJob(instance, job, { inFlight: 4 });
 */
export async function runJob(
  instance: StrategyInstance,
  job: Job,
  { inFlight, chunksize }: DriveOptions = {},
): Promise<unknown[]> {
  const { task, argsList, transferList } = job;
  if (instance.runAll !== undefined) return instance.runAll(task, argsList);
  if (chunksize !== undefined) {
    if (instance.map === undefined) throw new Error('This strategy has no chunked map.');
    return instance.map(task, argsList, chunksize);
  }
  if (inFlight === undefined) {
    return Promise.all(argsList.map((args, i) => instance.submit(task, args, transferList?.[i])));
  }
  const results = new Array<unknown>(argsList.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < argsList.length) {
      const i = next++;
      results[i] = await instance.submit(task, argsList[i]!, transferList?.[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, argsList.length) }, lane));
  return results;
}
