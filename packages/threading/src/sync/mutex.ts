// The futex mutex every lock-like primitive is built on (Drepper, "Futexes Are Tricky",
// mutex #3): one Int32 slot, 0 unlocked, 1 locked, 2 locked and someone may be sleeping.
import { Deadline, type WaitSteps } from './waiting.js';

const UNLOCKED = 0;
const LOCKED = 1;
const CONTENDED = 2;

/** Takes the mutex if it is free, without waiting. */
export function tryLockMutex(cells: Int32Array, index: number): boolean {
  return Atomics.compareExchange(cells, index, UNLOCKED, LOCKED) === UNLOCKED;
}

/** Whether the mutex is held by anyone. */
export function isMutexLocked(cells: Int32Array, index: number): boolean {
  return Atomics.load(cells, index) !== UNLOCKED;
}

/** Takes the mutex, sleeping until it is free or the deadline passes; returns whether it got it. */
export function* lockMutex(
  cells: Int32Array,
  index: number,
  deadline: Deadline,
): WaitSteps<boolean> {
  let state = Atomics.compareExchange(cells, index, UNLOCKED, LOCKED);
  if (state === UNLOCKED) return true;
  // Mark the mutex contended before sleeping, so the holder knows to wake someone. Taking
  // it through this exchange leaves it marked contended: at worst one needless notify.
  if (state !== CONTENDED) state = Atomics.exchange(cells, index, CONTENDED);
  while (state !== UNLOCKED) {
    if (deadline.expired()) return false;
    yield { cells, index, expected: CONTENDED, timeout: deadline.remaining() };
    state = Atomics.exchange(cells, index, CONTENDED);
  }
  return true;
}

/** Takes the mutex with no deadline. */
export function* lockMutexForever(cells: Int32Array, index: number): WaitSteps<void> {
  yield* lockMutex(cells, index, Deadline.after(Infinity));
}

/**
 * Frees the mutex and wakes one sleeper if any may be waiting.
 * @returns false when the mutex was not locked (nothing changed).
 */
export function unlockMutex(cells: Int32Array, index: number): boolean {
  const previous = Atomics.exchange(cells, index, UNLOCKED);
  if (previous === CONTENDED) Atomics.notify(cells, index, 1);
  return previous !== UNLOCKED;
}
