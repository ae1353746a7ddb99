// Checks the futures given to wait() and asCompleted(), deduplicating them as Python does.
import { describeValue } from '@concur/core';
import { Future } from './future.js';

/**
 * Returns the distinct futures of `futures`, in order.
 * @throws TypeError when `futures` is not iterable or holds something else than a Future.
 */
export function validateFutures<T>(futures: Iterable<Future<T>>): Set<Future<T>> {
  if (
    typeof futures !== 'object' ||
    futures === null ||
    typeof (futures as Iterable<unknown>)[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(
      `Expected the \`futures\` argument to be an iterable of futures, got ${describeValue(futures)}.`,
    );
  }
  const distinct = new Set<Future<T>>();
  let index = 0;
  for (const future of futures) {
    if (!(future instanceof Future)) {
      throw new TypeError(
        `Expected item ${index} of the \`futures\` argument to be a Future, got ${describeValue(future)}.`,
      );
    }
    distinct.add(future);
    index++;
  }
  return distinct;
}
