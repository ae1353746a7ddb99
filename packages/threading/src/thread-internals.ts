// The per-Thread state, kept off the instance (in a WeakMap) so that a subclass's own
// fields are exactly what its constructor set: those are what cross to the worker thread.
import type { TaskReference } from '@concur/core';
import type { ThreadWorkerHandle } from './thread-handle.js';
import type { Thread } from './thread.js';

/**
 * A thread's lifecycle, one field: `initial` → `started` → `stopped`.
 * `main` and `foreign` threads (the main thread, threads of executors) are always started.
 */
export type ThreadState = 'initial' | 'started' | 'stopped';

/** Where a Thread object stands for a thread. */
export type ThreadOrigin =
  | 'own' // created with `new Thread()` on this side
  | 'main' // the process's main thread
  | 'rebuilt' // a subclass instance rebuilt inside its own worker thread
  | 'foreign'; // a worker thread this side did not start (e.g. an executor's)

export interface ThreadInternals {
  readonly origin: ThreadOrigin;
  name: string;
  daemon: boolean;
  ident: number | undefined;
  state: ThreadState;
  readonly target: TaskReference | undefined;
  readonly args: readonly unknown[];
  /** The exception that escaped the thread, wrapped so that `undefined` thrown still counts. */
  failure: { readonly value: unknown } | undefined;
  handle: ThreadWorkerHandle | undefined;
  /** How many `join()` calls are waiting: a daemon thread is referenced while joined. */
  joiners: number;
  readonly exitWaiters: (() => void)[];
}

const internals = new WeakMap<Thread, ThreadInternals>();

/** Threads started on this side and not yet ended (for `enumerate()` / `activeCount()`). */
export const startedThreads = new Set<Thread>();

/** The subclass instance running in this worker thread, if any (for `currentThread()`). */
export const runningInThisThread: { thread: Thread | undefined } = { thread: undefined };

let nextThreadNumber = 1;

/** Python's default names: `Thread-1`, or `Thread-1 (target)` when a target is given. */
export function createDefaultThreadName(targetName: string | undefined): string {
  const number = nextThreadNumber++;
  return targetName === undefined ? `Thread-${number}` : `Thread-${number} (${targetName})`;
}

export function setThreadInternals(thread: Thread, state: ThreadInternals): void {
  internals.set(thread, state);
}

export function getThreadInternals(thread: Thread): ThreadInternals {
  const state = internals.get(thread);
  if (state === undefined) {
    throw new TypeError(
      'This Thread was not initialized: a subclass constructor must call super() before using it.',
    );
  }
  return state;
}

export function createThreadInternals(
  origin: ThreadOrigin,
  fields: Pick<ThreadInternals, 'name' | 'daemon'> & Partial<ThreadInternals>,
): ThreadInternals {
  return {
    origin,
    ident: undefined,
    state: origin === 'own' ? 'initial' : 'started',
    target: undefined,
    args: [],
    failure: undefined,
    handle: undefined,
    joiners: 0,
    exitWaiters: [],
    ...fields,
  };
}
