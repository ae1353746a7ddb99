// Event: set/clear/isSet, wait returning false on timeout, and waking waiters in other
// threads and on the main thread.
import { Event } from '@concur/threading';
import { describe, expect, it } from 'vitest';
import { runWorker, runWorkers } from './helpers/workers.js';
import { expectWaitedFor } from './helpers/timing.js';

describe('Event', () => {
  it('sets, clears and reports its flag', () => {
    const event = new Event();
    expect(event.isSet()).toBe(false);
    event.set();
    expect(event.isSet()).toBe(true);
    expect(event.wait(0)).toBe(true);
    event.clear();
    expect(event.isSet()).toBe(false);
  });

  it('returns false on timeout, blocking and async', async () => {
    const event = new Event();
    let started = performance.now();
    expect(event.wait(30)).toBe(false);
    expectWaitedFor(started, 30);
    started = performance.now();
    expect(await event.waitAsync(30)).toBe(false);
    expectWaitedFor(started, 30);
    expect(() => event.wait(-5)).toThrow(/`timeout` argument/);
  });

  it('wakes every waiting thread when set', async () => {
    const event = new Event();
    const waiters = runWorkers<boolean>('sync-probe.mjs', 4, () => ['wait-event', event, 10_000]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    event.set();
    expect(await waiters).toEqual([true, true, true, true]);
  });

  it('a worker that times out gets false; a worker can set it for the main thread', async () => {
    const event = new Event();
    expect(await runWorker('sync-probe.mjs', ['wait-event', event, 30])).toBe(false);
    const waiting = event.waitAsync(10_000);
    expect(await runWorker('sync-probe.mjs', ['set-event', event])).toBe(true);
    expect(await waiting).toBe(true);
  });

  it('wakes a waiter even when cleared right after set, as in Python', async () => {
    const event = new Event();
    const waiting = event.waitAsync(10_000);
    event.set();
    event.clear();
    expect(await waiting).toBe(true);
  });
});
