// @concur/threading: Python's `threading` for Node worker threads — Thread, currentThread,
// the thread worker handle, and sync primitives over SharedArrayBuffer + Atomics.
export { createThreadWorkerHandle, FORCE_TERMINATE_AFTER_MS } from './thread-handle.js';
export type { ThreadWorkerHandleOptions } from './thread-handle-options.js';
