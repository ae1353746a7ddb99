// The baseline: every task called inline on the main thread, one after another.
import { loadTask, type TaskSpec } from '@concur/core';
import type { Strategy, StrategyInstance } from './strategy.js';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

async function runInline(
  task: TaskSpec,
  argsList: readonly (readonly unknown[])[],
): Promise<unknown[]> {
  const fn = await loadTask(task);
  const results = new Array<unknown>(argsList.length);
  for (let i = 0; i < argsList.length; i++) {
    const value = fn(...argsList[i]!);
    // Only async tasks pay for a promise turn; CPU tasks run back to back.
    results[i] = isThenable(value) ? await value : value;
  }
  return results;
}

/** Calls each task in place and awaits it before the next (for async tasks). */
export const sequentialStrategy: Strategy = {
  name: 'sequential',
  label: 'sequential (inline)',
  model: 'sequential',
  origin: 'baseline',
  canTransfer: false,
  async create(): Promise<StrategyInstance> {
    return {
      async submit(task, args) {
        return (await runInline(task, [args]))[0];
      },
      runAll: runInline,
      async close() {},
    };
  },
};
