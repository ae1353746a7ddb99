// Demo tasks for the race condition: threads add to one counter in shared memory with a
// non-atomic read-modify-write, with and without a Lock. Exported tasks, in a module without side effects, because
// each worker thread imports it.
import { defineTask } from '@concur/core';
import type { Lock } from '../sync/lock.js';

/** Cell indices in the demo's Int32Array over a SharedArrayBuffer. */
export const COUNTER = 0;
const READY = 1;
const SLEEP = 2;
/** How many Int32 cells the demo's SharedArrayBuffer holds. */
export const RACE_CELLS = 3;

/**
 * How long each increment waits between reading and writing the counter, in milliseconds.
 * Widening the window makes the lost update happen on any machine, even a busy 2-core one,
 * instead of by luck; a real race differs only in how rarely it bites.
 */
export const RACE_WINDOW_MS = 1;

/** Waits until all `parties` threads have arrived, so their increments really overlap. */
function waitForEveryone(cells: Int32Array, parties: number): void {
  Atomics.add(cells, READY, 1);
  while (Atomics.load(cells, READY) < parties) Atomics.wait(cells, SLEEP, 0, RACE_WINDOW_MS);
}

/** One non-atomic `counter += 1`: read, (a thread switch can happen here), write. */
function incrementOnce(cells: Int32Array): void {
  const value = cells[COUNTER]!;
  Atomics.wait(cells, SLEEP, 0, RACE_WINDOW_MS);
  cells[COUNTER] = value + 1;
}

/**
 * Adds 1 to the shared counter `times` times without a lock: updates get lost.
 * @example
 * new Thread({ target: incrementUnsafely, args: [shared, 100, 4] }).start();
 */
export const incrementUnsafely = defineTask(
  import.meta.url,
  function incrementUnsafely(shared: SharedArrayBuffer, times: number, parties: number) {
    const cells = new Int32Array(shared);
    waitForEveryone(cells, parties);
    for (let i = 0; i < times; i++) incrementOnce(cells);
  },
);

/**
 * The same increments, each inside `using held = lock.hold()` (Python's `with lock:`): no
 * other thread can read the counter between this thread's read and write.
 * @example
 * new Thread({ target: incrementWithLock, args: [shared, lock, 100, 4] }).start();
 */
export const incrementWithLock = defineTask(
  import.meta.url,
  function incrementWithLock(
    shared: SharedArrayBuffer,
    lock: Lock,
    times: number,
    parties: number,
  ) {
    const cells = new Int32Array(shared);
    waitForEveryone(cells, parties);
    for (let i = 0; i < times; i++) {
      using _held = lock.hold();
      incrementOnce(cells);
    }
  },
);
