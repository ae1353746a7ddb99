// The acquire/release surface Lock, RLock and Semaphore share: blocking and awaitable
// acquire with Python's `blocking`/`timeout`, and `hold()` for `using`.
import { TimeoutError } from '@concur/core';
import { resolveAcquireOptions, type AcquireOptions } from './acquire-options.js';
import { Held } from './held.js';
import { Deadline, runAsync, runBlocking, type WaitSteps } from './waiting.js';

/** Base of the primitives that are acquired and released. Not exported: use a subclass. */
export abstract class Acquirable {
  /** The name used in messages, e.g. `Lock`. */
  protected abstract readonly displayName: string;

  /** Tries once, without waiting. */
  protected abstract tryAcquire(): boolean;

  /** Acquires, waiting until the deadline. */
  protected abstract acquireSteps(deadline: Deadline): WaitSteps<boolean>;

  /** Releases once. */
  abstract release(): void;

  /**
   * Acquires, blocking this thread with `Atomics.wait` while it waits. Meant for worker
   * threads; on the main thread it works but freezes the event loop while waiting, so use
   * {@link acquireAsync} there.
   *
   * @returns true when acquired, false when `blocking` is false or the timeout passed.
   * @throws TypeError for bad options; RangeError for `timeout` with `blocking: false`.
   * @example
   * if (lock.acquire({ timeout: 100 })) try { work(); } finally { lock.release(); }
   */
  acquire(options?: AcquireOptions): boolean {
    const { blocking, timeout } = resolveAcquireOptions(`${this.displayName}.acquire()`, options);
    if (this.tryAcquire()) return true;
    if (!blocking) return false;
    return runBlocking(this.acquireSteps(Deadline.after(timeout)));
  }

  /**
   * Acquires without blocking the event loop (`Atomics.waitAsync`). Use it on the main thread.
   *
   * @returns a promise of true when acquired, false when not blocking or timed out.
   * @throws TypeError for bad options (synchronously).
   * @example
   * if (await lock.acquireAsync({ timeout: 100 })) try { work(); } finally { lock.release(); }
   */
  acquireAsync(options?: AcquireOptions): Promise<boolean> {
    const { blocking, timeout } = resolveAcquireOptions(
      `${this.displayName}.acquireAsync()`,
      options,
    );
    if (this.tryAcquire()) return Promise.resolve(true);
    if (!blocking) return Promise.resolve(false);
    return runAsync(this.acquireSteps(Deadline.after(timeout)));
  }

  /**
   * Acquires (blocking, like {@link acquire}) and returns a disposable that releases:
   * `using held = lock.hold();` is Python's `with lock:`.
   *
   * @throws TimeoutError when not acquired within `timeout` ms or with `blocking: false`.
   * @example
   * { using held = lock.hold(); shared[0] += 1; }
   */
  hold(options?: AcquireOptions): Held {
    if (!this.acquire(options)) throw this.notAcquired(options);
    return new Held(() => this.release());
  }

  /**
   * Acquires without blocking the event loop and returns a disposable that releases:
   * `await using held = await lock.holdAsync();`.
   *
   * @throws TimeoutError (rejection) when not acquired within `timeout` ms.
   * @example
   * { await using held = await lock.holdAsync(); shared[0] += 1; }
   */
  async holdAsync(options?: AcquireOptions): Promise<Held> {
    if (!(await this.acquireAsync(options))) throw this.notAcquired(options);
    return new Held(() => this.release());
  }

  private notAcquired(options: AcquireOptions | undefined): TimeoutError {
    const how = options?.blocking === false ? 'without waiting' : `within ${options?.timeout} ms`;
    return new TimeoutError(`Could not acquire the ${this.displayName} ${how}.`);
  }
}
