// A condition variable over three shared slots, used by Condition, Barrier and Queue.
// `pending` counts registered waiters not yet chosen, `tokens` counts wake-ups granted but
// not yet taken, and `granted` counts notifications (the futex word sleepers wait on).
// Registration and notification happen while the caller holds the associated lock; taking
// a token or giving up on a timeout happens without it, so both are lock-free CAS loops.
// A waiter remembers `granted` at registration and may only take a token granted after it,
// so a thread that starts waiting later never steals the wake-up of an earlier one (which
// would leave that one asleep with its condition true). The invariant
// `pending + tokens >= waiters still inside awaitNotification` means a waiter that times out
// either removes itself from `pending` or finds a token that is its own: none is lost.
import { lockMutexForever, unlockMutex } from './mutex.js';
import type { Deadline, WaitSteps } from './waiting.js';

const PENDING = 0;
const TOKENS = 1;
const GRANTED = 2;

function takeFrom(cells: Int32Array, index: number): boolean {
  for (;;) {
    const value = Atomics.load(cells, index);
    if (value <= 0) return false;
    if (Atomics.compareExchange(cells, index, value, value - 1) === value) return true;
  }
}

/**
 * Registers the caller as a waiter. Call it while holding the associated lock.
 * @returns the waiter's ticket for {@link awaitNotification}.
 */
export function registerWaiter(cells: Int32Array, base: number): number {
  Atomics.add(cells, base + PENDING, 1);
  return Atomics.load(cells, base + GRANTED);
}

/**
 * Sleeps until a notification is granted to this waiter or the deadline passes.
 * @returns true when notified, false on timeout.
 */
export function* awaitNotification(
  cells: Int32Array,
  base: number,
  ticket: number,
  deadline: Deadline,
): WaitSteps<boolean> {
  for (;;) {
    // Read `granted` before looking for a token: a notification after this read changes
    // it, so the sleep below returns at once instead of missing the wake-up.
    const granted = Atomics.load(cells, base + GRANTED);
    if (granted !== ticket && takeFrom(cells, base + TOKENS)) return true;
    if (deadline.expired()) {
      if (takeFrom(cells, base + PENDING)) return false;
      // Nobody is pending, so a notifier chose this waiter and is adding its token right
      // now (between its two steps): loop and take it.
      continue;
    }
    yield { cells, index: base + GRANTED, expected: granted, timeout: deadline.remaining() };
  }
}

/**
 * Grants up to `count` wake-ups to registered waiters. Call it while holding the lock.
 * @returns how many waiters were chosen.
 */
export function notifyWaiters(cells: Int32Array, base: number, count: number): number {
  for (;;) {
    const pending = Atomics.load(cells, base + PENDING);
    const chosen = Math.min(pending, count);
    if (chosen <= 0) return 0;
    if (Atomics.compareExchange(cells, base + PENDING, pending, pending - chosen) !== pending) {
      continue;
    }
    Atomics.add(cells, base + TOKENS, chosen);
    Atomics.add(cells, base + GRANTED, 1);
    // Wake every sleeper: those without a token go back to sleep. Waking only `chosen`
    // could pick sleepers whose token an awake waiter then takes, which is still correct,
    // but waking all keeps the reasoning simple and the cost is small.
    Atomics.notify(cells, base + GRANTED);
    return chosen;
  }
}

/**
 * The usual condition wait over a futex mutex the caller holds: register, unlock, sleep,
 * lock again (always, even on timeout).
 * @returns true when notified, false on timeout.
 */
export function* waitWithMutex(
  cells: Int32Array,
  mutex: number,
  base: number,
  deadline: Deadline,
): WaitSteps<boolean> {
  const ticket = registerWaiter(cells, base);
  unlockMutex(cells, mutex);
  try {
    return yield* awaitNotification(cells, base, ticket, deadline);
  } finally {
    yield* lockMutexForever(cells, mutex);
  }
}
