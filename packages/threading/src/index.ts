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
