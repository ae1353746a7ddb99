// Passing primitives across the boundary: nested in arrays and objects they come back as
// the same working primitive in a worker, through Thread's ordinary args too; sending one
// to a child process fails with a clear error.
import { decodeRevivables, encodeRevivables, taskFrom } from '@concur/core';
import {
  Barrier,
  BoundedSemaphore,
  Condition,
  Event,
  Lock,
  Queue,
  RLock,
  Semaphore,
  Thread,
} from '@concur/threading';
import { afterEach, describe, expect, it } from 'vitest';
import { runWorker } from './helpers/workers.js';

const tasks = new URL('./fixtures/sync-tasks.mjs', import.meta.url);
const incrementUnderLock = taskFrom(tasks, 'incrementUnderLock');
const echoThroughQueue = taskFrom(tasks, 'echoThroughQueue');
const started: Thread[] = [];

afterEach(async () => {
  await Promise.all(started.map((thread) => thread.join()));
  started.length = 0;
});

function startThread(target: typeof incrementUnderLock, args: unknown[]): Thread {
  const thread = new Thread({ target, args });
  started.push(thread);
  thread.start();
  return thread;
}

describe('passing sync primitives', () => {
  it('revives every kind, nested in arrays and objects, with its state', async () => {
    const queue = new Queue();
    queue.put({ hello: 'worker' });
    const event = new Event();
    event.set();
    const nested = {
      locks: [new Lock(), new RLock()],
      more: { semaphore: new Semaphore(5), bounded: new BoundedSemaphore(3) },
      event,
      condition: new Condition(new RLock()),
      barrier: new Barrier(7),
      queue,
    };
    expect(await runWorker('sync-probe.mjs', ['nested-kinds', nested])).toEqual({
      lock: 'Lock',
      rlock: 'RLock',
      semaphore: 'Semaphore:5',
      bounded: 'BoundedSemaphore:3',
      event: 'Event:true',
      condition: 'Condition:RLock',
      barrier: 'Barrier:7',
      queue: 'Queue:{"hello":"worker"}',
    });
    expect(queue.empty()).toBe(true); // the worker took the item from the same queue
  });

  it('works the other way: primitives created in a worker are revived in the main thread', async () => {
    const values = await runWorker<unknown[]>('sync-probe.mjs', ['create-and-send']);
    const [{ lock, queue }] = (await decodeRevivables(values)) as [{ lock: Lock; queue: Queue }];
    expect(lock).toBeInstanceOf(Lock);
    expect(lock.locked()).toBe(true); // the worker acquired it (and exited holding it)
    lock.release();
    expect(await lock.acquireAsync({ blocking: false })).toBe(true);
    expect(queue.getNowait()).toBe('made in a worker');
  });

  it('refuses to send any of them to a child process: shared memory does not cross', () => {
    const primitives = [
      new Lock(),
      new RLock(),
      new Semaphore(),
      new BoundedSemaphore(),
      new Event(),
      new Condition(),
      new Barrier(2),
      new Queue(),
    ];
    for (const primitive of primitives) {
      expect(() => encodeRevivables([{ nested: [primitive] }], 'process')).toThrow(
        /Expected argument 1\.nested\[0\] to be sendable to a child process.*Shared memory does not cross processes/,
      );
    }
  });

  it('works as ordinary Thread args: 4 Threads share a Lock nested in an object', async () => {
    const lock = new Lock();
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const threads = [0, 1, 2, 3].map(() =>
      startThread(incrementUnderLock, [{ locks: [lock], counter }, 20]),
    );
    await Promise.all(threads.map((thread) => thread.join()));
    expect(threads.map((thread) => thread.exception)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(counter[0]).toBe(80);
  });

  it('a Thread echoes items through two Queues passed in an array', async () => {
    const inbox = new Queue<number | null>();
    const outbox = new Queue<number>();
    const done = new Event();
    startThread(echoThroughQueue, [[inbox, outbox], done]);
    for (const n of [1, 2, 3]) await inbox.putAsync(n);
    await inbox.putAsync(null);
    const echoed = [await outbox.getAsync(), await outbox.getAsync(), await outbox.getAsync()];
    expect(echoed).toEqual([2, 4, 6]);
    expect(await done.waitAsync(10_000)).toBe(true);
  });
});
