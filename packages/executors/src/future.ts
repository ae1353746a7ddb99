// Future: the pending result of one submitted task (Python's concurrent.futures.Future),
// awaitable, settled by executors from their response handlers without promise chains.
import { CancelledError, InvalidStateError, TimeoutError, validateDuration } from '@concur/core';
import { reportCallbackError } from './callback-errors.js';

/** A future's lifecycle, one field: `pending → running → finished`, or `pending → cancelled`. */
export type FutureState = 'pending' | 'running' | 'cancelled' | 'finished';

/** Package-internal: tells synchronously whether a finished future failed (for `wait`). */
export const FUTURE_FAILED: unique symbol = Symbol('concur.futureFailed') as never;

/** A function called with the future once it is done (finished or cancelled). */
export type DoneCallback<T> = (future: Future<T>) => void;

/**
 * The eventual result of a task: Python's `concurrent.futures.Future`, and a `PromiseLike`
 * so `await future` gives the result (or throws its error).
 *
 * A failed future that nobody awaits never causes an unhandled rejection: the future
 * makes no promise until someone calls `then`, `result` or `exception`.
 *
 * Executors create and settle futures; user code reads them. The settling methods
 * (`setRunningOrNotifyCancel`, `setResult`, `setException`) are public, as in Python,
 * for writers of new executors.
 *
 * @example
 * const future = executor.submit(square, 4);
 * future.addDoneCallback((f) => console.log('done', f.state));
 * console.log(await future); // 16
 */
export class Future<T = unknown> implements PromiseLike<T> {
  #state: FutureState = 'pending';
  #failed = false;
  #value: T | undefined;
  #error: unknown;
  #callbacks: DoneCallback<T>[] | undefined;
  #promise: Promise<T> | undefined;
  #resolve: ((value: T) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;

  /** The lifecycle state. */
  get state(): FutureState {
    return this.#state;
  }

  /**
   * Cancels the future if it has not started running.
   * @returns `true` when the future is (now or already) cancelled; `false` when it is
   * running or finished.
   */
  cancel(): boolean {
    if (this.#state === 'cancelled') return true;
    if (this.#state !== 'pending') return false;
    this.#state = 'cancelled';
    this.#reject?.(this.#cancelledError());
    this.#runCallbacks();
    return true;
  }

  /** Whether the future was cancelled. */
  cancelled(): boolean {
    return this.#state === 'cancelled';
  }

  /** Whether the task is running now (it can no longer be cancelled). */
  running(): boolean {
    return this.#state === 'running';
  }

  /** Whether the future is finished or cancelled. */
  done(): boolean {
    return this.#state === 'finished' || this.#state === 'cancelled';
  }

  /**
   * Waits for the task's result.
   * @param timeoutMs - how long to wait, in milliseconds. @default Infinity
   * @throws CancelledError (as a rejection) when the future was cancelled.
   * @throws TimeoutError (as a rejection) when it is not done in time; the task goes on.
   * @throws the task's own error when it failed.
   * @example
   * const value = await future.result(5_000);
   */
  result(timeoutMs?: number): Promise<T> {
    if (this.#state === 'finished') {
      return this.#failed ? Promise.reject(this.#error) : Promise.resolve(this.#value as T);
    }
    if (this.#state === 'cancelled') return Promise.reject(this.#cancelledError());
    if (timeoutMs === undefined || timeoutMs === Infinity) return this.#getPromise();
    validateDuration('timeoutMs', timeoutMs, 'argument');
    return this.#waitDone(timeoutMs).then(() => this.result());
  }

  /**
   * Waits for the task and gives the error it failed with, or `undefined` when it succeeded.
   * @param timeoutMs - how long to wait, in milliseconds. @default Infinity
   * @throws CancelledError (as a rejection) when the future was cancelled.
   * @throws TimeoutError (as a rejection) when it is not done in time.
   * @example
   * const error = await future.exception();
   */
  exception(timeoutMs?: number): Promise<unknown> {
    if (timeoutMs !== undefined && timeoutMs !== Infinity) {
      validateDuration('timeoutMs', timeoutMs, 'argument');
    }
    return this.#waitDone(timeoutMs ?? Infinity).then(() => {
      if (this.#state === 'cancelled') throw this.#cancelledError();
      return this.#failed ? this.#error : undefined;
    });
  }

  /**
   * Calls `fn(future)` when the future is done, or at once when it is done already.
   * Callbacks run in the order added. A callback that throws is reported as a process
   * warning (printed to stderr) and never affects the future or other callbacks.
   * @throws TypeError when `fn` is not a function.
   * @example
   * future.addDoneCallback((f) => console.log(f.state));
   */
  addDoneCallback(fn: DoneCallback<T>): void {
    if (typeof fn !== 'function') {
      throw new TypeError(
        `Expected the \`fn\` argument to be a function, got \`${String(fn)}\` (${typeof fn}).`,
      );
    }
    if (this.done()) {
      this.#invoke(fn);
      return;
    }
    (this.#callbacks ??= []).push(fn);
  }

  /**
   * Removes a callback added by {@link Future.addDoneCallback} (used by `wait` and
   * `asCompleted` to let go of futures when they time out).
   * @returns whether the callback was registered.
   */
  removeDoneCallback(fn: DoneCallback<T>): boolean {
    const index = this.#callbacks?.indexOf(fn) ?? -1;
    if (index < 0) return false;
    this.#callbacks!.splice(index, 1);
    return true;
  }

  /**
   * Marks the future running, unless it was cancelled (for executor implementations;
   * Python's `set_running_or_notify_cancel`).
   * @returns `false` when the future was cancelled (do not run the task), else `true`.
   * @throws InvalidStateError when the future is already running or finished.
   */
  setRunningOrNotifyCancel(): boolean {
    if (this.#state === 'cancelled') return false;
    if (this.#state !== 'pending') {
      throw new InvalidStateError(`Cannot mark a ${this.#state} future as running.`);
    }
    this.#state = 'running';
    return true;
  }

  /**
   * Finishes the future with a value (for executor implementations).
   * @throws InvalidStateError when the future is already done.
   */
  setResult(value: T): void {
    this.#finish();
    this.#value = value;
    this.#resolve?.(value);
    this.#runCallbacks();
  }

  /**
   * Finishes the future with an error (for executor implementations).
   * @throws InvalidStateError when the future is already done.
   */
  setException(error: unknown): void {
    this.#finish();
    this.#failed = true;
    this.#error = error;
    this.#reject?.(error);
    this.#runCallbacks();
  }

  /** @internal Whether the future finished with an error. */
  [FUTURE_FAILED](): boolean {
    return this.#state === 'finished' && this.#failed;
  }

  /** `PromiseLike`: `await future` gives the result or throws the task's error. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    if (this.done()) return this.result().then(onFulfilled, onRejected);
    // Chained at once, so the promise needs no guard against unhandled rejections.
    return this.#getPromise(false).then(onFulfilled, onRejected);
  }

  /** Like `Promise#catch`. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.result().catch(onRejected);
  }

  /** Like `Promise#finally`. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.result().finally(onFinally);
  }

  /** A short description, like Python's repr: `Future<finished returned number>`. */
  toString(): string {
    if (this.#state !== 'finished') return `Future<${this.#state}>`;
    if (this.#failed) return `Future<finished raised ${describeThrown(this.#error)}>`;
    return `Future<finished returned ${typeof this.#value}>`;
  }

  get [Symbol.toStringTag](): string {
    return 'Future';
  }

  #finish(): void {
    if (this.done()) {
      throw new InvalidStateError(`Cannot set the outcome of a ${this.#state} future.`);
    }
    this.#state = 'finished';
  }

  #getPromise(guard = true): Promise<T> {
    if (this.#promise === undefined) {
      this.#promise = new Promise<T>((resolve, reject) => {
        this.#resolve = resolve;
        this.#reject = reject;
      });
      // The promise exists because a caller is about to chain on it; this guard keeps a
      // rejection that races the caller's own handler from being reported as unhandled.
      if (guard) this.#promise.catch(ignore);
    }
    return this.#promise;
  }

  #waitDone(timeoutMs: number): Promise<void> {
    if (this.done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onDone = () => {
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      };
      if (timeoutMs !== Infinity) {
        timer = setTimeout(() => {
          this.removeDoneCallback(onDone);
          reject(new TimeoutError(`The future was not done within ${timeoutMs} ms.`));
        }, timeoutMs);
      }
      this.addDoneCallback(onDone);
    });
  }

  #cancelledError(): CancelledError {
    return new CancelledError('The future was cancelled.');
  }

  #runCallbacks(): void {
    const callbacks = this.#callbacks;
    if (callbacks === undefined) return;
    this.#callbacks = undefined;
    for (const fn of callbacks) this.#invoke(fn);
  }

  #invoke(fn: DoneCallback<T>): void {
    try {
      fn(this);
    } catch (error) {
      reportCallbackError(error);
    }
  }
}

function ignore(): void {}

function describeThrown(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
