// Lock: Python's `threading.Lock` over one futex word in shared memory. Any thread may
// release it (as in Python); releasing an unlocked Lock throws.
import {
  InvalidStateError,
  REVIVE,
  registerReviver,
  type RevivableDescription,
} from '@concur/core';
import { Acquirable } from './acquirable.js';
import { CONDITION_LOCK, type ConditionLockHooks } from './condition-lock.js';
import { isMutexLocked, lockMutex, lockMutexForever, tryLockMutex, unlockMutex } from './mutex.js';
import { createSlots, LOCK_LAYOUT, withAdoptedBuffer } from './slots.js';
import type { Deadline, WaitSteps } from './waiting.js';

const KIND = 'concur.Lock';
const MUTEX = LOCK_LAYOUT.mutex;

/**
 * A primitive lock shared by every thread it is passed to (Python's `threading.Lock`).
 * Pass it to threads as an ordinary argument; the other side gets the same lock.
 *
 * @example
 * const lock = new Lock();
 * await lock.acquireAsync();          // main thread: never blocks the event loop
 * try { shared[0] += 1; } finally { lock.release(); }
 * // in a worker thread:
 * { using held = lock.hold(); shared[0] += 1; }
 */
export class Lock extends Acquirable {
  readonly #cells = createSlots(LOCK_LAYOUT.size);
  protected readonly displayName = 'Lock';

  /**
   * Whether some thread holds the lock.
   * @example
   * lock.locked(); // false
   */
  locked(): boolean {
    return isMutexLocked(this.#cells, MUTEX);
  }

  /**
   * Releases the lock; any thread may release it, as in Python.
   * @throws InvalidStateError when the lock is not locked.
   * @example
   * lock.release();
   */
  release(): void {
    if (!unlockMutex(this.#cells, MUTEX)) {
      throw new InvalidStateError(
        'Cannot release an unlocked Lock: release() must follow a successful acquire().',
      );
    }
  }

  protected tryAcquire(): boolean {
    return tryLockMutex(this.#cells, MUTEX);
  }

  protected acquireSteps(deadline: Deadline): WaitSteps<boolean> {
    return lockMutex(this.#cells, MUTEX, deadline);
  }

  /** @internal Hooks for Condition. */
  get [CONDITION_LOCK](): ConditionLockHooks {
    const cells = this.#cells;
    return {
      kind: 'Lock',
      buffer: cells.buffer as SharedArrayBuffer,
      isOwned: () => this.locked(),
      releaseSave: () => {
        this.release();
        return 1;
      },
      acquireRestore: () => lockMutexForever(cells, MUTEX),
    };
  }

  /**
   * Describes the lock for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([lock], 'thread'); // what Thread does with its args
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

/** Rebuilds a Lock over a buffer received from another thread. */
export function reviveLock(buffer: unknown): Lock {
  return withAdoptedBuffer(buffer, () => new Lock());
}

registerReviver(KIND, (data) => reviveLock((data as { buffer: unknown }).buffer));
