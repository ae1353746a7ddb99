// Barrier: Python's `threading.Barrier` (its filling/draining/resetting/broken algorithm)
// over a shared mutex and notifier. The action is a function, which cannot cross threads,
// so it always runs in the thread that created the Barrier: inline when that thread is a
// waiting party, else from its event loop, woken through the `actionRequests` slot.
import {
  REVIVE,
  registerReviver,
  validateDuration,
  validateFunction,
  validateOptionsObject,
  validatePositiveInteger,
  type RevivableDescription,
} from '@concur/core';
import { resolveTimeout } from './acquire-options.js';
import {
  ACTION_PENDING,
  BROKEN,
  DRAINING,
  FILLING,
  RESETTING,
  serveActionRequests,
} from './barrier-action.js';
import { BrokenBarrierError } from './errors.js';
import { lockMutexForever, unlockMutex } from './mutex.js';
import { notifyWaiters, waitWithMutex } from './notifier.js';
import { BARRIER_LAYOUT, createSlots, isAdopting, withAdoptedBuffer } from './slots.js';
import { Deadline, runAsync, runBlocking, type WaitSteps } from './waiting.js';

const KIND = 'concur.Barrier';
const L = BARRIER_LAYOUT;
/** Options of {@link Barrier}. */
export interface BarrierOptions {
  /** Called once per cycle when every party has arrived, before any is released; runs in the thread that created the Barrier. */
  readonly action?: () => void;
  /**
   * The default timeout of {@link Barrier.wait}, in ms.
   * @default Infinity
   */
  readonly timeout?: number;
}

/**
 * Makes `parties` threads wait for each other (Python's `threading.Barrier`); reusable.
 *
 * @example
 * const barrier = new Barrier(4, { action: () => console.log('all arrived') });
 * // in each of 4 worker threads:
 * const index = barrier.wait(); // 0..3, distinct
 */
export class Barrier {
  readonly #cells: Int32Array;
  readonly #action: (() => void) | undefined;
  readonly #timeout: number;
  #watching = false;

  /**
   * @param parties - how many threads must call `wait` before all are released.
   * @throws TypeError for a bad `parties`, `action` or `timeout`.
   * @example
   * new Barrier(4, { action: () => console.log('go'), timeout: 5000 });
   */
  constructor(parties: number, options?: BarrierOptions) {
    const known = validateOptionsObject('Barrier', options, ['action', 'timeout'] as const);
    const revived = isAdopting();
    if (!revived) validatePositiveInteger('parties', parties, 'argument');
    this.#action =
      known.action === undefined ? undefined : validateFunction('action', known.action);
    this.#timeout =
      known.timeout === undefined ? Infinity : validateDuration('timeout', known.timeout);
    this.#cells = createSlots(L.size);
    if (!revived) {
      Atomics.store(this.#cells, L.parties, parties);
      Atomics.store(this.#cells, L.hasAction, this.#action === undefined ? 0 : 1);
    }
  }

  /**
   * How many threads must arrive to release the barrier.
   * @example
   * barrier.parties; // 4
   */
  get parties(): number {
    return Atomics.load(this.#cells, L.parties);
  }

  /**
   * How many threads are waiting now (a snapshot).
   * @example
   * barrier.nWaiting; // 0..parties-1
   */
  get nWaiting(): number {
    const state = Atomics.load(this.#cells, L.state);
    return state === FILLING ? Atomics.load(this.#cells, L.count) : 0;
  }

  /**
   * Whether the barrier is broken.
   * @example
   * if (barrier.broken) barrier.reset();
   */
  get broken(): boolean {
    return Atomics.load(this.#cells, L.state) === BROKEN;
  }

  /**
   * Blocks this thread until all parties have called `wait`. On the main thread prefer
   * {@link waitAsync}.
   *
   * @param timeout - the longest to wait, in ms; on timeout the barrier breaks.
   * @default timeout the constructor's `timeout` (Infinity)
   * @returns this thread's arrival index, distinct per thread, 0..parties-1.
   * @throws BrokenBarrierError when the barrier is or becomes broken, reset or times out.
   * @example
   * if (barrier.wait() === 0) console.log('first to arrive');
   */
  wait(timeout?: number): number {
    return runBlocking(this.waitSteps(this.deadlineFor(timeout)));
  }

  /**
   * {@link wait} without blocking the event loop.
   * @default timeout the constructor's `timeout` (Infinity)
   * @returns a promise of the arrival index; rejects with BrokenBarrierError.
   * @example
   * const index = await barrier.waitAsync(1000);
   */
  waitAsync(timeout?: number): Promise<number> {
    return runAsync(this.waitSteps(this.deadlineFor(timeout)));
  }

  /**
   * Returns the barrier to its empty state; threads waiting now get BrokenBarrierError.
   * @example
   * barrier.reset();
   */
  reset(): void {
    runBlocking(
      this.lockedSteps(() => {
        if (Atomics.load(this.#cells, L.count) > 0) {
          const state = Atomics.load(this.#cells, L.state);
          if (state !== DRAINING) Atomics.store(this.#cells, L.state, RESETTING);
        } else {
          Atomics.store(this.#cells, L.state, FILLING);
        }
        this.notifyAll();
      }),
    );
  }

  /**
   * Breaks the barrier: current and future waits throw BrokenBarrierError until `reset()`.
   * @example
   * barrier.abort();
   */
  abort(): void {
    runBlocking(this.lockedSteps(() => this.breakBarrier()));
  }

  private deadlineFor(timeout: number | undefined): Deadline {
    return Deadline.after(timeout === undefined ? this.#timeout : resolveTimeout(timeout));
  }

  private *lockedSteps<T>(body: () => T): WaitSteps<T> {
    yield* lockMutexForever(this.#cells, L.mutex);
    try {
      return body();
    } finally {
      unlockMutex(this.#cells, L.mutex);
    }
  }

  private state(): number {
    return Atomics.load(this.#cells, L.state);
  }

  private notifyAll(): void {
    notifyWaiters(this.#cells, L.notifier, Number.MAX_SAFE_INTEGER);
  }

  private breakBarrier(): void {
    Atomics.store(this.#cells, L.state, BROKEN);
    this.notifyAll();
  }

  private *sleep(deadline: Deadline): WaitSteps<boolean> {
    return yield* waitWithMutex(this.#cells, L.mutex, L.notifier, deadline);
  }

  private *waitSteps(deadline: Deadline): WaitSteps<number> {
    yield* lockMutexForever(this.#cells, L.mutex);
    try {
      // Python's _enter: wait for the previous cycle to drain or a reset to finish.
      for (;;) {
        const state = this.state();
        if (state !== DRAINING && state !== RESETTING && state !== ACTION_PENDING) break;
        yield* this.sleep(Deadline.after(Infinity));
      }
      if (this.state() === BROKEN)
        throw new BrokenBarrierError('The Barrier is broken: reset() it before waiting again.');
      const index = Atomics.add(this.#cells, L.count, 1);
      try {
        if (index + 1 === this.parties) yield* this.releaseSteps(deadline);
        else yield* this.awaitRelease(deadline);
        return index;
      } finally {
        // Python's _exit: the last thread out of a drained or reset cycle reopens it.
        if (Atomics.sub(this.#cells, L.count, 1) === 1) {
          const state = this.state();
          if (state === RESETTING || state === DRAINING) {
            Atomics.store(this.#cells, L.state, FILLING);
            this.notifyAll();
          }
        }
      }
    } finally {
      unlockMutex(this.#cells, L.mutex);
    }
  }

  private *releaseSteps(deadline: Deadline): WaitSteps<void> {
    if (this.#action !== undefined || Atomics.load(this.#cells, L.hasAction) === 0) {
      this.runAction();
      return;
    }
    // The action lives in the creating thread: ask it, then wait like the other parties.
    Atomics.store(this.#cells, L.state, ACTION_PENDING);
    Atomics.add(this.#cells, L.actionRequests, 1);
    Atomics.notify(this.#cells, L.actionRequests);
    this.notifyAll();
    yield* this.awaitRelease(deadline);
  }

  private *awaitRelease(deadline: Deadline): WaitSteps<void> {
    for (;;) {
      const state = this.state();
      if (state === ACTION_PENDING && this.#action !== undefined) {
        this.runAction();
        return;
      }
      if (state !== FILLING && state !== ACTION_PENDING) break;
      if (deadline.expired()) {
        this.breakBarrier();
        throw new BrokenBarrierError(
          'The Barrier broke: a wait timed out before every party arrived.',
        );
      }
      yield* this.sleep(deadline);
    }
    if (this.state() === BROKEN || this.state() === RESETTING) {
      throw new BrokenBarrierError('The Barrier was broken or reset while this thread waited.');
    }
  }

  /** Runs the action (if any) holding the mutex, then releases the parties. */
  private runAction(): void {
    try {
      this.#action?.();
    } catch (error) {
      this.breakBarrier();
      throw error;
    }
    Atomics.store(this.#cells, L.state, DRAINING);
    this.notifyAll();
  }

  /**
   * Describes the barrier for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([barrier], 'thread'); // what Thread does with its args
   */
  [REVIVE](): RevivableDescription {
    if (this.#action !== undefined && !this.#watching) {
      // Does not keep the process alive: it only matters while parties wait, and they do.
      this.#watching = true;
      void runAsync(
        serveActionRequests(this.#cells, () => this.runAction()),
        false,
      );
    }
    return {
      kind: KIND,
      moduleUrl: import.meta.url,
      data: { buffer: this.#cells.buffer, timeout: this.#timeout },
      scope: 'thread',
    };
  }
}

registerReviver(KIND, (data) => {
  const { buffer, timeout } = data as { buffer: unknown; timeout: number };
  return withAdoptedBuffer(buffer, () => new Barrier(0, { timeout }));
});
