// Semaphore: Python's `threading.Semaphore`, a shared counter that acquire() decrements
// (waiting while it is zero) and release(n) increments.
import {
  REVIVE,
  registerReviver,
  validateNonNegativeInteger,
  validatePositiveInteger,
  type RevivableDescription,
} from '@concur/core';
import { Acquirable } from './acquirable.js';
import { createSlots, isAdopting, SEMAPHORE_LAYOUT, withAdoptedBuffer } from './slots.js';
import type { Deadline, WaitSteps } from './waiting.js';

const KIND = 'concur.Semaphore';
const { value: VALUE, bound: BOUND } = SEMAPHORE_LAYOUT;
/** The bound slot's mark for a plain (unbounded) Semaphore. */
const UNBOUNDED = -1;

/**
 * A counting semaphore shared by every thread it is passed to (Python's
 * `threading.Semaphore`): at most `value` holders at once.
 *
 * @example
 * const slots = new Semaphore(3);
 * { using held = slots.hold(); await download(); } // at most 3 at a time
 */
export class Semaphore extends Acquirable {
  /** The shared slots: the counter, and the bound of a BoundedSemaphore. */
  protected readonly cells: Int32Array;
  protected readonly displayName: string = 'Semaphore';

  /**
   * @param value - the initial counter: how many may hold the semaphore at once.
   * @default value 1
   * @throws TypeError unless `value` is a non-negative integer.
   * @example
   * const slots = new Semaphore(3);
   */
  constructor(value = 1) {
    super();
    const revived = isAdopting();
    if (!revived) validateNonNegativeInteger('value', value, 'argument');
    this.cells = createSlots(SEMAPHORE_LAYOUT.size);
    if (!revived) {
      Atomics.store(this.cells, VALUE, value);
      Atomics.store(this.cells, BOUND, this.initialBound(value));
    }
  }

  /**
   * The current counter (a snapshot: other threads may change it at once).
   * @example
   * semaphore.value; // 3
   */
  get value(): number {
    return Atomics.load(this.cells, VALUE);
  }

  /** The bound stored for this semaphore; a plain Semaphore is unbounded. */
  protected initialBound(_value: number): number {
    return UNBOUNDED;
  }

  /**
   * Increments the counter by `n`, waking up to `n` waiters.
   * @param n - how many to release.
   * @default n 1
   * @throws TypeError unless `n` is a positive integer.
   * @example
   * semaphore.release(2);
   */
  release(n = 1): void {
    validatePositiveInteger('n', n, 'argument');
    Atomics.add(this.cells, VALUE, n);
    Atomics.notify(this.cells, VALUE, n);
  }

  protected tryAcquire(): boolean {
    for (;;) {
      const value = Atomics.load(this.cells, VALUE);
      if (value <= 0) return false;
      if (Atomics.compareExchange(this.cells, VALUE, value, value - 1) === value) return true;
    }
  }

  protected *acquireSteps(deadline: Deadline): WaitSteps<boolean> {
    for (;;) {
      // Try again after every wake-up, even past the deadline, so a wake-up meant for
      // this waiter is never swallowed.
      if (this.tryAcquire()) return true;
      if (deadline.expired()) return false;
      yield { cells: this.cells, index: VALUE, expected: 0, timeout: deadline.remaining() };
    }
  }

  /**
   * Describes the semaphore for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([semaphore], 'thread'); // what Thread does with its args
   */
  [REVIVE](): RevivableDescription {
    return {
      kind: KIND,
      moduleUrl: import.meta.url,
      data: { buffer: this.cells.buffer },
      scope: 'thread',
    };
  }
}

registerReviver(KIND, (data) =>
  withAdoptedBuffer((data as { buffer: unknown }).buffer, () => new Semaphore()),
);
