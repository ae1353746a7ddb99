// asCompleted(): Python's concurrent.futures.as_completed — yields futures as they finish.
import { TimeoutError, validateDuration, validateOptionsObject } from '@concur/core';
import type { Future } from './future.js';
import { TaskQueue } from './task-queue.js';
import { validateFutures } from './validate-futures.js';

/**
 * A future yielded by {@link asCompleted}: the very same Future, typed without `then`
 * because TypeScript types `for await (const x of ...)` as the *awaited* item, which for a
 * thenable would be its result. Read it with `await future.result()` (Python's
 * `future.result()`); at run time `await future` works too.
 */
export type CompletedFuture<T> = Omit<Future<T>, 'then' | 'catch' | 'finally'>;

/** Options of {@link asCompleted}. */
export interface AsCompletedOptions {
  /**
   * The longest time, in milliseconds from the call, until every future has been yielded;
   * after it the iteration throws a TimeoutError saying how many are unfinished.
   * @default Infinity
   */
  readonly timeout?: number;
}

/**
 * Yields the given futures as they complete (finished or cancelled): those done already
 * first, then in completion order. Duplicates are yielded once. (A hand-written iterator,
 * not an async generator: a generator would await each future, since futures are
 * thenables, and yield results instead of futures.)
 *
 * @throws TypeError for a non-future or bad option; TimeoutError (from `next()`) when the
 * timeout passes, saying how many futures are unfinished.
 * @example
 * for await (const future of asCompleted(futures)) console.log(await future.result());
 */
export function asCompleted<T>(
  futures: Iterable<Future<T>>,
  options?: AsCompletedOptions,
): AsyncIterableIterator<CompletedFuture<T>> {
  const raw = validateOptionsObject('asCompleted()', options, ['timeout']);
  const timeout = raw.timeout === undefined ? Infinity : validateDuration('timeout', raw.timeout);
  const deadline = performance.now() + timeout;
  const all = validateFutures(futures);
  const finished = new TaskQueue<Future<T>>();
  const pending = new Set<Future<T>>();
  let wake: (() => void) | undefined;
  let yielded = 0;
  let closed = false;
  const onDone = (future: Future<T>) => {
    pending.delete(future);
    finished.push(future);
    wake?.();
  };
  for (const future of all) {
    if (future.done()) finished.push(future);
    else pending.add(future);
  }
  for (const future of pending) future.addDoneCallback(onDone);
  const close = () => {
    closed = true;
    for (const future of pending) future.removeDoneCallback(onDone);
  };
  const iterator: AsyncIterableIterator<CompletedFuture<T>> = {
    async next(): Promise<IteratorResult<CompletedFuture<T>>> {
      if (closed || yielded >= all.size) {
        close();
        return { done: true, value: undefined };
      }
      if (finished.size === 0) await waitForNext(deadline, (resolve) => (wake = resolve));
      wake = undefined;
      if (finished.size === 0) {
        close();
        throw new TimeoutError(`${all.size - yielded} (of ${all.size}) futures unfinished`);
      }
      yielded++;
      return { done: false, value: finished.shift()! };
    },
    async return(): Promise<IteratorResult<CompletedFuture<T>>> {
      close();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
function waitForNext(deadline: number, register: (resolve: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const remaining = deadline - performance.now();
    const timer = remaining === Infinity ? undefined : setTimeout(resolve, Math.max(0, remaining));
    register(() => {
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    });
  });
}
