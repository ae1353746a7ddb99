// What a Condition needs from its lock (Lock or RLock): ownership, releasing every level
// for the wait and restoring them after (Python's `_release_save` / `_acquire_restore`).
import type { WaitSteps } from './waiting.js';

/** The key under which Lock and RLock expose their hooks for Condition. */
export const CONDITION_LOCK: unique symbol = Symbol('concur.conditionLock') as never;

/** The hooks a Condition uses. */
export interface ConditionLockHooks {
  /** Which class the lock is, to rebuild it in another thread. */
  readonly kind: 'Lock' | 'RLock';
  /** The lock's shared memory. */
  readonly buffer: SharedArrayBuffer;
  /** Whether the calling thread holds the lock (for a plain Lock: whether it is locked). */
  isOwned(): boolean;
  /** Releases the lock completely and returns what {@link acquireRestore} needs. */
  releaseSave(): number;
  /** Acquires the lock again, with no deadline, restoring the saved recursion depth. */
  acquireRestore(saved: number): WaitSteps<void>;
}

/** A lock usable by Condition. */
export interface ConditionLock {
  readonly [CONDITION_LOCK]: ConditionLockHooks;
}

/** Tells whether a value is a Lock or RLock of this package. */
export function isConditionLock(value: unknown): value is ConditionLock {
  return typeof value === 'object' && value !== null && CONDITION_LOCK in value;
}
