// Queue: Python's `queue.Queue` in shared memory. Items are V8-serialized into a byte ring
// inside the Queue's SharedArrayBuffer, guarded by a futex mutex and three notifiers
// (not empty, not full, all tasks done), so any thread can put and get with no broker.
import {
  REVIVE,
  registerReviver,
  describeValue,
  validateBoolean,
  validateNonNegativeInteger,
  validateOptionsObject,
  validatePositiveInteger,
  type RevivableDescription,
} from '@concur/core';
import { deserialize, serialize } from 'node:v8';
import { resolveAcquireOptions } from './acquire-options.js';
import { ByteRing, RECORD_HEADER_BYTES } from './byte-ring.js';
import { Empty, Full, ShutDown } from './errors.js';
import { lockMutexForever, unlockMutex } from './mutex.js';
import { notifyWaiters, waitWithMutex } from './notifier.js';
import {
  createSlots,
  isAdopting,
  QUEUE_LAYOUT as L,
  SLOT_BYTES,
  withAdoptedBuffer,
} from './slots.js';
import { Deadline, runAsync, runBlocking, type WaitSteps } from './waiting.js';

const KIND = 'concur.Queue';
/** Default byte capacity: 1 MiB of serialized items, enough for thousands of small messages. */
export const DEFAULT_QUEUE_BYTES = 1024 * 1024;
/** Where the ring starts: after the header slots, 8-byte aligned. */
const RING_OFFSET = Math.ceil((L.size * SLOT_BYTES) / 8) * 8;
const ALL = Number.MAX_SAFE_INTEGER;

/** Options of {@link Queue}. */
export interface QueueOptions {
  /**
   * The bytes of shared memory for serialized items (each also takes 4 bytes of framing).
   * `put` waits while the items do not fit; an item bigger than this throws RangeError.
   * @default 1048576 (1 MiB)
   */
  readonly maxBytes?: number;
}

/** Options of `put`/`get` (Python's `block` and `timeout`). */
export interface QueueWaitOptions {
  /** Whether to wait for room or an item. @default true */
  readonly block?: boolean;
  /** The longest to wait, in ms. @default Infinity */
  readonly timeout?: number;
}

/**
 * A FIFO queue shared by every thread it is passed to (Python's `queue.Queue`). Items are
 * copied in with `v8.serialize` (structured-clone types; no functions, no shared memory).
 *
 * @example
 * const queue = new Queue<number>(10);
 * queue.put(1);               // worker thread (blocks while full)
 * await queue.getAsync();     // main thread (never blocks the event loop)
 */
export class Queue<T = unknown> {
  readonly #cells: Int32Array;
  readonly #ring: ByteRing;

  /**
   * @param maxsize - the most items at once; 0 means no item limit (only `maxBytes`).
   * @default maxsize 0
   * @throws TypeError for a bad `maxsize` or `maxBytes`.
   */
  constructor(maxsize = 0, options?: QueueOptions) {
    const revived = isAdopting();
    let maxBytes = DEFAULT_QUEUE_BYTES;
    if (!revived) {
      validateNonNegativeInteger('maxsize', maxsize, 'argument');
      const known = validateOptionsObject('Queue', options, ['maxBytes'] as const);
      if (known.maxBytes !== undefined)
        maxBytes = validatePositiveInteger('maxBytes', known.maxBytes);
    }
    this.#cells = createSlots(L.size, RING_OFFSET - L.size * SLOT_BYTES + maxBytes);
    if (!revived) {
      Atomics.store(this.#cells, L.maxsize, maxsize);
      Atomics.store(this.#cells, L.capacity, maxBytes);
    }
    const buffer = this.#cells.buffer as SharedArrayBuffer;
    this.#ring = new ByteRing(buffer, RING_OFFSET, Atomics.load(this.#cells, L.capacity));
  }

  /** The most items at once (0: no item limit). */
  get maxsize(): number {
    return Atomics.load(this.#cells, L.maxsize);
  }

  /** The bytes of shared memory for serialized items. */
  get maxBytes(): number {
    return this.#ring.capacity;
  }

  /** How many items are queued (a snapshot). */
  qsize(): number {
    return Atomics.load(this.#cells, L.count);
  }

  /** Whether the queue is empty (a snapshot). */
  empty(): boolean {
    return this.qsize() === 0;
  }

  /** Whether the queue holds `maxsize` items (a snapshot; false when maxsize is 0). */
  full(): boolean {
    const maxsize = this.maxsize;
    return maxsize > 0 && this.qsize() >= maxsize;
  }

  /**
   * Adds an item, blocking this thread while the queue is full. On the main thread prefer
   * {@link putAsync}.
   * @throws Full when not blocking or the timeout passed; ShutDown after `shutdown()`.
   * @throws TypeError when the item cannot be serialized; RangeError when it is bigger than `maxBytes`.
   * @example
   * queue.put(job, { timeout: 1000 });
   */
  put(item: T, options?: QueueWaitOptions): void {
    const { blocking, timeout } = resolveAcquireOptions('Queue.put()', options, 'block');
    runBlocking(this.putSteps(this.encode(item), blocking, Deadline.after(timeout)));
  }

  /** {@link put} without blocking the event loop. @throws as `put` (as a rejection, except bad arguments). */
  putAsync(item: T, options?: QueueWaitOptions): Promise<void> {
    const { blocking, timeout } = resolveAcquireOptions('Queue.putAsync()', options, 'block');
    return runAsync(this.putSteps(this.encode(item), blocking, Deadline.after(timeout)));
  }

  /** `put(item, { block: false })`. @throws Full when full. */
  putNowait(item: T): void {
    this.put(item, { block: false });
  }

  /**
   * Removes and returns the oldest item, blocking this thread while the queue is empty.
   * @throws Empty when not blocking or the timeout passed; ShutDown once shut down and empty.
   * @example
   * const job = queue.get({ timeout: 1000 });
   */
  get(options?: QueueWaitOptions): T {
    const { blocking, timeout } = resolveAcquireOptions('Queue.get()', options, 'block');
    return deserialize(runBlocking(this.getSteps(blocking, Deadline.after(timeout)))) as T;
  }

  /** {@link get} without blocking the event loop. */
  async getAsync(options?: QueueWaitOptions): Promise<T> {
    const { blocking, timeout } = resolveAcquireOptions('Queue.getAsync()', options, 'block');
    return deserialize(await runAsync(this.getSteps(blocking, Deadline.after(timeout)))) as T;
  }

  /** `get({ block: false })`. @throws Empty when empty. */
  getNowait(): T {
    return this.get({ block: false });
  }

  /**
   * Marks one item taken with `get` as processed; `join` returns when all are.
   * @throws RangeError when called more times than items were put (Python's ValueError).
   * @example
   * const job = queue.get(); try { handle(job); } finally { queue.taskDone(); }
   */
  taskDone(): void {
    runBlocking(
      this.lockedSteps(() => {
        const unfinished = Atomics.load(this.#cells, L.unfinished);
        if (unfinished <= 0) {
          throw new RangeError('Queue.taskDone() called more times than there were items put.');
        }
        Atomics.store(this.#cells, L.unfinished, unfinished - 1);
        if (unfinished === 1) notifyWaiters(this.#cells, L.allTasksDone, ALL);
      }),
    );
  }

  /**
   * Blocks this thread until every item put has been marked done with `taskDone()`.
   * @example
   * queue.join();
   */
  join(): void {
    runBlocking(this.joinSteps());
  }

  /** {@link join} without blocking the event loop. */
  joinAsync(): Promise<void> {
    return runAsync(this.joinSteps());
  }

  /**
   * Shuts the queue down (Python 3.13): puts throw ShutDown, gets throw ShutDown once the
   * queue is empty, and blocked callers wake up. With `immediate`, the queued items are
   * dropped (and counted done), so gets and joins return at once.
   * @default immediate false
   * @example
   * queue.shutdown();
   */
  shutdown(immediate = false): void {
    validateBoolean('immediate', immediate, 'argument');
    runBlocking(
      this.lockedSteps(() => {
        Atomics.store(this.#cells, L.shutdown, 1);
        if (immediate) {
          const dropped = Atomics.exchange(this.#cells, L.count, 0);
          Atomics.store(this.#cells, L.head, 0);
          Atomics.store(this.#cells, L.used, 0);
          const unfinished = Atomics.load(this.#cells, L.unfinished);
          Atomics.store(this.#cells, L.unfinished, Math.max(0, unfinished - dropped));
          notifyWaiters(this.#cells, L.allTasksDone, ALL);
        }
        notifyWaiters(this.#cells, L.notEmpty, ALL);
        notifyWaiters(this.#cells, L.notFull, ALL);
      }),
    );
  }

  /** Whether `shutdown()` was called. */
  get isShutdown(): boolean {
    return Atomics.load(this.#cells, L.shutdown) === 1;
  }

  private encode(item: T): Uint8Array {
    let bytes: Uint8Array;
    try {
      bytes = serialize(item);
    } catch (cause) {
      throw new TypeError(
        `Cannot put ${describeValue(item)} on a Queue: it cannot be serialized (${(cause as Error).message}). Items must be structured-cloneable.`,
        { cause },
      );
    }
    if (RECORD_HEADER_BYTES + bytes.length > this.#ring.capacity) {
      throw new RangeError(
        `Cannot put an item of ${bytes.length} serialized bytes on a Queue of ${this.#ring.capacity} bytes (${RECORD_HEADER_BYTES} more per item for framing): pass a larger \`maxBytes\` option to the Queue.`,
      );
    }
    return bytes;
  }

  private *lockedSteps<R>(body: () => R): WaitSteps<R> {
    yield* lockMutexForever(this.#cells, L.mutex);
    try {
      return body();
    } finally {
      unlockMutex(this.#cells, L.mutex);
    }
  }

  private hasRoom(recordBytes: number): boolean {
    const maxsize = this.maxsize;
    if (maxsize > 0 && Atomics.load(this.#cells, L.count) >= maxsize) return false;
    return Atomics.load(this.#cells, L.used) + recordBytes <= this.#ring.capacity;
  }

  private *putSteps(payload: Uint8Array, blocking: boolean, deadline: Deadline): WaitSteps<void> {
    const recordBytes = RECORD_HEADER_BYTES + payload.length;
    yield* lockMutexForever(this.#cells, L.mutex);
    try {
      for (;;) {
        if (this.isShutdown) throw new ShutDown('Cannot put on a Queue that was shut down.');
        if (this.hasRoom(recordBytes)) break;
        if (!blocking || deadline.expired())
          throw new Full(
            blocking ? `The Queue stayed full for the whole timeout.` : 'The Queue is full.',
          );
        yield* waitWithMutex(this.#cells, L.mutex, L.notFull, deadline);
      }
      const head = Atomics.load(this.#cells, L.head);
      const used = Atomics.load(this.#cells, L.used);
      this.#ring.writeRecord((head + used) % this.#ring.capacity, payload);
      Atomics.store(this.#cells, L.used, used + recordBytes);
      Atomics.add(this.#cells, L.count, 1);
      Atomics.add(this.#cells, L.unfinished, 1);
      notifyWaiters(this.#cells, L.notEmpty, 1);
    } finally {
      unlockMutex(this.#cells, L.mutex);
    }
  }

  private *getSteps(blocking: boolean, deadline: Deadline): WaitSteps<Uint8Array> {
    yield* lockMutexForever(this.#cells, L.mutex);
    try {
      while (Atomics.load(this.#cells, L.count) === 0) {
        if (this.isShutdown) throw new ShutDown('The Queue was shut down and is empty.');
        if (!blocking || deadline.expired())
          throw new Empty(
            blocking ? 'The Queue stayed empty for the whole timeout.' : 'The Queue is empty.',
          );
        yield* waitWithMutex(this.#cells, L.mutex, L.notEmpty, deadline);
      }
      const head = Atomics.load(this.#cells, L.head);
      const payload = this.#ring.readRecord(head);
      const recordBytes = RECORD_HEADER_BYTES + payload.length;
      Atomics.store(this.#cells, L.head, (head + recordBytes) % this.#ring.capacity);
      Atomics.sub(this.#cells, L.used, recordBytes);
      Atomics.sub(this.#cells, L.count, 1);
      // Every putter re-checks: the freed bytes may fit a small item but not a big one.
      notifyWaiters(this.#cells, L.notFull, ALL);
      return payload;
    } finally {
      unlockMutex(this.#cells, L.mutex);
    }
  }

  private *joinSteps(): WaitSteps<void> {
    yield* lockMutexForever(this.#cells, L.mutex);
    try {
      while (Atomics.load(this.#cells, L.unfinished) > 0) {
        yield* waitWithMutex(this.#cells, L.mutex, L.allTasksDone, Deadline.after(Infinity));
      }
    } finally {
      unlockMutex(this.#cells, L.mutex);
    }
  }

  /** Describes the queue for another thread (core's revivable protocol). */
  [REVIVE](): RevivableDescription {
    return {
      kind: KIND,
      moduleUrl: import.meta.url,
      data: { buffer: this.#cells.buffer },
      scope: 'thread',
    };
  }
}

registerReviver(KIND, (data) =>
  withAdoptedBuffer((data as { buffer: unknown }).buffer, () => new Queue()),
);
