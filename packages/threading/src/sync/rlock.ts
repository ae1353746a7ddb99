// RLock: Python's `threading.RLock`, a reentrant lock owned by one thread (by threadId) with
// a recursion depth; only the owner may release it.
import {
  InvalidStateError,
  REVIVE,
  registerReviver,
  type RevivableDescription,
} from '@concur/core';
import { threadId } from 'node:worker_threads';
import { Acquirable } from './acquirable.js';
import { CONDITION_LOCK, type ConditionLockHooks } from './condition-lock.js';
import { isMutexLocked, lockMutex, lockMutexForever, tryLockMutex, unlockMutex } from './mutex.js';
import { createSlots, RLOCK_LAYOUT, withAdoptedBuffer } from './slots.js';
import type { Deadline, WaitSteps } from './waiting.js';

const KIND = 'concur.RLock';
const { mutex: MUTEX, owner: OWNER, depth: DEPTH } = RLOCK_LAYOUT;
/** This thread's owner mark: threadId + 1, since 0 means "no owner" (and the main thread is 0). */
const ME = threadId + 1;

/**
 * A reentrant lock (Python's `threading.RLock`): the thread that holds it may acquire it
 * again, and must release it as many times. Ownership is per thread, so two async functions
 * on the main thread share the main thread's ownership, as Python code on one thread does.
 *
 * @example
 * const rlock = new RLock();
 * rlock.acquire(); rlock.acquire(); // same thread: depth 2
 * rlock.release(); rlock.release(); // now free
 */
export class RLock extends Acquirable {
  readonly #cells = createSlots(RLOCK_LAYOUT.size);
  protected readonly displayName = 'RLock';

  /**
   * Whether some thread holds the lock.
   * @example
   * rlock.locked();
   */
  locked(): boolean {
    return isMutexLocked(this.#cells, MUTEX);
  }

  /**
   * Whether the calling thread holds the lock.
   * @example
   * if (!rlock.isOwned()) rlock.acquire();
   */
  isOwned(): boolean {
    return Atomics.load(this.#cells, OWNER) === ME;
  }

  /**
   * Releases one level; the lock is free once every acquire has been matched.
   * @throws InvalidStateError when the calling thread does not hold the lock.
   * @example
   * rlock.release();
   */
  release(): void {
    if (!this.isOwned()) {
      throw new InvalidStateError(
        `Cannot release an RLock that this thread (threadId ${threadId}) does not hold: only the thread that acquired it may release it.`,
      );
    }
    const depth = Atomics.sub(this.#cells, DEPTH, 1) - 1;
    if (depth === 0) {
      Atomics.store(this.#cells, OWNER, 0);
      unlockMutex(this.#cells, MUTEX);
    }
  }

  protected tryAcquire(): boolean {
    if (this.isOwned()) {
      Atomics.add(this.#cells, DEPTH, 1);
      return true;
    }
    if (!tryLockMutex(this.#cells, MUTEX)) return false;
    this.takeOwnership(1);
    return true;
  }

  protected *acquireSteps(deadline: Deadline): WaitSteps<boolean> {
    if (this.tryAcquire()) return true;
    if (!(yield* lockMutex(this.#cells, MUTEX, deadline))) return false;
    this.takeOwnership(1);
    return true;
  }

  private *restoreSteps(depth: number): WaitSteps<void> {
    yield* lockMutexForever(this.#cells, MUTEX);
    this.takeOwnership(depth);
  }

  private takeOwnership(depth: number): void {
    Atomics.store(this.#cells, OWNER, ME);
    Atomics.store(this.#cells, DEPTH, depth);
  }

  /** @internal Hooks for Condition. */
  get [CONDITION_LOCK](): ConditionLockHooks {
    const cells = this.#cells;
    return {
      kind: 'RLock',
      buffer: cells.buffer as SharedArrayBuffer,
      isOwned: () => this.isOwned(),
      releaseSave: () => {
        const depth = Atomics.load(cells, DEPTH);
        Atomics.store(cells, DEPTH, 0);
        Atomics.store(cells, OWNER, 0);
        unlockMutex(cells, MUTEX);
        return depth;
      },
      acquireRestore: (saved: number) => this.restoreSteps(saved),
    };
  }

  /**
   * Describes the lock for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([rlock], 'thread'); // what Thread does with its args
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

/** Rebuilds an RLock over a buffer received from another thread. */
export function reviveRLock(buffer: unknown): RLock {
  return withAdoptedBuffer(buffer, () => new RLock());
}

registerReviver(KIND, (data) => reviveRLock((data as { buffer: unknown }).buffer));
