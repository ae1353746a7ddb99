// Main side: the worker handle for threads, core's WorkerHandle over node:worker_threads.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import {
  ExitLatch,
  InvalidStateError,
  isWorkerResponse,
  validateDuration,
  type InitRequest,
  type StopOptions,
  type Transferable,
  type WorkerExit,
  type WorkerHandle,
  type WorkerHandleListener,
  type WorkerHandleState,
  type WorkerRequest,
} from '@concur/core';
import { getWorkerModuleUrl } from './worker-module-url.js';
import { normalizeThreadWorkerHandleOptions } from './thread-handle-options.js';
import type { ThreadWorkerHandleOptions } from './thread-handle-options.js';

/**
 * How long `stop()` waits for a thread to finish its running tasks and exit before it
 * terminates it, in milliseconds: long enough for a task to notice and wind down, short
 * enough that a stuck task cannot hold up shutdown.
 */
export const FORCE_TERMINATE_AFTER_MS = 5_000;

/** The longest delay setTimeout honours, in milliseconds (a signed 32-bit integer). */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** The exit reported when `new Worker()` itself fails (bad execArgv, missing entry). */
const FAILED_TO_START: WorkerExit = { exitCode: 1, signal: null };

/** A {@link WorkerHandle} for a worker thread, which also tells the thread's id. */
export interface ThreadWorkerHandle extends WorkerHandle {
  /** The worker's `threadId` once started (Python's `ident`); `undefined` before. */
  readonly threadId: number | undefined;
}

/**
 * Creates a {@link WorkerHandle} backed by a `node:worker_threads` Worker running the
 * package's thread entry (core's `serve` loop). Pools and `Thread` hold these.
 *
 * @param options - see {@link ThreadWorkerHandleOptions}; `name` is required.
 * @returns a handle in state `created`; call `setListener` then `start(init)`.
 * @throws TypeError when an option is invalid (one message template naming it).
 * @example
 * const handle = createThreadWorkerHandle({ name: 'Thread-1' });
 * handle.setListener({ onMessage: console.log, onExit: console.log });
 * handle.start({ type: 'init', threadName: 'Thread-1' });
 */
export function createThreadWorkerHandle(options: ThreadWorkerHandleOptions): ThreadWorkerHandle {
  const resolved = normalizeThreadWorkerHandleOptions(options);
  let state: WorkerHandleState = 'created';
  let listener: WorkerHandleListener | undefined;
  let worker: Worker | undefined;
  // Captured at creation: `worker.threadId` turns -1 once the thread has ended.
  let threadId: number | undefined;
  let referenced = true;
  let forceTimer: NodeJS.Timeout | undefined;
  const exited = new ExitLatch();

  const finish = (result: WorkerExit) => {
    // Waiters resume in a later microtask, after the listener has heard of the exit.
    if (!exited.settle(result)) return;
    state = 'stopped';
    if (forceTimer !== undefined) clearTimeout(forceTimer);
    listener?.onExit(result);
  };

  const waitForExit = (): Promise<WorkerExit> => exited.wait();

  const handle: ThreadWorkerHandle = {
    name: resolved.name,
    kind: 'thread',
    get state() {
      return state;
    },
    get threadId() {
      return threadId;
    },
    setListener(next) {
      listener = next;
    },
    start(init: InitRequest) {
      if (state !== 'created') {
        throw new InvalidStateError(
          `Cannot start thread worker \`${resolved.name}\`: it is ${state}; a worker starts once.`,
        );
      }
      if (listener === undefined) {
        throw new InvalidStateError(
          `Cannot start thread worker \`${resolved.name}\` before setListener(): its exit would go unreported.`,
        );
      }
      state = 'starting';
      try {
        worker = new Worker(getWorkerModuleUrl('thread-entry.js'), {
          execArgv: resolved.execArgv,
          env: resolved.env,
          workerData: resolved.workerData,
          resourceLimits: resolved.resourceLimits as ResourceLimits | undefined,
        });
      } catch (error) {
        // Report like a crash, asynchronously, so every caller sees one path: onError, onExit.
        process.nextTick(() => {
          listener?.onError?.(error as Error);
          finish(FAILED_TO_START);
        });
        return;
      }
      threadId = worker.threadId;
      if (!referenced) worker.unref();
      worker.on('online', () => {
        if (state === 'starting') state = 'running';
      });
      worker.on('message', (message: unknown) => {
        if (!isWorkerResponse(message)) {
          logInvalidResponse(resolved.name, message);
          return;
        }
        listener?.onMessage(message);
      });
      // Uncaught exceptions and ERR_WORKER_OUT_OF_MEMORY arrive here; 'exit' follows.
      worker.on('error', (error: Error) => listener?.onError?.(error));
      worker.on('exit', (exitCode: number) => finish({ exitCode, signal: null }));
      worker.postMessage(init);
    },
    send(message: WorkerRequest, transfer?: readonly Transferable[]) {
      if (worker === undefined || exited.exit !== undefined) {
        throw new InvalidStateError(
          `Cannot send \`${message.type}\` to thread worker \`${resolved.name}\`: it is ${state}.`,
        );
      }
      // Throws DataCloneError synchronously for unserializable values; the worker is unaffected.
      worker.postMessage(message, transfer as never);
    },
    stop(stopOptions: StopOptions = {}) {
      const forceAfterMs = validateDuration(
        'forceAfterMs',
        stopOptions.forceAfterMs ?? FORCE_TERMINATE_AFTER_MS,
      );
      if (worker === undefined) {
        if (exited.exit === undefined) finish({ exitCode: 0, signal: null });
        return waitForExit();
      }
      if (exited.exit === undefined && state !== 'stopping') {
        state = 'stopping';
        worker.postMessage({ type: 'stop' } satisfies WorkerRequest);
        const target = worker;
        // setTimeout treats delays beyond 2^31-1 ms (and Infinity) as 1 ms: never force those.
        if (forceAfterMs <= MAX_TIMER_DELAY_MS) {
          forceTimer = setTimeout(() => void target.terminate(), forceAfterMs);
          forceTimer.unref();
        }
      }
      return waitForExit();
    },
    kill() {
      if (worker === undefined) return handle.stop();
      if (exited.exit === undefined) {
        state = 'stopping';
        void worker.terminate();
      }
      return waitForExit();
    },
    setReferenced(next: boolean) {
      referenced = next;
      if (worker === undefined) return;
      if (next) worker.ref();
      else worker.unref();
    },
  };
  return handle;
}

function logInvalidResponse(name: string, message: unknown): void {
  let shown: string;
  try {
    shown = JSON.stringify(message)?.slice(0, 200) ?? String(message);
  } catch {
    shown = Object.prototype.toString.call(message);
  }
  process.stderr.write(
    `concur: ignored a message of unknown shape from thread worker \`${name}\`: ${shown}\n`,
  );
}
