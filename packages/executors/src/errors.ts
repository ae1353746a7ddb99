// The executors' own error classes: Python's BrokenThreadPool and BrokenProcessPool, both
// subclasses of core's BrokenExecutorError, registered so they keep their class in transit.
import { BrokenExecutorError, registerErrorClass } from '@concur/core';

/**
 * A ThreadPoolExecutor cannot run work any more, because a thread's initializer failed
 * (Python's `concurrent.futures.thread.BrokenThreadPool`). The cause is the initializer's error.
 *
 * @example
 * await future.catch((e) => e instanceof BrokenThreadPool); // true
 */
export class BrokenThreadPool extends BrokenExecutorError {
  override readonly code: string = 'ERR_CONCUR_BROKEN_THREAD_POOL';
}
Object.defineProperty(BrokenThreadPool.prototype, 'name', {
  value: 'BrokenThreadPool',
  writable: true,
  configurable: true,
});

/**
 * A ProcessPoolExecutor cannot run work any more, because a process's initializer failed
 * or a worker could not start (Python's `concurrent.futures.process.BrokenProcessPool`).
 *
 * @example
 * await future.catch((e) => e instanceof BrokenProcessPool); // true
 */
export class BrokenProcessPool extends BrokenExecutorError {
  override readonly code: string = 'ERR_CONCUR_BROKEN_PROCESS_POOL';
}
Object.defineProperty(BrokenProcessPool.prototype, 'name', {
  value: 'BrokenProcessPool',
  writable: true,
  configurable: true,
});

registerErrorClass(BrokenThreadPool);
registerErrorClass(BrokenProcessPool);
