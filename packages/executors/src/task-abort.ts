// Stopping one pool task early: an AbortSignal or its timeout fails the future at once,
// asks the worker to abort (its `taskSignal()` fires), and terminates the worker if the
// task has not settled after a grace period.
import { TimeoutError } from '@concur/core';
import type { PoolTask } from './pool-task.js';
import { ignoreExitError } from './worker-roster.js';

/**
 * How long an aborted or timed-out task may take to settle after its `taskSignal()`
 * fired, in milliseconds, before its worker is terminated: long enough for a cooperative
 * task to clean up, short enough that a stuck one does not hold a worker.
 */
export const ABORT_GRACE_MS = 1000;

/**
 * Aborts a task: cancels it when it has not been dispatched, else fails its future with
 * `reason`, sends `abort` and arms the grace timer that kills a worker still running it.
 */
export function abortTask(item: PoolTask, reason: unknown): void {
  const worker = item.worker;
  if (worker === undefined) {
    if (item.future.cancel()) item.release();
    return;
  }
  if (item.future.done()) return;
  item.future.setException(reason);
  if (worker.current !== item) return;
  item.release();
  try {
    worker.handle.send({ type: 'abort', id: item.id });
  } catch {
    // The worker is gone; its exit settles the pool's bookkeeping.
  }
  item.timer = setTimeout(() => {
    if (worker.current === item) worker.handle.kill().catch(ignoreExitError);
  }, ABORT_GRACE_MS);
}

/** Arms a dispatched task's `timeout` option, if it has one. */
export function startTaskTimeout(item: PoolTask): void {
  const timeout = item.options?.timeout;
  if (timeout === undefined || timeout === Infinity) return;
  item.timer = setTimeout(() => {
    abortTask(item, new TimeoutError(`task \`${item.name}\` timed out after ${timeout} ms`));
  }, timeout);
}
