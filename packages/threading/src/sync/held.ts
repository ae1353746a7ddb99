// What `hold()` and `holdAsync()` return: a disposable that releases what was acquired, so
// that `using held = lock.hold()` is Python's `with lock:`.

/**
 * Proof that a lock or semaphore is held; disposing it releases it once.
 *
 * @example
 * {
 *   using held = lock.hold();
 *   counter[0] += 1;
 * } // released here, even if the block throws
 */
export class Held implements Disposable, AsyncDisposable {
  #release: (() => void) | undefined;

  /** @internal Made by `hold()`/`holdAsync()`; `release` runs at most once. */
  constructor(release: () => void) {
    this.#release = release;
  }

  /**
   * Whether this hold has not been released yet.
   * @example
   * held.active; // true until released
   */
  get active(): boolean {
    return this.#release !== undefined;
  }

  /**
   * Releases what was acquired; later calls do nothing.
   * @example
   * held.release(); held.release(); // the second call does nothing
   */
  release(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  /**
   * Releases, for `using`.
   * @example
   * { using held = lock.hold(); }
   */
  [Symbol.dispose](): void {
    this.release();
  }

  /**
   * Releases, for `await using`.
   * @example
   * { await using held = await lock.holdAsync(); }
   */
  [Symbol.asyncDispose](): Promise<void> {
    this.release();
    return Promise.resolve();
  }
}
