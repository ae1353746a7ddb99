// BoundedSemaphore: Python's `threading.BoundedSemaphore`, a Semaphore whose release()
// throws when it would raise the counter above its initial value.
import {
  REVIVE,
  registerReviver,
  validatePositiveInteger,
  type RevivableDescription,
} from '@concur/core';
import { Semaphore } from './semaphore.js';
import { SEMAPHORE_LAYOUT, withAdoptedBuffer } from './slots.js';

const KIND = 'concur.BoundedSemaphore';
const { value: VALUE, bound: BOUND } = SEMAPHORE_LAYOUT;

/**
 * A semaphore that catches releases without a matching acquire (Python's
 * `threading.BoundedSemaphore`).
 *
 * @example
 * const pool = new BoundedSemaphore(2);
 * pool.release(); // throws RangeError: released too many times
 */
export class BoundedSemaphore extends Semaphore {
  protected override readonly displayName: string = 'BoundedSemaphore';

  /**
   * The initial value, which the counter may never exceed.
   * @example
   * new BoundedSemaphore(3).bound; // 3
   */
  get bound(): number {
    return Atomics.load(this.cells, BOUND);
  }

  protected override initialBound(value: number): number {
    return value;
  }

  /**
   * Increments the counter by `n`, waking up to `n` waiters.
   * @default n 1
   * @throws TypeError unless `n` is a positive integer.
   * @throws RangeError when the counter would exceed the initial value (Python's ValueError).
   * @example
   * pool.release();
   */
  override release(n = 1): void {
    validatePositiveInteger('n', n, 'argument');
    for (;;) {
      const value = Atomics.load(this.cells, VALUE);
      const bound = Atomics.load(this.cells, BOUND);
      if (value + n > bound) {
        throw new RangeError(
          `BoundedSemaphore released too many times: releasing ${n} would raise its value from ${value} above its bound ${bound}. Release only what was acquired.`,
        );
      }
      if (Atomics.compareExchange(this.cells, VALUE, value, value + n) === value) break;
    }
    Atomics.notify(this.cells, VALUE, n);
  }

  /**
   * Describes the semaphore for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([semaphore], 'thread'); // what Thread does with its args
   */
  override [REVIVE](): RevivableDescription {
    return {
      kind: KIND,
      moduleUrl: import.meta.url,
      data: { buffer: this.cells.buffer },
      scope: 'thread',
    };
  }
}

registerReviver(KIND, (data) =>
  withAdoptedBuffer((data as { buffer: unknown }).buffer, () => new BoundedSemaphore()),
);
