// Semaphore and BoundedSemaphore: counting, release(n), timeouts, the bound, and a live
// occupancy counter proving that 8 threads never exceed the semaphore's value.
import { BoundedSemaphore, Semaphore } from '@concur/threading';
import { describe, expect, it } from 'vitest';
import { runWorkers } from './helpers/workers.js';
import { expectWaitedFor } from './helpers/timing.js';

describe('Semaphore', () => {
  it('counts down to zero, then fails without blocking and times out when blocking', async () => {
    const semaphore = new Semaphore(2);
    expect(semaphore.acquire()).toBe(true);
    expect(semaphore.acquire()).toBe(true);
    expect(semaphore.value).toBe(0);
    expect(semaphore.acquire({ blocking: false })).toBe(false);
    const started = performance.now();
    expect(await semaphore.acquireAsync({ timeout: 30 })).toBe(false);
    expectWaitedFor(started, 30);
    semaphore.release(2);
    expect(semaphore.value).toBe(2);
  });

  it('wakes async waiters on release(n)', async () => {
    const semaphore = new Semaphore(0);
    const waiting = [semaphore.acquireAsync(), semaphore.acquireAsync({ timeout: 10_000 })];
    semaphore.release(2);
    expect(await Promise.all(waiting)).toEqual([true, true]);
    expect(semaphore.value).toBe(0);
  });

  it('rejects a bad value or n', () => {
    expect(() => new Semaphore(-1)).toThrow(
      'Expected the `value` argument to be a non-negative integer, got `-1` (number).',
    );
    expect(() => new Semaphore().release(0)).toThrow(/`n` argument to be a positive integer/);
  });

  it('never admits more threads than its value (8 threads, value 3)', async () => {
    const semaphore = new Semaphore(3);
    const live = new Int32Array(new SharedArrayBuffer(8));
    await runWorkers('semaphore-occupancy.mjs', 8, () => [semaphore, live, 20]);
    expect(live[0]).toBe(0);
    expect(live[1]).toBeLessThanOrEqual(3);
    expect(live[1]).toBeGreaterThanOrEqual(1);
    expect(semaphore.value).toBe(3);
  });
});

describe('BoundedSemaphore', () => {
  it('throws RangeError when released above its initial value', () => {
    const bounded = new BoundedSemaphore(2);
    expect(bounded.bound).toBe(2);
    expect(() => bounded.release()).toThrow(RangeError);
    expect(() => bounded.release()).toThrow(/released too many times/);
    bounded.acquire();
    expect(() => bounded.release(2)).toThrow(RangeError);
    bounded.release();
    expect(bounded.value).toBe(2);
  });

  it('keeps its bound in another thread (8 threads, value 2)', async () => {
    const bounded = new BoundedSemaphore(2);
    const live = new Int32Array(new SharedArrayBuffer(8));
    await runWorkers('semaphore-occupancy.mjs', 8, () => [bounded, live, 10]);
    expect(live[1]).toBeLessThanOrEqual(2);
    expect(bounded.value).toBe(2);
    expect(() => bounded.release()).toThrow(RangeError);
  });
});
