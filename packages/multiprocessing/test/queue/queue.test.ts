// Queue, SimpleQueue, JoinableQueue: in one process, and across real child processes with
// many producers and consumers (nothing lost or duplicated).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import {
  Empty,
  Full,
  JoinableQueue,
  Pipe,
  Pool,
  Process,
  Queue,
  SimpleQueue,
} from '@concur/multiprocessing';
import { InvalidStateError } from '@concur/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  consume,
  drainJoinable,
  getThenSignal,
  produce,
  putTagged,
} from '../fixtures/queue-tasks.mjs';

const pools: Pool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) {
    pool.terminate();
    await pool.join();
  }
});

describe('Queue in one process', () => {
  it('is FIFO and copies items on put', async () => {
    const queue = new Queue<{ n: number }>();
    const item = { n: 1 };
    await queue.put(item);
    item.n = 99;
    await queue.put({ n: 2 });
    expect(await queue.qsize()).toBe(2);
    expect(await queue.get()).toEqual({ n: 1 });
    expect(await queue.get()).toEqual({ n: 2 });
    expect(await queue.empty()).toBe(true);
  });

  it('raises Empty and Full without blocking or after a timeout', async () => {
    const queue = new Queue<number>(1);
    await expect(queue.getNowait()).rejects.toBeInstanceOf(Empty);
    await expect(queue.get(true, 10)).rejects.toThrow(/stayed empty for 10 ms/);
    await queue.put(1);
    expect(await queue.full()).toBe(true);
    await expect(queue.putNowait(2)).rejects.toBeInstanceOf(Full);
    await expect(queue.put(2, true, 10)).rejects.toBeInstanceOf(Full);
    expect(await queue.qsize()).toBe(1);
  });

  it('blocks a put while full until a get makes room', async () => {
    const queue = new Queue<number>(1);
    await queue.put(1);
    let putDone = false;
    const put = queue.put(2).then(() => (putDone = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(putDone).toBe(false);
    expect(await queue.get()).toBe(1);
    await put;
    expect(await queue.get()).toBe(2);
  });

  it('rejects unserializable items, bad arguments, and puts after close', async () => {
    const queue = new Queue<unknown>();
    await expect(queue.put(() => 1)).rejects.toThrow(
      /Cannot put the item on the queue: .*could not be cloned/,
    );
    expect(() => new Queue(-1)).toThrow(
      'Expected the `maxsize` argument to be a non-negative integer, got `-1` (number).',
    );
    await expect(queue.get(true, -5)).rejects.toThrow(/`timeoutMs` argument/);
    queue.close();
    await expect(queue.put(1)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('JoinableQueue.join waits for taskDone of every item', async () => {
    const queue = new JoinableQueue<number>();
    await queue.putMany([1, 2]);
    let joined = false;
    const join = queue.join().then(() => (joined = true));
    await queue.get();
    await queue.taskDone();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(joined).toBe(false);
    await queue.get();
    await queue.taskDone();
    await join;
    await expect(queue.taskDone()).rejects.toThrow(/more times than there were items/);
  });
});

describe('Queue across processes', () => {
  it('carries items from children intact, with plain put and get', async () => {
    const queue = new SimpleQueue<{
      value: number;
      from: string;
      when: Date;
      tags: Map<string, number>;
    }>();
    const children = [1, 2, 3].map((n) => new Process({ target: putTagged, args: [queue, n] }));
    for (const child of children) child.start();
    const items = [await queue.get(), await queue.get(), await queue.get()];
    for (const child of children) await child.join();
    expect(items.map((item) => item.value).sort()).toEqual([1, 2, 3]);
    expect(new Set(items.map((item) => item.from))).toEqual(new Set(children.map((c) => c.name)));
    expect(items[0]!.when).toBeInstanceOf(Date);
    expect(items[0]!.tags.get('k')).toBe(items[0]!.value);
  });

  it('moves 100,000 items from 4 producers to 4 consumers, none lost or duplicated', async () => {
    const producers = 4;
    const consumers = 4;
    const perProducer = 25_000;
    const queue = new Queue<number | null>(10_000);
    const pool = new Pool({ processes: producers + consumers });
    pools.push(pool);
    const consumed = Array.from({ length: consumers }, () => pool.apply(consume, [queue, 500]));
    const produced = Array.from({ length: producers }, (_, p) =>
      pool.apply(produce, [queue, p * perProducer, perProducer, 1_000]),
    );
    expect(await Promise.all(produced)).toEqual(new Array(producers).fill(perProducer));
    await queue.putMany(new Array(consumers).fill(null));
    const received = (await Promise.all(consumed)).flat() as number[];
    expect(received).toHaveLength(producers * perProducer);
    const seen = new Uint8Array(producers * perProducer);
    for (const value of received) seen[value]! += 1;
    expect(seen.every((count) => count === 1)).toBe(true);
    expect(await queue.qsize()).toBe(0);
  }, 30_000);

  it('withdraws the get of a consumer that was killed, so its item is not lost', async () => {
    const queue = new Queue<number>();
    const [signals, childEnd] = Pipe<string>();
    const consumer = new Process({ target: getThenSignal, args: [queue, childEnd] });
    consumer.start();
    expect(await signals.recv()).toBe('waiting'); // the child's get() is registered now
    consumer.kill();
    await consumer.join();
    await queue.put(42);
    expect(await queue.get(true, 5_000)).toBe(42);
  });

  it('uses a private socket directory that is removed at exit', async () => {
    const script = fileURLToPath(new URL('../fixtures/queue-socket-dir.mjs', import.meta.url));
    const { stdout } = await execa('node', [script], { timeout: 20_000 });
    const [, directory, mode] = /got 1 via (\S+) mode (\d+)/.exec(stdout)!;
    expect(mode).toBe('700');
    expect(existsSync(directory!)).toBe(false);
  });

  it('JoinableQueue.join waits for consumers in children', async () => {
    const queue = new JoinableQueue<number | null>();
    const pool = new Pool({ processes: 2 });
    pools.push(pool);
    const counts = [pool.apply(drainJoinable, [queue]), pool.apply(drainJoinable, [queue])];
    await queue.putMany([1, 2, 3, 4, 5, null, null]);
    await queue.join();
    expect(await queue.qsize()).toBe(0);
    expect((await Promise.all(counts)).reduce((a, b) => a + b)).toBe(5);
  });
});
