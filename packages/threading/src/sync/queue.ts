// Queue: Python's `queue.Queue` in shared memory. Items are V8-serialized into a byte ring
// inside the Queue's SharedArrayBuffer, guarded by a futex mutex and three notifiers
// (not empty, not full, all tasks done), so any thread can put and get with no broker.
import {
  REVIVE,
  registerReviver,
  validateBoolean,
  validateNonNegativeInteger,
  validateOptionsObject,
  validatePositiveInteger,
  type RevivableDescription,
} from '@concur/core';
import { resolveAcquireOptions } from './acquire-options.js';
import { RECORD_HEADER_BYTES } from './byte-ring.js';
import { decodeQueueItem, encodeQueueItem } from './queue-items.js';
import { QueueStorage } from './queue-storage.js';
import { isAdopting, withAdoptedBuffer } from './slots.js';
import { Deadline, runAsync, runBlocking } from './waiting.js';

const KIND = 'concur.Queue';
/** Default byte capacity: 1 MiB of serialized items, enough for thousands of small messages. */
export const DEFAULT_QUEUE_BYTES = 1024 * 1024;

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
 * copied in with `v8.serialize` (structured-clone types; no functions, no shared memory,
 * no sync primitives: pass those to threads as arguments).
 *
 * @example
 * const queue = new Queue<number>(10);
 * queue.put(1);               // worker thread (blocks while full)
 * await queue.getAsync();     // main thread (never blocks the event loop)
 */
export class Queue<T = unknown> {
  readonly #storage: QueueStorage;

  /**
   * @param maxsize - the most items at once; 0 means no item limit (only `maxBytes`).
   * @default maxsize 0
   * @throws TypeError for a bad `maxsize` or `maxBytes`.
   * @example
   * const queue = new Queue<string>(100, { maxBytes: 64 * 1024 });
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
    this.#storage = new QueueStorage(maxsize, maxBytes, revived);
  }

  /**
   * The most items at once (0: no item limit).
   * @example
   * queue.maxsize; // 100
   */
  get maxsize(): number {
    return this.#storage.maxsize;
  }

  /**
   * The bytes of shared memory for serialized items.
   * @example
   * queue.maxBytes; // 65536
   */
  get maxBytes(): number {
    return this.#storage.capacity;
  }

  /**
   * How many items are queued (a snapshot).
   * @example
   * queue.qsize();
   */
  qsize(): number {
    return this.#storage.count;
  }

  /**
   * Whether the queue is empty (a snapshot).
   * @example
   * if (queue.empty()) console.log('idle');
   */
  empty(): boolean {
    return this.qsize() === 0;
  }

  /**
   * Whether the queue holds `maxsize` items (a snapshot; false when maxsize is 0).
   * @example
   * if (queue.full()) console.log('backpressure');
   */
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
    runBlocking(this.#storage.put(this.encode(item), blocking, Deadline.after(timeout)));
  }

  /**
   * {@link put} without blocking the event loop. @throws as `put` (as a rejection, except bad arguments).
   * @example
   * await queue.putAsync(job, { timeout: 1000 });
   */
  putAsync(item: T, options?: QueueWaitOptions): Promise<void> {
    const { blocking, timeout } = resolveAcquireOptions('Queue.putAsync()', options, 'block');
    return runAsync(this.#storage.put(this.encode(item), blocking, Deadline.after(timeout)));
  }

  /**
   * `put(item, { block: false })`. @throws Full when full.
   * @example
   * queue.putNowait(job);
   */
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
    return decodeQueueItem(runBlocking(this.#storage.get(blocking, Deadline.after(timeout)))) as T;
  }

  /**
   * {@link get} without blocking the event loop.
   * @example
   * const job = await queue.getAsync({ timeout: 1000 });
   */
  getAsync(options?: QueueWaitOptions): Promise<T> {
    const { blocking, timeout } = resolveAcquireOptions('Queue.getAsync()', options, 'block');
    return runAsync(this.#storage.get(blocking, Deadline.after(timeout))).then(
      (payload) => decodeQueueItem(payload) as T,
    );
  }

  /**
   * `get({ block: false })`. @throws Empty when empty.
   * @example
   * const job = queue.getNowait();
   */
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
    runBlocking(this.#storage.taskDone());
  }

  /**
   * Blocks this thread until every item put has been marked done with `taskDone()`.
   * @example
   * queue.join();
   */
  join(): void {
    runBlocking(this.#storage.join());
  }

  /**
   * {@link join} without blocking the event loop.
   * @example
   * await queue.joinAsync();
   */
  joinAsync(): Promise<void> {
    return runAsync(this.#storage.join());
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
    runBlocking(this.#storage.shutdown(immediate));
  }

  /**
   * Whether `shutdown()` was called.
   * @example
   * if (queue.isShutdown) return;
   */
  get isShutdown(): boolean {
    return this.#storage.isShutdown;
  }

  private encode(item: T): Uint8Array {
    const payload = encodeQueueItem(item);
    if (!this.#storage.fits(payload.length)) {
      throw new RangeError(
        `Cannot put an item of ${payload.length} serialized bytes on a Queue of ${this.#storage.capacity} bytes (${RECORD_HEADER_BYTES} more per item for framing): pass a larger \`maxBytes\` option to the Queue.`,
      );
    }
    return payload;
  }

  /**
   * Describes the queue for another thread (core's revivable protocol).
   * @example
   * encodeRevivables([queue], 'thread'); // what Thread does with its args
   */
  [REVIVE](): RevivableDescription {
    return {
      kind: KIND,
      moduleUrl: import.meta.url,
      data: { buffer: this.#storage.cells.buffer },
      scope: 'thread',
    };
  }
}

registerReviver(KIND, (data) =>
  withAdoptedBuffer((data as { buffer: unknown }).buffer, () => new Queue()),
);
