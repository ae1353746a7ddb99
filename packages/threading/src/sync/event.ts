// Event: Python's `threading.Event`, a shared flag that threads wait for. Waiters sleep on a
// generation counter that every set() bumps, so a set() followed at once by clear() still
// wakes everyone who was waiting, as in Python.
import { REVIVE, registerReviver, type RevivableDescription } from '@concur/core';
import { resolveTimeout } from './acquire-options.js';
import { createSlots, EVENT_LAYOUT, withAdoptedBuffer } from './slots.js';
import { Deadline, runAsync, runBlocking, type WaitSteps } from './waiting.js';

const KIND = 'concur.Event';
const { flag: FLAG, generation: GENERATION } = EVENT_LAYOUT;

/**
 * A flag shared by every thread it is passed to (Python's `threading.Event`).
 *
 * @example
 * const ready = new Event();
 * // worker: ready.wait(1000) blocks up to 1 s; main: await ready.waitAsync(1000)
 * ready.set();
 */
export class Event {
  readonly #cells = createSlots(EVENT_LAYOUT.size);

  /**
   * Whether the flag is set.
   * @example
   * if (event.isSet()) return;
   */
  isSet(): boolean {
    return Atomics.load(this.#cells, FLAG) === 1;
  }

  /**
   * Sets the flag and wakes every waiter.
   * @example
   * event.set();
   */
  set(): void {
    Atomics.store(this.#cells, FLAG, 1);
    Atomics.add(this.#cells, GENERATION, 1);
    Atomics.notify(this.#cells, GENERATION);
  }

  /**
   * Clears the flag; later waits block until the next set().
   * @example
   * event.clear();
   */
  clear(): void {
    Atomics.store(this.#cells, FLAG, 0);
  }

  /**
   * Blocks this thread (`Atomics.wait`) until the flag is set. On the main thread prefer
   * {@link waitAsync}, which does not freeze the event loop.
   *
   * @param timeout - the longest to wait, in ms.
   * @default timeout Infinity
   * @returns true when set, false when the timeout passed first.
   * @throws TypeError unless `timeout` is a non-negative number.
   * @example
   * if (!event.wait(500)) console.log('not yet');
   */
  wait(timeout?: number): boolean {
    return runBlocking(this.waitSteps(Deadline.after(resolveTimeout(timeout))));
  }

  /**
   * Waits for the flag without blocking the event loop (`Atomics.waitAsync`).
   * @default timeout Infinity
   * @returns a promise of true when set, false when the timeout passed first.
   * @throws TypeError unless `timeout` is a non-negative number (synchronously).
   * @example
   * await event.waitAsync(500);
   */
  waitAsync(timeout?: number): Promise<boolean> {
    return runAsync(this.waitSteps(Deadline.after(resolveTimeout(timeout))));
  }

  private *waitSteps(deadline: Deadline): WaitSteps<boolean> {
    const generation = Atomics.load(this.#cells, GENERATION);
    for (;;) {
      if (this.isSet() || Atomics.load(this.#cells, GENERATION) !== generation) return true;
      if (deadline.expired()) return false;
      yield {
        cells: this.#cells,
        index: GENERATION,
        expected: generation,
        timeout: deadline.remaining(),
      };
    }
  }

  /**
   * Describes the event for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([event], 'thread'); // what Thread does with its args
   */
  [REVIVE](): RevivableDescription {
    return {
      kind: KIND,
      moduleUrl: import.meta.url,
      data: { buffer: this.#cells.buffer },
      scope: 'thread',
    };
  }
}

registerReviver(KIND, (data) =>
  withAdoptedBuffer((data as { buffer: unknown }).buffer, () => new Event()),
);
