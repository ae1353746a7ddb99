// wait(): Python's concurrent.futures.wait — resolves when the first, the first failed, or
// all of the given futures are done, or when the timeout passes.
import { validateDuration, validateOneOf, validateOptionsObject } from '@concur/core';
import { FUTURE_FAILED, type Future } from './future.js';
import { validateFutures } from './validate-futures.js';

/** Return when any future finishes or is cancelled. */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
/** Return when any future fails with an error (or when all are done). */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
/** Return when every future is done. */
export const ALL_COMPLETED = 'ALL_COMPLETED';

/** When {@link wait} returns. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of {@link wait}. */
export interface WaitOptions {
  /** The longest wait, in milliseconds; then `wait` resolves with what is done. @default Infinity */
  readonly timeout?: number;
  /** When to return. @default ALL_COMPLETED */
  readonly returnWhen?: ReturnWhen;
}

/** What {@link wait} resolves to: the futures done and those not done, as Sets. */
export interface WaitResult<T> {
  readonly done: Set<Future<T>>;
  readonly notDone: Set<Future<T>>;
}

/**
 * Waits for futures (Python's `concurrent.futures.wait`). Never rejects because of a
 * future's error or the timeout: look at the sets.
 *
 * @throws TypeError (as a rejection) for a non-future or a bad option.
 * @example
 * const { done, notDone } = await wait(futures, { returnWhen: FIRST_COMPLETED });
 */
export async function wait<T>(
  futures: Iterable<Future<T>>,
  options?: WaitOptions,
): Promise<WaitResult<T>> {
  const raw = validateOptionsObject('wait()', options, ['timeout', 'returnWhen']);
  const timeout = raw.timeout === undefined ? Infinity : validateDuration('timeout', raw.timeout);
  const returnWhen =
    raw.returnWhen === undefined
      ? ALL_COMPLETED
      : validateOneOf('returnWhen', raw.returnWhen, [
          FIRST_COMPLETED,
          FIRST_EXCEPTION,
          ALL_COMPLETED,
        ]);
  const all = validateFutures(futures);
  const done = new Set<Future<T>>();
  const notDone = new Set<Future<T>>();
  for (const future of all) (future.done() ? done : notDone).add(future);
  const satisfied = (): boolean => {
    if (notDone.size === 0) return true;
    if (returnWhen === FIRST_COMPLETED) return done.size > 0;
    if (returnWhen === FIRST_EXCEPTION) return [...done].some((f) => f[FUTURE_FAILED]());
    return false;
  };
  if (satisfied() || timeout === 0) return { done, notDone };
  await new Promise<void>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const future of notDone) future.removeDoneCallback(onDone);
      resolve();
    };
    const onDone = (future: Future<T>) => {
      notDone.delete(future);
      done.add(future);
      if (
        notDone.size === 0 ||
        returnWhen === FIRST_COMPLETED ||
        (returnWhen === FIRST_EXCEPTION && future[FUTURE_FAILED]())
      ) {
        finish();
      }
    };
    if (timeout !== Infinity) timer = setTimeout(finish, timeout);
    for (const future of [...notDone]) future.addDoneCallback(onDone);
  });
  return { done, notDone };
}
