// Barrier: distinct indices, the action once per cycle before release (run by the creating
// thread), timeouts, abort and reset, and 200 cycles x 4 threads without a lost wake-up.
import { Barrier, BrokenBarrierError } from '@concur/threading';
import { describe, expect, it } from 'vitest';
import { runWorkers } from './helpers/workers.js';
import { expectWaitedFor } from './helpers/timing.js';

const PARTIES = 4;
const CYCLES = 200;

describe('Barrier', () => {
  it('releases all parties with distinct indices and runs the action once', async () => {
    let actions = 0;
    const barrier = new Barrier(3, { action: () => (actions += 1) });
    expect(barrier.parties).toBe(3);
    const indices = await Promise.all([
      barrier.waitAsync(),
      barrier.waitAsync(),
      barrier.waitAsync(),
    ]);
    expect(indices.sort()).toEqual([0, 1, 2]);
    expect(actions).toBe(1);
    expect(barrier.nWaiting).toBe(0);
  });

  it('breaks on timeout, then throws until reset', async () => {
    const barrier = new Barrier(2);
    const started = performance.now();
    await expect(barrier.waitAsync(30)).rejects.toThrow(BrokenBarrierError);
    expectWaitedFor(started, 30);
    expect(barrier.broken).toBe(true);
    await expect(barrier.waitAsync(10)).rejects.toThrow(/broken/);
    barrier.reset();
    expect(barrier.broken).toBe(false);
    const both = await Promise.all([barrier.waitAsync(1_000), barrier.waitAsync(1_000)]);
    expect(both.sort()).toEqual([0, 1]);
  });

  it('wakes waiters with BrokenBarrierError on abort and on reset', async () => {
    const barrier = new Barrier(3);
    const aborted = barrier.waitAsync(10_000);
    while (barrier.nWaiting < 1) await new Promise((resolve) => setTimeout(resolve, 1));
    barrier.abort();
    await expect(aborted).rejects.toThrow(BrokenBarrierError);
    barrier.reset();
    const reset = barrier.waitAsync(10_000);
    while (barrier.nWaiting < 1) await new Promise((resolve) => setTimeout(resolve, 1));
    barrier.reset();
    await expect(reset).rejects.toThrow(/reset/);
    expect(barrier.broken).toBe(false);
  });

  it('breaks when the action throws; that thread gets the error, the others BrokenBarrierError', async () => {
    const barrier = new Barrier(2, {
      action: () => {
        throw new Error('action failed');
      },
    });
    const results = await Promise.allSettled([barrier.waitAsync(), barrier.waitAsync()]);
    const reasons = results.map((result) => (result as PromiseRejectedResult).reason);
    expect(reasons.map((reason: Error) => reason.message).sort()).toEqual([
      'The Barrier was broken or reset while this thread waited.',
      'action failed',
    ]);
    expect(barrier.broken).toBe(true);
  });

  it('rejects bad arguments', () => {
    expect(() => new Barrier(0)).toThrow(
      'Expected the `parties` argument to be a positive integer, got `0` (number).',
    );
    expect(() => new Barrier(2, { action: 1 as never })).toThrow(
      /`action` option to be a function/,
    );
    expect(() => new Barrier(2, { timeot: 1 } as never)).toThrow(/Did you mean `timeout`/);
  });

  it(`cycles ${CYCLES} times with ${PARTIES} threads, indices distinct every cycle`, async () => {
    const barrier = new Barrier(PARTIES);
    const seen = new Int32Array(new SharedArrayBuffer(4 * CYCLES * PARTIES));
    const results = await runWorkers<{ actionMismatches: number }>(
      'barrier-cycles.mjs',
      PARTIES,
      () => [barrier, seen, null, CYCLES],
    );
    expect(results).toHaveLength(PARTIES);
    expect([...seen].every((count) => count === 1)).toBe(true);
  });

  it('runs the action of a main-thread Barrier once per cycle, before each release, for worker parties', async () => {
    const actions = new Int32Array(new SharedArrayBuffer(4));
    const cycles = 50;
    const barrier = new Barrier(PARTIES, { action: () => void Atomics.add(actions, 0, 1) });
    const seen = new Int32Array(new SharedArrayBuffer(4 * cycles * PARTIES));
    const results = await runWorkers<{ actionMismatches: number }>(
      'barrier-cycles.mjs',
      PARTIES,
      () => [barrier, seen, actions, cycles],
    );
    expect(actions[0]).toBe(cycles);
    expect(results.map((result) => result.actionMismatches)).toEqual([0, 0, 0, 0]);
    expect([...seen].every((count) => count === 1)).toBe(true);
  });
});
