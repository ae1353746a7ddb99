// @concur/threading: Python's `threading` for Node worker threads — Thread, currentThread,
// the thread worker handle, and sync primitives over SharedArrayBuffer + Atomics.
export { createThreadWorkerHandle, FORCE_TERMINATE_AFTER_MS } from './thread-handle.js';
export type { ThreadWorkerHandle } from './thread-handle.js';
export type { ThreadWorkerHandleOptions } from './thread-handle-options.js';
export { Thread } from './thread.js';
export type { ThreadOptions } from './thread.js';
export { currentThread, mainThread, activeCount, enumerate } from './current-thread.js';
export { setExcepthook, getExcepthook, defaultExcepthook } from './excepthook.js';
export type { Excepthook, ExcepthookArgs } from './excepthook.js';

// Sync primitives over SharedArrayBuffer + Atomics (Python's threading primitives and queue.Queue).
export { Lock } from './sync/lock.js';
export { RLock } from './sync/rlock.js';
export { Semaphore } from './sync/semaphore.js';
export { BoundedSemaphore } from './sync/bounded-semaphore.js';
export { Event } from './sync/event.js';
export { Condition } from './sync/condition.js';
export { Barrier } from './sync/barrier.js';
export type { BarrierOptions } from './sync/barrier.js';
export { Queue, DEFAULT_QUEUE_BYTES } from './sync/queue.js';
export type { QueueOptions, QueueWaitOptions } from './sync/queue.js';
export { BrokenBarrierError, Empty, Full, ShutDown } from './sync/errors.js';
export { Held } from './sync/held.js';
export type { AcquireOptions } from './sync/acquire-options.js';
