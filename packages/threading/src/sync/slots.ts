// The shared slot layout: where each primitive keeps its state inside its SharedArrayBuffer
// (one Int32 slot per field), and how a buffer received from another thread is adopted.
import { formatExpectation } from '@concur/core';

/** Bytes per slot: every field is one Int32 so that Atomics.wait/notify can use it. */
export const SLOT_BYTES = Int32Array.BYTES_PER_ELEMENT;

/** A notifier (condition variable) uses three slots: see `notifier.ts`. */
export const NOTIFIER_SLOTS = 3;

/** Lock: one futex word (0 unlocked, 1 locked, 2 locked with waiters). */
export const LOCK_LAYOUT = { mutex: 0, size: 1 } as const;

/** RLock: the futex word, the owner's `threadId + 1` (0 = none) and the recursion depth. */
export const RLOCK_LAYOUT = { mutex: 0, owner: 1, depth: 2, size: 3 } as const;

/** Semaphore: the counter, and for BoundedSemaphore the bound (-1 = unbounded). */
export const SEMAPHORE_LAYOUT = { value: 0, bound: 1, size: 2 } as const;

/** Event: the flag, and a generation bumped by every `set()` (the futex word waiters sleep on). */
export const EVENT_LAYOUT = { flag: 0, generation: 1, size: 2 } as const;

/** Condition: its notifier; the lock lives in the lock's own buffer. */
export const CONDITION_LAYOUT = { notifier: 0, size: NOTIFIER_SLOTS } as const;

/** Barrier: Python's algorithm (a condition over a mutex) plus action hand-off slots. */
export const BARRIER_LAYOUT = {
  mutex: 0,
  notifier: 1,
  state: 1 + NOTIFIER_SLOTS,
  count: 2 + NOTIFIER_SLOTS,
  parties: 3 + NOTIFIER_SLOTS,
  hasAction: 4 + NOTIFIER_SLOTS,
  actionRequests: 5 + NOTIFIER_SLOTS,
  size: 6 + NOTIFIER_SLOTS,
} as const;

/** Queue header: a mutex, three notifiers, counters and the byte ring's bookkeeping. */
export const QUEUE_LAYOUT = {
  mutex: 0,
  notEmpty: 1,
  notFull: 1 + NOTIFIER_SLOTS,
  allTasksDone: 1 + 2 * NOTIFIER_SLOTS,
  count: 1 + 3 * NOTIFIER_SLOTS,
  unfinished: 2 + 3 * NOTIFIER_SLOTS,
  head: 3 + 3 * NOTIFIER_SLOTS,
  used: 4 + 3 * NOTIFIER_SLOTS,
  maxsize: 5 + 3 * NOTIFIER_SLOTS,
  capacity: 6 + 3 * NOTIFIER_SLOTS,
  shutdown: 7 + 3 * NOTIFIER_SLOTS,
  size: 8 + 3 * NOTIFIER_SLOTS,
} as const;

let adopted: SharedArrayBuffer | undefined;

/**
 * Runs `build` (a primitive's constructor) so that it adopts `buffer` instead of allocating
 * a new one: this is how a reviver turns a received buffer back into the same primitive.
 */
export function withAdoptedBuffer<T>(buffer: unknown, build: () => T): T {
  if (!(buffer instanceof SharedArrayBuffer)) {
    throw new TypeError(
      formatExpectation('data.buffer', 'a SharedArrayBuffer', buffer, 'argument'),
    );
  }
  adopted = buffer;
  try {
    return build();
  } finally {
    adopted = undefined;
  }
}

/** Whether a primitive under construction is being revived (it must not reinitialize its state). */
export function isAdopting(): boolean {
  return adopted !== undefined;
}

/**
 * Returns the slots of a primitive under construction: the adopted buffer when reviving,
 * else a fresh zeroed SharedArrayBuffer of `slotCount` slots plus `extraBytes`.
 */
export function createSlots(slotCount: number, extraBytes = 0): Int32Array {
  const buffer = adopted;
  adopted = undefined;
  if (buffer !== undefined) {
    if (buffer.byteLength < slotCount * SLOT_BYTES) {
      throw new RangeError(
        `Cannot revive a sync primitive from a SharedArrayBuffer of ${buffer.byteLength} bytes: ` +
          `its layout needs at least ${slotCount * SLOT_BYTES}.`,
      );
    }
    return new Int32Array(buffer, 0, slotCount);
  }
  return new Int32Array(new SharedArrayBuffer(slotCount * SLOT_BYTES + extraBytes), 0, slotCount);
}
