// The main-side worker-handle interface: what a pool holds for each worker, whether it is
// a thread or a process. The threading and multiprocessing packages implement it.
import type { InitRequest, WorkerRequest, WorkerResponse } from './messages.js';
import type { Transferable } from './transport.js';

/** How a worker ended. */
export interface WorkerExit {
  /** The exit code, or `null` when a signal ended it. */
  readonly exitCode: number | null;
  /** The signal that ended it, or `null`. */
  readonly signal: NodeJS.Signals | null;
}

/** A worker handle's lifecycle, one field: created → starting → running → stopping → stopped. */
export type WorkerHandleState = 'created' | 'starting' | 'running' | 'stopping' | 'stopped';

/** Receives a handle's events. One listener per handle: the pool that owns it. */
export interface WorkerHandleListener {
  /** A well-formed response arrived. */
  onMessage(message: WorkerResponse): void;
  /** The worker ended (always called exactly once after `start`). */
  onExit(exit: WorkerExit): void;
  /** The worker reported an error outside any task (uncaught exception, spawn failure). */
  onError?(error: Error): void;
}

/** Options for stopping a worker. */
export interface StopOptions {
  /**
   * How long to wait for a graceful exit before forcing it, in milliseconds.
   * @default the handle's own named constant
   */
  readonly forceAfterMs?: number;
}

/**
 * One worker, thread or process, as the pool sees it: start, send, stop, events.
 */
export interface WorkerHandle {
  /** The worker's name, e.g. `ThreadPoolExecutor-0_1`. */
  readonly name: string;
  /** Which runtime backs this handle. */
  readonly kind: 'thread' | 'process';
  /** The lifecycle state. */
  readonly state: WorkerHandleState;
  /** Sets the one listener for this handle's events. */
  setListener(listener: WorkerHandleListener): void;
  /** Starts the worker and sends it `init`. */
  start(init: InitRequest): void;
  /**
   * Sends a request.
   * @throws when the message cannot be serialized (the worker is unaffected).
   */
  send(message: WorkerRequest, transfer?: readonly Transferable[]): void;
  /** Asks the worker to finish and exit; forces it after `forceAfterMs`. */
  stop(options?: StopOptions): Promise<WorkerExit>;
  /** Ends the worker now (terminate for threads, SIGKILL for processes). */
  kill(): Promise<WorkerExit>;
  /** Whether this worker keeps the event loop alive: pools ref busy workers, unref idle ones. */
  setReferenced(referenced: boolean): void;
}

/** Options a pool passes when it creates a worker handle. */
export interface WorkerHandleOptions {
  /** The worker's name. */
  readonly name: string;
}

/** Creates worker handles of one kind; pools take one of these. */
export type WorkerHandleFactory = (options: WorkerHandleOptions) => WorkerHandle;
