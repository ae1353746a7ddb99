// Condition: Python's `threading.Condition` over a shared Lock or RLock and a shared
// notifier (see notifier.ts), so threads can wait for a state change another makes.
import {
  InvalidStateError,
  REVIVE,
  registerReviver,
  throwInvalid,
  validateFunction,
  validateNonNegativeInteger,
  type RevivableDescription,
} from '@concur/core';
import { resolveTimeout, type AcquireOptions } from './acquire-options.js';
import { CONDITION_LOCK, isConditionLock, type ConditionLockHooks } from './condition-lock.js';
import type { Held } from './held.js';
import { Lock, reviveLock } from './lock.js';
import { awaitNotification, notifyWaiters, registerWaiter } from './notifier.js';
import { reviveRLock, type RLock } from './rlock.js';
import { CONDITION_LAYOUT, createSlots, withAdoptedBuffer } from './slots.js';
import { Deadline, runAsync, runBlocking, type WaitSteps } from './waiting.js';

const KIND = 'concur.Condition';
const NOTIFIER = CONDITION_LAYOUT.notifier;

/**
 * A condition variable shared by every thread it is passed to (Python's
 * `threading.Condition`). Hold its lock to wait or notify; `wait` releases the lock while
 * sleeping and takes it back before returning.
 *
 * @example
 * const ready = new Condition();
 * // consumer (worker thread)
 * { using held = ready.hold(); ready.waitFor(() => shared[0] > 0, 1000); }
 * // producer
 * { using held = ready.hold(); shared[0] = 1; ready.notify(); }
 */
export class Condition {
  readonly #lock: Lock | RLock;
  readonly #hooks: ConditionLockHooks;
  readonly #cells: Int32Array;

  /**
   * @param lock - the Lock or RLock to use. Python defaults to an RLock; here the default is
   * a new Lock, because RLock ownership is per thread and on the main thread several async
   * functions share one thread, so an RLock would let them all hold it at once. Pass
   * `new RLock()` for Python's behaviour in worker threads.
   * @throws TypeError when `lock` is not a Lock or RLock of this package.
   * @example
   * const condition = new Condition(new RLock());
   */
  constructor(lock?: Lock | RLock) {
    const chosen = lock ?? new Lock();
    if (!isConditionLock(chosen)) throwInvalid('lock', 'a Lock or RLock', lock, 'argument');
    this.#lock = chosen;
    this.#hooks = chosen[CONDITION_LOCK];
    this.#cells = createSlots(CONDITION_LAYOUT.size);
  }

  /**
   * The underlying lock.
   * @example
   * condition.lock.locked();
   */
  get lock(): Lock | RLock {
    return this.#lock;
  }

  /**
   * Acquires the underlying lock, blocking (see `Lock.acquire`). @returns whether acquired.
   * @example
   * condition.acquire({ timeout: 100 });
   */
  acquire(options?: AcquireOptions): boolean {
    return this.#lock.acquire(options);
  }

  /**
   * Acquires the underlying lock without blocking the event loop.
   * @example
   * await condition.acquireAsync();
   */
  acquireAsync(options?: AcquireOptions): Promise<boolean> {
    return this.#lock.acquireAsync(options);
  }

  /**
   * Releases the underlying lock. @throws InvalidStateError when not held.
   * @example
   * condition.release();
   */
  release(): void {
    this.#lock.release();
  }

  /**
   * Holds the underlying lock for `using` (Python's `with condition:`). @throws TimeoutError.
   * @example
   * { using held = condition.hold(); condition.notifyAll(); }
   */
  hold(options?: AcquireOptions): Held {
    return this.#lock.hold(options);
  }

  /**
   * Holds the underlying lock for `await using`. @throws TimeoutError (rejection).
   * @example
   * { await using held = await condition.holdAsync(); condition.notify(); }
   */
  holdAsync(options?: AcquireOptions): Promise<Held> {
    return this.#lock.holdAsync(options);
  }

  /**
   * Releases the lock, blocks this thread until notified or the timeout passes, and takes
   * the lock back. On the main thread prefer {@link waitAsync}.
   *
   * @param timeout - the longest to wait, in ms.
   * @default timeout Infinity
   * @returns true when notified, false on timeout.
   * @throws InvalidStateError when the calling thread does not hold the lock.
   * @example
   * while (!ready()) condition.wait();
   */
  wait(timeout?: number): boolean {
    return runBlocking(this.waitSteps(Deadline.after(resolveTimeout(timeout))));
  }

  /**
   * {@link wait} without blocking the event loop.
   * @default timeout Infinity
   * @returns a promise of true when notified, false on timeout; rejects with
   * InvalidStateError when the lock is not held.
   * @example
   * await condition.waitAsync(100);
   */
  waitAsync(timeout?: number): Promise<boolean> {
    return runAsync(this.waitSteps(Deadline.after(resolveTimeout(timeout))));
  }

  /**
   * Waits until `predicate()` returns something truthy or the timeout passes, checking it
   * first and after every wake-up (Python's `wait_for`).
   *
   * @default timeout Infinity
   * @returns the predicate's last result.
   * @throws InvalidStateError when the calling thread does not hold the lock.
   * @example
   * condition.waitFor(() => items.length > 0, 1000);
   */
  waitFor<T>(predicate: () => T, timeout?: number): T {
    validateFunction('predicate', predicate, 'argument');
    return runBlocking(this.waitForSteps(predicate, Deadline.after(resolveTimeout(timeout))));
  }

  /**
   * {@link waitFor} without blocking the event loop.
   * @default timeout Infinity
   * @returns a promise of the predicate's last result.
   * @example
   * await condition.waitForAsync(() => done[0] === 1, 1000);
   */
  waitForAsync<T>(predicate: () => T, timeout?: number): Promise<T> {
    validateFunction('predicate', predicate, 'argument');
    return runAsync(this.waitForSteps(predicate, Deadline.after(resolveTimeout(timeout))));
  }

  /**
   * Wakes up to `n` waiting threads. Call it while holding the lock.
   * @default n 1
   * @throws InvalidStateError when the calling thread does not hold the lock.
   * @throws TypeError unless `n` is a non-negative integer.
   * @example
   * condition.notify(2);
   */
  notify(n = 1): void {
    validateNonNegativeInteger('n', n, 'argument');
    this.checkOwned('notify');
    notifyWaiters(this.#cells, NOTIFIER, n);
  }

  /**
   * Wakes every waiting thread. Call it while holding the lock.
   * @throws InvalidStateError when the calling thread does not hold the lock.
   * @example
   * condition.notifyAll();
   */
  notifyAll(): void {
    this.checkOwned('notify');
    notifyWaiters(this.#cells, NOTIFIER, Number.MAX_SAFE_INTEGER);
  }

  private checkOwned(operation: string): void {
    if (!this.#hooks.isOwned()) {
      throw new InvalidStateError(
        `Cannot ${operation} on a Condition whose lock this thread does not hold: acquire it first (e.g. \`using held = condition.hold()\`).`,
      );
    }
  }

  private *waitSteps(deadline: Deadline): WaitSteps<boolean> {
    this.checkOwned('wait');
    const ticket = registerWaiter(this.#cells, NOTIFIER);
    const saved = this.#hooks.releaseSave();
    try {
      return yield* awaitNotification(this.#cells, NOTIFIER, ticket, deadline);
    } finally {
      yield* this.#hooks.acquireRestore(saved);
    }
  }

  private *waitForSteps<T>(predicate: () => T, deadline: Deadline): WaitSteps<T> {
    let result = predicate();
    while (!result) {
      if (deadline.expired()) break;
      yield* this.waitSteps(deadline);
      result = predicate();
    }
    return result;
  }

  /**
   * Describes the condition and its lock for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([condition], 'thread'); // what Thread does with its args
   */
  [REVIVE](): RevivableDescription {
    return {
      kind: KIND,
      moduleUrl: import.meta.url,
      data: {
        buffer: this.#cells.buffer,
        lockKind: this.#hooks.kind,
        lockBuffer: this.#hooks.buffer,
      },
      scope: 'thread',
    };
  }
}

registerReviver(KIND, (data) => {
  const { buffer, lockKind, lockBuffer } = data as Record<string, unknown>;
  const lock = lockKind === 'RLock' ? reviveRLock(lockBuffer) : reviveLock(lockBuffer);
  return withAdoptedBuffer(buffer, () => new Condition(lock));
});
