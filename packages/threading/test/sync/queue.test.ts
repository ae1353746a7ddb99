// Queue: Python's queue.Queue semantics (FIFO, maxsize, Empty/Full, taskDone/join,
// shutdown), byte capacity errors, and several producer and consumer threads moving N
// items with none lost or duplicated.
import { Empty, Full, Lock, Queue, ShutDown } from '@concur/threading';
import { describe, expect, it } from 'vitest';
import { runWorkers } from './helpers/workers.js';
import { expectWaitedFor } from './helpers/timing.js';

describe('Queue', () => {
  it('is FIFO and copies structured-cloneable items', async () => {
    const queue = new Queue<unknown>();
    const items = [1, 'two', { three: [3] }, new Map([[4, 'four']]), null];
    for (const item of items) queue.put(item);
    expect(queue.qsize()).toBe(5);
    expect(queue.empty()).toBe(false);
    const out = [queue.get(), queue.getNowait(), await queue.getAsync(), queue.get(), queue.get()];
    expect(out).toEqual(items);
    expect(queue.empty()).toBe(true);
  });

  it('refuses items holding sync primitives or a SharedArrayBuffer, with a clear error', () => {
    const queue = new Queue();
    expect(() => queue.put({ nested: [new Lock()] })).toThrow(
      /holds a sync primitive .* Pass it to the thread as an argument instead/,
    );
    expect(() => queue.put({ buffer: new SharedArrayBuffer(4) })).toThrow(
      /Shared memory cannot be copied into a Queue/,
    );
    expect(queue.empty()).toBe(true);
    // A typed array over shared memory is copied like any typed array: the copy is not shared.
    queue.put(new Int32Array(new SharedArrayBuffer(8)));
    const copy = queue.get() as Int32Array;
    expect(copy).toEqual(new Int32Array(2));
    expect(copy.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('raises Full and Empty without blocking and after a timeout', async () => {
    const queue = new Queue<number>(1);
    queue.putNowait(1);
    expect(queue.full()).toBe(true);
    expect(() => queue.putNowait(2)).toThrow(Full);
    let started = performance.now();
    await expect(queue.putAsync(2, { timeout: 30 })).rejects.toThrow(Full);
    expectWaitedFor(started, 30);
    expect(queue.get()).toBe(1);
    expect(() => queue.getNowait()).toThrow(Empty);
    started = performance.now();
    expect(() => queue.get({ timeout: 30 })).toThrow(Empty);
    expectWaitedFor(started, 30);
  });

  it('wraps items around the byte ring and rejects items bigger than it', () => {
    const queue = new Queue<string>(0, { maxBytes: 64 });
    for (let round = 0; round < 20; round++) {
      queue.put(`item-${round}-${'x'.repeat(round)}`);
      queue.put(`second-${round}`);
      expect(queue.get()).toBe(`item-${round}-${'x'.repeat(round)}`);
      expect(queue.get()).toBe(`second-${round}`);
    }
    expect(() => queue.put('y'.repeat(100))).toThrow(/pass a larger `maxBytes` option/);
    expect(() => queue.put((() => 1) as never)).toThrow(/cannot be serialized/);
    expect(() => new Queue(-1)).toThrow(
      'Expected the `maxsize` argument to be a non-negative integer, got `-1` (number).',
    );
  });

  it('blocks put while the bytes are used up, until a get frees them', async () => {
    const queue = new Queue<string>(0, { maxBytes: 40 });
    queue.put('a'.repeat(20));
    const putting = queue.putAsync('b'.repeat(20), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queue.qsize()).toBe(1);
    expect(queue.get()).toBe('a'.repeat(20));
    await putting;
    expect(queue.get()).toBe('b'.repeat(20));
  });

  it('counts unfinished tasks: join waits for taskDone, which throws when overcalled', async () => {
    const queue = new Queue<number>();
    queue.put(1);
    queue.put(2);
    let joined = false;
    const joining = queue.joinAsync().then(() => (joined = true));
    queue.get();
    queue.taskDone();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(joined).toBe(false);
    queue.get();
    queue.taskDone();
    await joining;
    expect(joined).toBe(true);
    queue.join(); // nothing unfinished: returns at once
    expect(() => queue.taskDone()).toThrow(RangeError);
  });

  it('shuts down: put fails, get drains then fails, waiters wake', async () => {
    const queue = new Queue<number>();
    const waiting = queue.getAsync();
    queue.shutdown();
    await expect(waiting).rejects.toThrow(ShutDown);
    expect(queue.isShutdown).toBe(true);
    expect(() => queue.put(1)).toThrow(ShutDown);

    const draining = new Queue<number>();
    draining.put(1);
    draining.put(2);
    draining.shutdown();
    expect(draining.get()).toBe(1);
    expect(draining.get()).toBe(2);
    expect(() => draining.get()).toThrow(ShutDown);

    const immediate = new Queue<number>();
    immediate.put(1);
    immediate.shutdown(true);
    expect(immediate.qsize()).toBe(0);
    expect(() => immediate.get()).toThrow(ShutDown);
    await immediate.joinAsync(); // the dropped item counts as done
  });

  it('moves items from 3 producer threads to 3 consumer threads, none lost or duplicated', async () => {
    const PRODUCERS = 3;
    const PER_PRODUCER = 400;
    const total = PRODUCERS * PER_PRODUCER;
    // A small queue so producers really block on a full queue and consumers on an empty one.
    const queue = new Queue<{ value: number; text: string }>(16, { maxBytes: 4096 });
    const seen = new Int32Array(new SharedArrayBuffer(4 * total));
    const consumers = runWorkers<number>('queue-consumer.mjs', 3, () => [queue, seen]);
    await runWorkers('queue-producer.mjs', PRODUCERS, (i) => [
      queue,
      i * PER_PRODUCER,
      PER_PRODUCER,
    ]);
    await queue.joinAsync();
    queue.shutdown();
    const taken = await consumers;
    expect(taken.reduce((sum, count) => sum + count, 0)).toBe(total);
    expect([...seen].every((count) => count === 1)).toBe(true);
  });

  it('loses nothing when consumers time out all the time, with the main thread consuming too', async () => {
    const total = 600;
    const queue = new Queue<{ value: number; text: string }>(4);
    const seen = new Int32Array(new SharedArrayBuffer(4 * total));
    // Producers pause 1 ms per item and gets give up after 1 ms: consumers keep timing out
    // and registering again while items arrive.
    const consumers = runWorkers<{ taken: number; timeouts: number }>(
      'queue-consumer.mjs',
      3,
      () => [queue, seen, 1],
    );
    const producers = runWorkers('queue-producer.mjs', 2, (i) => [
      queue,
      (i * total) / 2,
      total / 2,
      1,
    ]);
    let producing = true;
    const stopProducing = (): void => void (producing = false);
    producers.then(stopProducing, stopProducing);
    // The main thread consumes too, with 1 ms timeouts of its own, until the producers are
    // done and the queue is drained (how much it gets depends on scheduling, not asserted).
    let mainTaken = 0;
    while (producing || !queue.empty()) {
      let item: { value: number; text: string };
      try {
        item = await queue.getAsync({ timeout: 1 });
      } catch (error) {
        if (error instanceof Empty) continue;
        throw error;
      }
      Atomics.add(seen, item.value, 1);
      queue.taskDone();
      mainTaken += 1;
    }
    await producers;
    await queue.joinAsync();
    queue.shutdown();
    const results = await consumers;
    expect(results.reduce((sum, result) => sum + result.taken, mainTaken)).toBe(total);
    expect([...seen].every((count) => count === 1)).toBe(true);
  });
});
