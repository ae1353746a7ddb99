// RLock: reentrancy with a recursion depth, ownership by thread, and release by a thread
// that does not own it failing (Python's RuntimeError).
import { InvalidStateError } from '@concur/core';
import { RLock } from '@concur/threading';
import { describe, expect, it } from 'vitest';
import { runWorker } from './helpers/workers.js';

describe('RLock', () => {
  it('is reentrant in the owning thread and free after as many releases', () => {
    const rlock = new RLock();
    expect(rlock.acquire()).toBe(true);
    expect(rlock.acquire({ blocking: false })).toBe(true);
    expect(rlock.isOwned()).toBe(true);
    rlock.release();
    expect(rlock.locked()).toBe(true);
    rlock.release();
    expect(rlock.locked()).toBe(false);
    expect(rlock.isOwned()).toBe(false);
  });

  it('throws InvalidStateError when released by a thread that does not hold it', () => {
    expect(() => new RLock().release()).toThrow(InvalidStateError);
    expect(() => new RLock().release()).toThrow(/does not hold/);
  });

  it('cannot be released from another thread, and that thread cannot take it', async () => {
    const rlock = new RLock();
    await rlock.acquireAsync();
    await rlock.acquireAsync(); // depth 2, without waiting: the main thread owns it
    const message = await runWorker<string>('sync-probe.mjs', ['release-foreign-rlock', rlock]);
    expect(message).toMatch(/^InvalidStateError: Cannot release an RLock that this thread/);
    const probe = await runWorker<{ acquired: boolean }>('sync-probe.mjs', [
      'acquire-timeout',
      rlock,
      20,
    ]);
    expect(probe.acquired).toBe(false);
    rlock.release();
    rlock.release();
    const free = await runWorker<{ acquired: boolean }>('sync-probe.mjs', [
      'acquire-timeout',
      rlock,
      1_000,
    ]);
    expect(free.acquired).toBe(true); // the worker exited holding it; the slot says so
    expect(rlock.isOwned()).toBe(false);
    expect(rlock.locked()).toBe(true);
  });
});
