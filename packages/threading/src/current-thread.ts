// Python's `threading.current_thread()`, `main_thread()`, `active_count()`, `enumerate()`.
import { isMainThread, threadId } from 'node:worker_threads';
import { getWorkerIdentity } from '@concur/core';
import {
  createThreadInternals,
  runningInThisThread,
  setThreadInternals,
  startedThreads,
} from './thread-internals.js';
import { getThreadWorkerData } from './thread-worker-data.js';
import { Thread } from './thread.js';

/** The main thread's `threadId` in Node. */
const MAIN_THREAD_ID = 0;

let mainThreadObject: Thread | undefined;
let thisThreadObject: Thread | undefined;

function createStandIn(name: string, daemon: boolean, ident: number, origin: 'main' | 'foreign') {
  const thread = Object.create(Thread.prototype) as Thread;
  setThreadInternals(thread, createThreadInternals(origin, { name, daemon, ident }));
  return thread;
}

/**
 * Returns the Thread object of the process's main thread, named `MainThread`.
 * @example
 * mainThread().name; // 'MainThread'
 */
export function mainThread(): Thread {
  mainThreadObject ??= createStandIn('MainThread', false, MAIN_THREAD_ID, 'main');
  return mainThreadObject;
}

/**
 * Returns the Thread object of the caller: `MainThread` in the main thread; inside a
 * Thread subclass's run(), that very instance; in a target's or an executor's worker, an
 * object with the worker's name and id.
 * @example
 * currentThread().name; // 'Thread-1 (printNumbers)' inside that thread
 */
export function currentThread(): Thread {
  if (isMainThread) return mainThread();
  if (runningInThisThread.thread !== undefined) return runningInThisThread.thread;
  const { threadName } = getWorkerIdentity();
  if (thisThreadObject === undefined) {
    const daemon = getThreadWorkerData()?.daemon ?? true;
    thisThreadObject = createStandIn(threadName, daemon, threadId, 'foreign');
  }
  // The worker loop sets the name from `init`, possibly after this object was made.
  thisThreadObject.name = threadName;
  return thisThreadObject;
}

/**
 * Returns the live threads this side knows: the current thread (and the main thread, seen
 * from it) plus every Thread started here that has not ended.
 * @example
 * enumerate().map((t) => t.name); // ['MainThread', 'Thread-1 (printNumbers)']
 */
export function enumerate(): Thread[] {
  const known = new Set<Thread>([mainThread(), currentThread(), ...startedThreads]);
  return [...known];
}

/**
 * Returns `enumerate().length`.
 * @example
 * activeCount(); // 1 with no threads running
 */
export function activeCount(): number {
  return enumerate().length;
}
