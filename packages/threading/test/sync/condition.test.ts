// Condition: ownership checks, wait/waitFor timeouts, notify(n) waking exactly n,
// notifyAll, RLock recursion restored after wait, and a producer/consumer across threads.
import { InvalidStateError } from '@concur/core';
import { Condition, Lock, RLock } from '@concur/threading';
import { describe, expect, it } from 'vitest';
import { runWorkers } from './helpers/workers.js';
import { expectWaitedFor } from './helpers/timing.js';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Condition', () => {
  it('requires the lock for wait and notify', async () => {
    const condition = new Condition();
    expect(() => condition.wait(1)).toThrow(InvalidStateError);
    expect(() => condition.notify()).toThrow(/Cannot notify on a Condition whose lock/);
    expect(() => condition.notifyAll()).toThrow(InvalidStateError);
    await expect(condition.waitAsync(1)).rejects.toThrow(InvalidStateError);
    expect(() => new Condition({} as never)).toThrow(/`lock` argument to be a Lock or RLock/);
  });

  it('times out with false and holds the lock again afterwards', async () => {
    const condition = new Condition(new Lock());
    condition.acquire();
    const started = performance.now();
    expect(condition.wait(30)).toBe(false);
    expectWaitedFor(started, 30);
    expect(condition.lock.locked()).toBe(true);
    expect(await condition.waitForAsync(() => 0, 20)).toBe(0);
    condition.release();
  });

  it('restores the RLock recursion depth after wait', async () => {
    const rlock = new RLock();
    const condition = new Condition(rlock);
    rlock.acquire();
    rlock.acquire();
    expect(await condition.waitAsync(5)).toBe(false);
    rlock.release();
    expect(rlock.isOwned()).toBe(true);
    rlock.release();
    expect(rlock.locked()).toBe(false);
  });

  it('notify(n) wakes n waiters and notifyAll the rest', async () => {
    const condition = new Condition();
    const woken: number[] = [];
    let registered = 0;
    const waiters = [0, 1, 2, 3].map(async (id) => {
      await using held = await condition.holdAsync();
      expect(held.active).toBe(true);
      const waiting = condition.waitAsync(10_000); // registered and unlocked once it returns
      registered += 1;
      const notified = await waiting;
      woken.push(id);
      return notified;
    });
    while (registered < 4) await tick();
    {
      using _held = condition.hold();
      condition.notify(2);
    }
    while (woken.length < 2) await tick();
    await tick(30);
    expect(woken).toHaveLength(2);
    {
      using _held = condition.hold();
      condition.notifyAll();
    }
    expect(await Promise.all(waiters)).toEqual([true, true, true, true]);
    expect(condition.lock.locked()).toBe(false);
  });

  it('never gives a notification to a waiter that started waiting after it', async () => {
    const condition = new Condition();
    await condition.acquireAsync();
    const early = condition.waitAsync(1_000); // registered, lock released
    await condition.acquireAsync();
    condition.notifyAll(); // granted to `early`, which has not run yet
    // Still holding the lock, start a second wait before `early` wakes up: it must not
    // take `early`'s wake-up (which would leave `early` asleep with its condition true).
    const late = condition.waitAsync(50);
    expect(await early).toBe(true); // woken, and holding the lock again
    condition.release();
    expect(await late).toBe(false); // timed out: nobody notified it
    condition.release();
  });

  it('moves items from a producer to 4 consumer threads without loss', async () => {
    const condition = new Condition();
    const stock = new Int32Array(new SharedArrayBuffer(4));
    const PER_CONSUMER = 50;
    const consumers = runWorkers<number>('condition-consumer.mjs', 4, () => [
      { condition, stock, count: PER_CONSUMER },
    ]);
    let produced = 0;
    while (produced < 4 * PER_CONSUMER) {
      await using _held = await condition.holdAsync();
      // At most 3 in stock at once, so consumers really wait for the producer.
      if (await condition.waitForAsync(() => stock[0]! < 3, 10_000)) {
        stock[0]! += 1;
        produced += 1;
        condition.notify();
      }
    }
    expect(await consumers).toEqual([PER_CONSUMER, PER_CONSUMER, PER_CONSUMER, PER_CONSUMER]);
    expect(stock[0]).toBe(0);
  });
});
