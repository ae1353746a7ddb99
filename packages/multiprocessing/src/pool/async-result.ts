// Python's AsyncResult: the handle `applyAsync` / `mapAsync` return, settled once by the pool.
import { InvalidStateError, TimeoutError, validateDuration } from '@concur/core';

type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown };

/** Callbacks run in the parent when an async result settles. */
export interface AsyncResultCallbacks<T> {
  /** Called with the value on success. */
  readonly callback?: (value: T) => void;
  /** Called with the error on failure. */
  readonly errorCallback?: (error: unknown) => void;
}

/**
 * The eventual result of `applyAsync` / `mapAsync` / `starmapAsync` (Python's
 * `multiprocessing.pool.AsyncResult`). A failure is only raised by `get()`, so an
 * unread result never causes an unhandled rejection.
 *
 * @example
 * const result = pool.applyAsync(square, [4]);
 * await result.get(1_000); // 16
 */
export class AsyncResult<T> {
  #outcome: Outcome<T> | undefined;
  #waiters: (() => void)[] = [];

  /** @internal Created by the pool. */
  constructor(private readonly callbacks: AsyncResultCallbacks<T> = {}) {}

  /** @internal Settles the result once; later calls are ignored. */
  settle(outcome: Outcome<T>): void {
    if (this.#outcome !== undefined) return;
    this.#outcome = outcome;
    for (const wake of this.#waiters.splice(0)) wake();
    try {
      if (outcome.ok) this.callbacks.callback?.(outcome.value);
      else this.callbacks.errorCallback?.(outcome.error);
    } catch (error) {
      // A callback that throws must not break the pool, as in Python it would kill the result thread.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  /** Whether the call has completed. */
  ready(): boolean {
    return this.#outcome !== undefined;
  }

  /**
   * Whether the call completed without raising.
   * @throws InvalidStateError when it is not ready yet (Python's ValueError).
   */
  successful(): boolean {
    if (this.#outcome === undefined)
      throw new InvalidStateError('the result is not ready: await wait() or get() first.');
    return this.#outcome.ok;
  }

  /**
   * Waits until the result is ready or `timeoutMs` passes.
   * @param timeoutMs - the longest wait, in milliseconds. @default Infinity
   */
  async wait(timeoutMs: number = Infinity): Promise<void> {
    validateDuration('timeoutMs', timeoutMs, 'argument');
    if (this.#outcome !== undefined) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            this.#waiters = this.#waiters.filter((waiter) => waiter !== wake);
            resolve();
          }, timeoutMs)
        : undefined;
      this.#waiters.push(wake);
    });
  }

  /**
   * Returns the result when it arrives; rejects with the task's error.
   * @param timeoutMs - the longest wait, in milliseconds. @default Infinity
   * @throws TimeoutError when `timeoutMs` passes first (the task goes on).
   */
  async get(timeoutMs: number = Infinity): Promise<T> {
    await this.wait(timeoutMs);
    const outcome = this.#outcome;
    if (outcome === undefined)
      throw new TimeoutError(`the result was not ready within ${timeoutMs} ms.`);
    if (outcome.ok) return outcome.value;
    throw outcome.error;
  }
}
