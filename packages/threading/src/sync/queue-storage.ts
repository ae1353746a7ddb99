// The Queue's shared-memory algorithms: its header slots and byte ring, guarded by a futex
// mutex and three notifiers (not empty, not full, all tasks done), after CPython's
// queue.py. Items arrive here already serialized; queue.ts is the public surface.
import { ByteRing, RECORD_HEADER_BYTES } from './byte-ring.js';
import { Empty, Full, ShutDown } from './errors.js';
import { lockMutexForever, unlockMutex } from './mutex.js';
import { notifyWaiters, waitWithMutex } from './notifier.js';
import { createSlots, QUEUE_LAYOUT as L, SLOT_BYTES } from './slots.js';
import { Deadline, type WaitSteps } from './waiting.js';

/** Where the ring starts in the buffer: after the header slots, 8-byte aligned. */
const RING_OFFSET = Math.ceil((L.size * SLOT_BYTES) / 8) * 8;
const ALL = Number.MAX_SAFE_INTEGER;

/** A queue's state in shared memory; every method that changes it holds the mutex. */
export class QueueStorage {
  readonly cells: Int32Array;
  readonly #ring: ByteRing;

  /** Allocates a fresh queue, or adopts the revived buffer (then the arguments are unused). */
  constructor(maxsize: number, maxBytes: number, revived: boolean) {
    this.cells = createSlots(L.size, RING_OFFSET - L.size * SLOT_BYTES + maxBytes);
    if (!revived) {
      Atomics.store(this.cells, L.maxsize, maxsize);
      Atomics.store(this.cells, L.capacity, maxBytes);
    }
    const buffer = this.cells.buffer as SharedArrayBuffer;
    this.#ring = new ByteRing(buffer, RING_OFFSET, Atomics.load(this.cells, L.capacity));
  }

  get capacity(): number {
    return this.#ring.capacity;
  }

  get maxsize(): number {
    return Atomics.load(this.cells, L.maxsize);
  }

  get count(): number {
    return Atomics.load(this.cells, L.count);
  }

  get isShutdown(): boolean {
    return Atomics.load(this.cells, L.shutdown) === 1;
  }

  /** Whether a payload of this size can ever fit. */
  fits(payloadBytes: number): boolean {
    return RECORD_HEADER_BYTES + payloadBytes <= this.#ring.capacity;
  }

  *put(payload: Uint8Array, blocking: boolean, deadline: Deadline): WaitSteps<void> {
    const recordBytes = RECORD_HEADER_BYTES + payload.length;
    yield* this.locked(function* (this: QueueStorage) {
      for (;;) {
        if (this.isShutdown) throw new ShutDown('Cannot put on a Queue that was shut down.');
        if (this.hasRoom(recordBytes)) break;
        if (!blocking) throw new Full('The Queue is full.');
        if (deadline.expired()) throw new Full('The Queue stayed full for the whole timeout.');
        yield* waitWithMutex(this.cells, L.mutex, L.notFull, deadline);
      }
      const head = Atomics.load(this.cells, L.head);
      const used = Atomics.load(this.cells, L.used);
      this.#ring.writeRecord((head + used) % this.#ring.capacity, payload);
      Atomics.store(this.cells, L.used, used + recordBytes);
      Atomics.add(this.cells, L.count, 1);
      Atomics.add(this.cells, L.unfinished, 1);
      notifyWaiters(this.cells, L.notEmpty, 1);
    });
  }

  *get(blocking: boolean, deadline: Deadline): WaitSteps<Uint8Array> {
    return yield* this.locked(function* (this: QueueStorage) {
      while (this.count === 0) {
        if (this.isShutdown) throw new ShutDown('The Queue was shut down and is empty.');
        if (!blocking) throw new Empty('The Queue is empty.');
        if (deadline.expired()) throw new Empty('The Queue stayed empty for the whole timeout.');
        yield* waitWithMutex(this.cells, L.mutex, L.notEmpty, deadline);
      }
      const head = Atomics.load(this.cells, L.head);
      const payload = this.#ring.readRecord(head);
      const recordBytes = RECORD_HEADER_BYTES + payload.length;
      Atomics.store(this.cells, L.head, (head + recordBytes) % this.#ring.capacity);
      Atomics.sub(this.cells, L.used, recordBytes);
      Atomics.sub(this.cells, L.count, 1);
      // Every putter re-checks: the freed bytes may fit a small item but not a big one.
      notifyWaiters(this.cells, L.notFull, ALL);
      return payload;
    });
  }

  *taskDone(): WaitSteps<void> {
    yield* this.lockedWithoutWaiting(() => {
      const unfinished = Atomics.load(this.cells, L.unfinished);
      if (unfinished <= 0) {
        throw new RangeError('Queue.taskDone() called more times than there were items put.');
      }
      Atomics.store(this.cells, L.unfinished, unfinished - 1);
      if (unfinished === 1) notifyWaiters(this.cells, L.allTasksDone, ALL);
    });
  }

  *join(): WaitSteps<void> {
    yield* this.locked(function* (this: QueueStorage) {
      while (Atomics.load(this.cells, L.unfinished) > 0) {
        yield* waitWithMutex(this.cells, L.mutex, L.allTasksDone, Deadline.after(Infinity));
      }
    });
  }

  *shutdown(immediate: boolean): WaitSteps<void> {
    yield* this.lockedWithoutWaiting(() => {
      Atomics.store(this.cells, L.shutdown, 1);
      if (immediate) {
        // Python 3.13: drop the items and count them done, so join() returns.
        const dropped = Atomics.exchange(this.cells, L.count, 0);
        Atomics.store(this.cells, L.head, 0);
        Atomics.store(this.cells, L.used, 0);
        const unfinished = Atomics.load(this.cells, L.unfinished);
        Atomics.store(this.cells, L.unfinished, Math.max(0, unfinished - dropped));
        notifyWaiters(this.cells, L.allTasksDone, ALL);
      }
      notifyWaiters(this.cells, L.notEmpty, ALL);
      notifyWaiters(this.cells, L.notFull, ALL);
    });
  }

  private hasRoom(recordBytes: number): boolean {
    const maxsize = this.maxsize;
    if (maxsize > 0 && this.count >= maxsize) return false;
    return Atomics.load(this.cells, L.used) + recordBytes <= this.#ring.capacity;
  }

  /** Runs `body` holding the mutex. */
  private *lockedWithoutWaiting(body: () => void): WaitSteps<void> {
    yield* lockMutexForever(this.cells, L.mutex);
    try {
      body();
    } finally {
      unlockMutex(this.cells, L.mutex);
    }
  }

  /** Runs `body` holding the mutex (it may wait on a notifier, which unlocks meanwhile). */
  private *locked<R>(body: (this: QueueStorage) => WaitSteps<R>): WaitSteps<R> {
    yield* lockMutexForever(this.cells, L.mutex);
    try {
      return yield* body.call(this);
    } finally {
      unlockMutex(this.cells, L.mutex);
    }
  }
}
